import { describe, expect, it } from 'vitest';
import { dueSourcesInTariffYear, offerLedger, type LedgerOffer, type OfferLedgerInput } from '../../shared/logic/tariff/ledger';
import { categoryIn } from '../../shared/logic/tariff/offer-register';
import { homeRuleSet } from '../../shared/logic/tariff/rule-set';

/*
 * The 5 % ledger of an offer (Styringsaftalen 5.3, domain.md §3.3): AT-21's regional annual reports 2020 (Østerskoven's
 * deficit, ISHD's surplus) and AT-07's Tilbud X.
 */

const RULES = homeRuleSet(2022);
const kr = (kroner: number) => Math.round(kroner * 100);

const offer = (id: string, operatorId: string, name: string, category: 1 | 2 | 3 = 3): LedgerOffer => ({ id, name, operatorId, categories: [{ fromYear: 2015, category }] });
const OSTERSKOVEN = offer('osterskoven', 'region', 'Neurocenter Østerskoven');
const ISHD = offer('ishd', 'region', 'Institut for Syn, Hørelse og Døvblindhed');
const OPEN_SHEET = { id: 's', version: 1, status: 'submitted' as const, dueResultsAtApproval: null };

function result(year: number, basis: number, res: number, extra: Partial<OfferLedgerInput['results'][number]> = {}): OfferLedgerInput['results'][number] {
  return { id: `r${year}`, year, basis: kr(basis), result: kr(res), setAside: null, activity: null, capacity: null, rules: RULES, ...extra };
}

function ledger(input: Partial<OfferLedgerInput> & Pick<OfferLedgerInput, 'results'>) {
  return offerLedger({ offer: OSTERSKOVEN, uses: [], sheets: new Map(), currentYear: 2026, ...input });
}

