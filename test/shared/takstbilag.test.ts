import { describe, expect, it } from 'vitest';
import type { SheetCheck } from '../../shared/logic/tariff/tariff-sheet';
import { printedOccupancies, printedOccupancyLine, printedVersusComputed } from '../../shared/logic/tariff/printed-occupancy';
import { buildTakstbilag, type TakstbilagSheet } from '../../shared/logic/tariff/takstbilag';
import { takstbilagItemText } from '../../shared/logic/tariff/takstbilag-text';
import { renderTakstbilag } from '../../shared/documents/takstbilag';

const AALBORG = 'org-aalborg';
const HJORRING = 'org-hjorring';
const REGION = 'org-region';
const ORDER = [AALBORG, HJORRING, REGION];
const NAMES: Record<string, string> = { [AALBORG]: 'Aalborg Kommune', [HJORRING]: 'Hjørring Kommune', [REGION]: 'Region Nordjylland' };

let n = 0;
function sheet(operatorId: string, name: string, extra: Partial<TakstbilagSheet> & { legalBasis?: TakstbilagSheet['offer']['legalBasis'] } = {}): TakstbilagSheet {
  const { legalBasis = 'SEL-108', ...rest } = extra;
  return {
    offer: { id: `offer-${++n}`, name, operatorId, operatorName: NAMES[operatorId]!, legalBasis, tariffUnit: 'døgn' },
    status: 'submitted',
    version: 1,
    places: 10,
    occupancy: 0.95,
    tariff: 200_000,
    tariffBasis: 693_500_000,
    previousTariff: 190_000,
    checks: [],
    ruleSetNote: null,
    ...rest,
  };
}

const tariffChange: SheetCheck = { code: 'tariff-change-reason', severity: 'warning', message: 'Taksten ændres +12,0 % (…): ændringen skal begrundes (Styringsaftalen 2.2.1).' };

describe('the takstbilag model', () => {
  it('groups the offers by operator in the organisations\' order and by legal basis in the agreement\'s order, offers by name', () => {
    const annex = buildTakstbilag(
      2022,
      [
        sheet(REGION, 'Østerskoven', { legalBasis: 'SEL-107' }),
        sheet(AALBORG, 'Vestergården', { legalBasis: 'SEL-108' }),
        sheet(AALBORG, 'Aktivitetshuset', { legalBasis: 'SEL-104' }),
        sheet(AALBORG, 'Bostedet Ådalen', { legalBasis: 'SEL-108' }),
        sheet(AALBORG, 'Bostedet Æblehaven', { legalBasis: 'SEL-108' }),
        sheet(HJORRING, 'Kvisten', { legalBasis: 'SEL-66-7' }),
      ],
      ORDER,
    );
    expect(annex.operators.map((o) => o.operatorName)).toEqual(['Aalborg Kommune', 'Hjørring Kommune', 'Region Nordjylland']);
    const aalborg = annex.operators[0]!;
    expect(aalborg.groups.map((g) => g.legalBasis)).toEqual(['SEL-104', 'SEL-108']);
    // Danish order: Æ before Å.
    expect(aalborg.groups[1]!.rows.map((r) => r.offerName)).toEqual(['Bostedet Æblehaven', 'Bostedet Ådalen', 'Vestergården']);
    expect(aalborg.groups[0]!.label).toBe('SEL § 104 (aktivitets- og samværstilbud)');
  });

  it('gives each offer last year\'s tariff, the change in kroner and per cent, and its checks as short flags with the sentence kept', () => {
    const annex = buildTakstbilag(
      2022,
      [
        sheet(AALBORG, 'Vestergården', { tariff: 212_800, previousTariff: 190_000, checks: [tariffChange], printedNotes: ['Realiseret belægning 2020: trykt: 66,7 %, beregnet: 67,5 %'] }),
        sheet(AALBORG, 'Nyt bosted', { previousTariff: null, status: 'draft' }),
      ],
      ORDER,
    );
    const [nyt, vester] = annex.operators[0]!.groups[0]!.rows;
    expect(vester!.change).toBe(22_800);
    expect(vester!.changeShare).toBeCloseTo(0.12, 10);
    expect(vester!.flags.map((f) => f.short)).toEqual(['Takstændring ikke begrundet', 'Trykt ≠ beregnet']);
    expect(vester!.flags[1]!.message).toContain('trykt: 66,7 %, beregnet: 67,5 %');
    expect(nyt!.change).toBeNull();
    expect(nyt!.changeShare).toBeNull();
    expect(nyt!.statusLabel).toBe('Udkast');
    expect(vester!.statusLabel).toBe('Indsendt');
    expect(vester!.unitLabel).toBe('Døgntakst');
  });

  it('totals per operator and for the year: offers, places, basis, flags and the mean change of offers with last year\'s tariff', () => {
    const annex = buildTakstbilag(
      2022,
      [
        sheet(AALBORG, 'A', { places: 10, tariff: 110_000, previousTariff: 100_000, tariffBasis: 1_000, checks: [tariffChange] }),
        sheet(AALBORG, 'B', { places: 4.5, tariff: 95_000, previousTariff: 100_000, tariffBasis: 2_000 }),
        sheet(AALBORG, 'C', { places: 2, previousTariff: null, tariffBasis: 3_000 }),
        sheet(REGION, 'D', { places: 28, tariff: 103_000, previousTariff: 100_000, tariffBasis: 4_000, ruleSetNote: '2021 har ikke sit eget regelsæt; reglerne fra Styringsaftalen (2022) er brugt.' }),
        sheet(REGION, 'E', { places: 6, tariff: 103_000, previousTariff: 100_000, tariffBasis: 5_000, ruleSetNote: '2021 har ikke sit eget regelsæt; reglerne fra Styringsaftalen (2022) er brugt.' }),
        // ISHD's «places» are 22.487 hours of capacity: not added to the places.
        { ...sheet(REGION, 'ISHD', { places: 22_487, tariff: 100_000, previousTariff: 100_000, tariffBasis: 0 }), offer: { ...sheet(REGION, 'ISHD').offer, tariffUnit: 'time' } },
      ],
      ORDER,
    );
    const aalborg = annex.operators[0]!.totals;
    expect(aalborg).toMatchObject({ offers: 3, places: 16.5, tariffBasis: 6_000, flags: 1, flaggedOffers: 1 });
    expect(aalborg.averageChangeShare).toBeCloseTo((0.1 - 0.05) / 2, 10);
    expect(annex.totals).toMatchObject({ offers: 6, operators: 2, places: 50.5, tariffBasis: 15_000, flags: 1 });
    expect(annex.totals.averageChangeShare).toBeCloseTo((0.1 - 0.05 + 0.03 + 0.03 + 0) / 5, 10);
    // A borrowed rule set is noted once for the whole annex.
    expect(annex.notes).toEqual(['2021 har ikke sit eget regelsæt; reglerne fra Styringsaftalen (2022) er brugt.']);
  });

  it('drafts the Resumé and the Indstilling of the agenda item from the figures', () => {
    const annex = buildTakstbilag(2022, [sheet(AALBORG, 'A', { tariff: 110_000, previousTariff: 100_000, checks: [tariffChange] }), sheet(REGION, 'B', { tariff: 103_000, previousTariff: 100_000 })], ORDER);
    const text = takstbilagItemText(annex, 'DAS');
    expect(text.title).toBe('Takstbilag 2022');
    expect(text.recommendations).toEqual(['DAS godkender takstbilaget for 2022']);
    expect(text.resume).toContain('2 tilbud hos 2 driftsherrer');
    expect(text.resume).toContain('i gennemsnit +6,5');
    expect(text.resume).toContain('1 bemærkning ved 1 tilbud');
  });

  it('prints every offer, the operators\' totals, and each flag\'s sentence under the table, escaping what operators wrote', () => {
    const annex = buildTakstbilag(2022, [sheet(AALBORG, 'Bo <script>', { checks: [tariffChange] }), sheet(REGION, 'Østerskoven')], ORDER);
    const html = renderTakstbilag(annex, '2021-10-31');
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('Bo &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('I alt Aalborg Kommune');
    expect(html).toContain('Takstændring ikke begrundet');
    expect(html).toContain('Bemærkninger fra kontrollen');
    expect(html).toContain('Takst 2021 (kr.)');
  });
});

describe('printed occupancy beside the computed one (AT-21)', () => {
  it('flags Østerskoven congenital 2019 (printed 24,2 %, 5,3 of 16 = 33,1 %) and Kvisten 2020 (66,7 % vs 5,6 of 8,3 = 67,5 %), not the rounded ones', () => {
    const osterskoven2019 = [
      printedOccupancyLine(3.139, { name: 'erhvervet hjerneskade', activity: 18.8, capacity: 6 }),
      printedOccupancyLine(0.242, { name: 'medfødt hjerneskade', activity: 5.3, capacity: 16 }),
    ].join('\n');
    const found = printedOccupancies(osterskoven2019, { activity: 24.1, capacity: 22 });
    expect(found.map((p) => [p.part, p.wrong])).toEqual([
      ['erhvervet hjerneskade', false],
      ['medfødt hjerneskade', true],
    ]);
    expect(printedVersusComputed(found[1]!)).toBe('trykt: 24,2 %, beregnet: 33,1 %'.replace(/ %/g, '\u00a0%'));

    const kvisten2020 = printedOccupancies(printedOccupancyLine(0.667), { activity: 5.6, capacity: 8.3 });
    expect(kvisten2020).toEqual([{ part: null, printed: 0.667, computed: 5.6 / 8.3, wrong: true }]);
    // Kvisten 2019: 7,0 of 9 = 77,8 %, printed 78,1 %: within the rounding of an activity printed with one decimal.
    expect(printedOccupancies(printedOccupancyLine(0.781), { activity: 7, capacity: 9 })[0]!.wrong).toBe(false);
    // ISHD 2A 2020: 2.095 of 2.900 hours = 72,2 %, printed 72,2 %.
    expect(printedOccupancies(printedOccupancyLine(0.722), { activity: 2095, capacity: 2900 })[0]!.wrong).toBe(false);
    // A part with thousands in its figures (ISHD 2D 2020: 999 of 960 = 104,1 %; 2C: 7.370 of 7.800 = 94,5 %).
    const ishd = [printedOccupancyLine(1.041, { name: '2D', activity: 999, capacity: 960 }), printedOccupancyLine(0.945, { name: '2C høreområdet', activity: 7370, capacity: 7800 })].join('\n');
    expect(printedOccupancies(ishd, { activity: null, capacity: null }).map((p) => [p.part, p.computed, p.wrong])).toEqual([
      ['2D', 999 / 960, false],
      ['2C høreområdet', 7370 / 7800, false],
    ]);
  });

  it('reads nothing from a note without printed values', () => {
    expect(printedOccupancies('Regnskab 2020 efter årsrapporten', { activity: 1, capacity: 2 })).toEqual([]);
  });
});