describe('the 5 % ledger of an offer', () => {
  it('absorbs 5 % of Østerskoven’s 2020 deficit and carries the rest to the tariff of 2022 (AT-21)', () => {
    const sheet = { id: 'sheet-2022', version: 1, status: 'approved' as const, dueResultsAtApproval: [{ resultYear: 2020, amount: kr(1_945_571) }] };
    const { rows, warnings } = ledger({ results: [result(2020, 45_400_729, -4_215_607, { activity: 18.6, capacity: 22 })], sheets: new Map([[2022, sheet]]) });
    expect(rows).toEqual([
      {
        resultId: 'r2020',
        year: 2020,
        basis: kr(45_400_729),
        result: kr(-4_215_607),
        realisedOccupancy: 18.6 / 22,
        absorbed: kr(2_270_036),
        setAside: 0,
        setAsideExpires: null,
        setAsideUsed: 0,
        setAsideLeft: 0,
        dueInTariff: kr(1_945_571),
        dueYear: 2022,
        pickedUpBySheet: { id: 'sheet-2022', version: 1, status: 'approved' },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns when a result corrected after the sheet of its due year was approved is not in that sheet', () => {
    const approvedBefore = { id: 'sheet-2022', version: 1, status: 'approved' as const, dueResultsAtApproval: [] };
    const { rows, warnings } = ledger({ results: [result(2020, 45_400_729, -4_215_607)], sheets: new Map([[2022, approvedBefore]]) });
    expect(rows[0]!.pickedUpBySheet).toBeNull();
    expect(warnings).toEqual([
      {
        code: 'due-not-in-approved-sheet',
        offerId: 'osterskoven',
        year: 2020,
        message: 'Resultatet for 2020 giver 1.945.571 kr. i taksten for 2022, men det godkendte skema for 2022 har 0 kr. med: en ændring kræver en ny version, som FU godkender.',
      },
    ]);
    // An open sheet follows the ledger.
    const open = { ...approvedBefore, status: 'draft' as const, dueResultsAtApproval: null };
    expect(ledger({ results: [result(2020, 45_400_729, -4_215_607)], sheets: new Map([[2022, open]]) }).warnings).toEqual([]);
  });

  it('warns when the year a deficit is due in has no sheet yet', () => {
    const { rows, warnings } = ledger({ results: [result(2020, 45_400_729, -4_215_607)] });
    expect(rows[0]!.pickedUpBySheet).toBeNull();
    expect(warnings).toEqual([
      { code: 'due-without-sheet', offerId: 'osterskoven', year: 2020, message: expect.stringMatching(/^Resultatet for 2020 forhøjer taksten for 2022 med 1\.945\.571 kr\., men der er intet takstskema for 2022 endnu\.$/) },
    ]);
  });

  it('sets ISHD’s 2020 surplus of 2,68 % aside in full, to be used by 2025, with nothing due', () => {
    // AT-21: Bruttoomkostningsbudget 36.226.091 kr., I alt −971.548 kr. (income is negative: a surplus).
    const { rows, warnings } = offerLedger({ offer: ISHD, results: [result(2020, 36_226_091, 971_548, { activity: 2_095, capacity: 2_900 })], uses: [], sheets: new Map(), currentYear: 2024 });
    const [row] = rows;
    expect(row!.result / row!.basis).toBeCloseTo(0.0268, 4);
    expect(row).toMatchObject({ setAside: kr(971_548), setAsideExpires: 2025, setAsideLeft: kr(971_548), absorbed: 0, dueInTariff: 0, dueYear: null, pickedUpBySheet: null });
    // 2.095 / 2.900 = 72,2 % as printed.
    expect(row!.realisedOccupancy).toBeCloseTo(0.7224, 4);
    expect(warnings).toEqual([]);
  });

  it('gives back what Tilbud X cannot set aside: 370.000 kr. lowers the tariff two years on (AT-07)', () => {
    const { rows } = ledger({ results: [result(2023, 8_000_000, 770_000)] });
    expect(rows[0]).toMatchObject({ setAside: kr(400_000), setAsideExpires: 2028, dueInTariff: kr(-370_000), dueYear: 2025 });
    expect(dueSourcesInTariffYear([result(2023, 8_000_000, 770_000)], 2025)).toEqual([{ resultYear: 2023, amount: kr(-370_000) }]);
    // An operator that sets aside less gives more back.
    expect(ledger({ results: [result(2023, 8_000_000, 770_000, { setAside: kr(100_000) })] }).rows[0]).toMatchObject({ setAside: kr(100_000), dueInTariff: kr(-670_000) });
  });

  it('keeps what is used of a set-aside, and warns in its last year while some is left, and when it is used beyond what it holds', () => {
    const results = [result(2021, 8_000_000, 770_000)];
    const used = ledger({ results, uses: [{ resultId: 'r2021', year: 2023, amount: kr(150_000), usedOn: OSTERSKOVEN }], currentYear: 2026, sheets: new Map([[2023, OPEN_SHEET]]) });
    expect(used.rows[0]).toMatchObject({ setAside: kr(400_000), setAsideUsed: kr(150_000), setAsideLeft: kr(250_000), setAsideExpires: 2026 });
    expect(used.warnings).toEqual([
      { code: 'set-aside-expiring', offerId: 'osterskoven', year: 2021, message: 'Hensættelsen fra 2021 har 250.000 kr. tilbage, som skal bruges inden udgangen af 2026 (Styringsaftalen 5.3.1).' },
    ]);
    expect(ledger({ results, currentYear: 2025, sheets: new Map([[2023, OPEN_SHEET]]) }).warnings).toEqual([]);

    const overused = ledger({ results, currentYear: 2024, uses: [{ resultId: 'r2021', year: 2022, amount: kr(450_000), usedOn: null }], sheets: new Map([[2023, OPEN_SHEET]]) });
    expect(overused.rows[0]!.setAsideLeft).toBe(0);
    expect(overused.warnings).toEqual([
      { code: 'set-aside-overused', offerId: 'osterskoven', year: 2021, message: 'Hensættelsen fra 2021 er brugt med 450.000 kr., men der er kun hensat 400.000 kr. (50.000 kr. for meget).' },
    ]);
  });

  it('warns when a Socialaftale offer’s surplus is used on a category 1 offer or another operator’s offer, not on one of its own in the agreement', () => {
    const sheets = new Map([[2023, OPEN_SHEET]]);
    const own = offer('own', 'region', 'Kvisten', 3);
    const outside = { ...offer('outside', 'region', 'Regionens egen rådgivning', 3), categories: [{ fromYear: 2015, category: 3 as const }, { fromYear: 2022, category: 1 as const }] };
    const foreign = offer('foreign', 'aalborg', 'Aalborg Kommunes botilbud', 3);
    const uses = [own, outside, foreign].map((usedOn) => ({ resultId: 'r2021', year: 2022, amount: kr(100_000), usedOn }));
    const { warnings } = ledger({ results: [result(2021, 8_000_000, 770_000)], uses, sheets, currentYear: 2024 });
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['surplus-outside-socialaftale', expect.stringMatching(/^Overskud fra Neurocenter Østerskoven \(2021\) er i 2022 brugt på Regionens egen rådgivning, som er et kategori 1-tilbud uden for Socialaftalen/)],
      ['surplus-outside-socialaftale', expect.stringMatching(/brugt på Aalborg Kommunes botilbud, som en anden driftsherre driver/)],
    ]);
    // A category 1 offer's own surplus is outside the agreement to begin with.
    expect(offerLedger({ offer: { ...OSTERSKOVEN, categories: [{ fromYear: 2015, category: 1 }] }, results: [result(2021, 8_000_000, 770_000)], uses, sheets, currentYear: 2024 }).warnings).toEqual([]);
  });

  it('reads an offer’s category in a year from its history', () => {
    const categories = [{ fromYear: 2022, category: 1 as const }, { fromYear: 2018, category: 3 as const }];
    expect([2017, 2018, 2021, 2022, 2030].map((y) => categoryIn({ categories }, y))).toEqual([null, 3, 3, 1, 1]);
  });
});
