import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { insertOfferCategory } from '../../db/queries/offers';
import type { MethodInput, MethodName } from '../../shared/contract';
import { call, openTestBackend } from '../helpers/backend';
import { addOffer, addSheet, organisationId, simpleSheetContent } from '../helpers/tariff-year-fixture';

/* The 5 % ledger through the backend: results and set-aside uses entered, the ledger per offer and per operator. The test clock is November 2026. */

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

const kr = (kroner: number) => Math.round(kroner * 100);

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>) {
  const result = await backend.call(method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

describe('results', () => {
  it('are entered and corrected with their revision, and the set-aside is held to 5 % of the basis', async () => {
    const offerId = await addOffer(backend.database.db, 'Region Nordjylland', { name: 'Tilbud X' });
    // AT-07: 770.000 kr. on 8.000.000 kr.: at most 400.000 kr. may be set aside.
    expect(await refusal('results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000), setAside: kr(450_000) })).toEqual({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Der kan højst hensættes 400\.000 kr\. \(5\s% af takstberegningsgrundlaget, dog ikke mere end overskuddet\); der er angivet 450\.000 kr\.$/),
    });
    expect((await refusal('results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(-770_000), setAside: kr(1) })).message).toBe(
      'Der kan kun hensættes af et overskud; 2023 har et underskud på 770.000 kr.',
    );
    expect(await refusal('results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000), activity: 12 })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { capacity: 'Angiv en kapacitet over 0, når aktiviteten er angivet' },
    });
    expect((await refusal('results.save', { offerId, year: 2023, basis: -1, result: 0 })).message).toBe('Oplysningerne er ikke gyldige. Takstberegningsgrundlaget må ikke være negativt');

    const saved = await call(backend, 'results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000), setAside: kr(300_000) });
    expect(saved).toMatchObject({ year: 2023, basis: kr(8_000_000), result: kr(770_000), setAside: kr(300_000), revision: 1 });
    expect(await refusal('results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000) })).toEqual({ code: 'CONFLICT', message: 'Der er allerede et resultat for 2023. Ret det i stedet.' });
    const corrected = await call(backend, 'results.save', { id: saved.id, revision: 1, offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000), setAside: null, note: 'Revideret regnskab' });
    expect(corrected).toMatchObject({ revision: 2, setAside: null, note: 'Revideret regnskab' });
    expect((await refusal('results.save', { id: saved.id, revision: 1, offerId, year: 2023, basis: kr(8_000_000), result: 0 })).code).toBe('CONFLICT');
  });

  it('gives each ledger year the result as entered, so a correction in the window starts from it', async () => {
    const offerId = await addOffer(backend.database.db, 'Region Nordjylland', { name: 'Tilbud Y' });
    await call(backend, 'results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000), setAside: kr(300_000), activity: 6_800, capacity: 7_300 });
    await call(backend, 'results.save', { offerId, year: 2024, basis: kr(8_000_000), result: kr(100_000) });
    expect((await call(backend, 'ledger.offer', { offerId })).years.map((y) => [y.year, y.setAside, y.entered])).toEqual([
      [2023, kr(300_000), { setAside: kr(300_000), activity: 6_800, capacity: 7_300 }],
      // Left empty: the most the rule allows is set aside, and a correction keeps it empty.
      [2024, kr(100_000), { setAside: null, activity: null, capacity: null }],
    ]);
  });

  it('are deleted with undo, and a new entry for the year of a deleted one takes its place', async () => {
    const offerId = await addOffer(backend.database.db, 'Region Nordjylland', { name: 'Tilbud X' });
    const saved = await call(backend, 'results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(770_000) });
    await call(backend, 'results.delete', { id: saved.id });
    expect((await call(backend, 'ledger.offer', { offerId })).years).toEqual([]);
    await call(backend, 'results.restore', { id: saved.id });
    expect((await call(backend, 'ledger.offer', { offerId })).years.map((y) => y.year)).toEqual([2023]);

    await call(backend, 'results.delete', { id: saved.id });
    const again = await call(backend, 'results.save', { offerId, year: 2023, basis: kr(8_000_000), result: kr(-100_000) });
    expect(again.id).toBe(saved.id);
    expect((await call(backend, 'ledger.offer', { offerId })).years[0]).toMatchObject({ result: kr(-100_000), absorbed: kr(100_000), dueInTariff: 0 });
    expect((await refusal('results.restore', { id: saved.id })).code).toBe('NOT_FOUND');

    const history = await backend.database.db.selectFrom('history').select(['action', 'changes']).where('entity', '=', 'resultat').orderBy('id').execute();
    expect(history.map((h) => h.action)).toEqual(['oprettet', 'slettet', 'gendannet', 'slettet', 'oprettet']);
    expect(JSON.parse(history[4]!.changes)).toMatchObject({ year: { before: null, after: 2023 }, result: { before: null, after: kr(-100_000) } });
  });
});

describe('the ledger', () => {
  it('shows Østerskoven’s 2020 deficit absorbed up to 5 % and due in 2022, picked up by the 2022 sheet once there is one (AT-21)', async () => {
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Region Nordjylland', { name: 'Neurocenter Østerskoven' });
    await call(backend, 'results.save', { offerId, year: 2020, basis: kr(45_400_729), result: kr(-4_215_607), activity: 18.6, capacity: 22 });

    const before = await call(backend, 'ledger.offer', { offerId });
    expect(before.years[0]).toMatchObject({
      year: 2020,
      basis: kr(45_400_729),
      result: kr(-4_215_607),
      absorbed: kr(2_270_036),
      setAside: 0,
      setAsideExpires: null,
      dueInTariff: kr(1_945_571),
      dueYear: 2022,
      pickedUpBySheet: null,
    });
    expect(before.years[0]!.realisedOccupancy).toBeCloseTo(0.845, 3);
    expect(before.warnings).toEqual([
      { code: 'due-without-sheet', offerId, year: 2020, message: 'Resultatet for 2020 forhøjer taksten for 2022 med 1.945.571 kr., men der er intet takstskema for 2022 endnu.' },
    ]);

    const sheet = await call(backend, 'tariffSheets.save', { offerId, year: 2022, content: simpleSheetContent(40_000_000, 22, 0.95) });
    const after = await call(backend, 'ledger.offer', { offerId });
    expect(after.years[0]!.pickedUpBySheet).toEqual({ id: sheet.current!.sheet.id, version: 1, status: 'draft' });
    expect(after.warnings).toEqual([]);
  });

  it('records the uses of a set-aside within its years and what is left, and warns in its last year (2026)', async () => {
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Region Nordjylland', { name: 'Institut for Syn, Hørelse og Døvblindhed' });
    const other = await addOffer(db, 'Region Nordjylland', { name: 'Kvisten' });
    const foreign = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    // 2021: a surplus of 770.000 kr. on 8.000.000 kr.: 400.000 kr. set aside until 2026, 370.000 kr. back in 2023.
    const result = await call(backend, 'results.save', { offerId, year: 2021, basis: kr(8_000_000), result: kr(770_000) });
    await addSheet(db, offerId, 2023, simpleSheetContent(8_000_000, 10, 0.95));
    const use = { resultId: result.id, year: 2022, amount: kr(150_000), usedOnOfferId: other, purpose: 'Nyt sansemotorisk rum' };

    expect((await refusal('setAsideUses.save', { ...use, year: 2027 })).message).toBe('Hensættelsen fra 2021 kan bruges i 2022–2026 (Styringsaftalen 5.3.1), ikke i 2027.');
    expect((await refusal('setAsideUses.save', { ...use, amount: kr(400_001) })).message).toBe('Der er kun 400.000 kr. tilbage af hensættelsen fra 2021 (hensat 400.000 kr.).');
    expect((await refusal('setAsideUses.save', { ...use, usedOnOfferId: foreign })).message).toBe(
      'En hensættelse kan kun bruges på driftsherrens egne tilbud; Botilbud Øst drives af Aalborg Kommune, ikke Region Nordjylland.',
    );
    expect(await refusal('setAsideUses.save', { ...use, purpose: ' ' })).toMatchObject({ fields: { purpose: 'Skriv, hvad hensættelsen bruges til' } });

    const saved = await call(backend, 'setAsideUses.save', use);
    const ledger = await call(backend, 'ledger.offer', { offerId });
    expect(ledger.years[0]).toMatchObject({ setAside: kr(400_000), setAsideExpires: 2026, setAsideUsed: kr(150_000), setAsideLeft: kr(250_000), dueInTariff: kr(-370_000), dueYear: 2023 });
    expect(ledger.years[0]!.uses).toEqual([expect.objectContaining({ id: saved.id, purpose: 'Nyt sansemotorisk rum' })]);
    expect(ledger.warnings).toEqual([
      { code: 'set-aside-expiring', offerId, year: 2021, message: 'Hensættelsen fra 2021 har 250.000 kr. tilbage, som skal bruges inden udgangen af 2026 (Styringsaftalen 5.3.1).' },
    ]);
    expect((await refusal('setAsideUses.save', { ...use, amount: kr(250_001) })).message).toBe('Der er kun 250.000 kr. tilbage af hensættelsen fra 2021 (hensat 400.000 kr.).');

    // Undo of a deleted use, and the warning once the result is corrected below what is used.
    await call(backend, 'setAsideUses.delete', { id: saved.id });
    expect((await call(backend, 'ledger.offer', { offerId })).years[0]!.setAsideUsed).toBe(0);
    await call(backend, 'setAsideUses.restore', { id: saved.id });
    await call(backend, 'results.save', { id: result.id, revision: result.revision, offerId, year: 2021, basis: kr(8_000_000), result: kr(770_000), setAside: kr(100_000) });
    expect((await call(backend, 'ledger.offer', { offerId })).warnings).toEqual([
      { code: 'set-aside-overused', offerId, year: 2021, message: 'Hensættelsen fra 2021 er brugt med 150.000 kr., men der er kun hensat 100.000 kr. (50.000 kr. for meget).' },
    ]);
  });

  it('warns when a Socialaftale offer’s surplus is used on the operator’s own category 1 offer', async () => {
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Region Nordjylland', { name: 'Kvisten' });
    const own = await addOffer(db, 'Region Nordjylland', { name: 'Regionens egen rådgivning' });
    await insertOfferCategory(db, { id: '10000000-0000-4000-8000-00000000c001', offerId: own, fromYear: 2022, category: 1, reason: 'Udmeldt' }, '2026-01-01T00:00:00.000Z');
    const result = await call(backend, 'results.save', { offerId, year: 2021, basis: kr(8_000_000), result: kr(200_000) });
    await call(backend, 'setAsideUses.save', { resultId: result.id, year: 2023, amount: kr(200_000), usedOnOfferId: own, purpose: 'Lokaler' });
    expect((await call(backend, 'ledger.offer', { offerId })).warnings).toEqual([
      {
        code: 'surplus-outside-socialaftale',
        offerId,
        year: 2021,
        message: 'Overskud fra Kvisten (2021) er i 2023 brugt på Regionens egen rådgivning, som er et kategori 1-tilbud uden for Socialaftalen: et overskud på et tilbud i Socialaftalen skal komme tilbudets brugere til gode.',
      },
    ]);
  });

  it('sums an operator’s offers per year and gathers their warnings', async () => {
    const db = backend.database.db;
    const a = await addOffer(db, 'Region Nordjylland', { name: 'Neurocenter Østerskoven' });
    const b = await addOffer(db, 'Region Nordjylland', { name: 'Institut for Syn, Hørelse og Døvblindhed' });
    await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    await call(backend, 'results.save', { offerId: a, year: 2020, basis: kr(45_400_729), result: kr(-4_215_607) });
    // ISHD 2020 (AT-21): a surplus of 971.548 kr. on 36.226.091 kr. = 2,68 %, all of it within 5 %.
    await call(backend, 'results.save', { offerId: b, year: 2020, basis: kr(36_226_091), result: kr(971_548) });

    const ledger = await call(backend, 'ledger.operator', { operatorId: await organisationId(db, 'Region Nordjylland') });
    expect(ledger.operatorName).toBe('Region Nordjylland');
    expect(ledger.offers.map((o) => o.offer.name)).toEqual(['Institut for Syn, Hørelse og Døvblindhed', 'Neurocenter Østerskoven']);
    expect(ledger.totals).toEqual([
      { year: 2020, basis: kr(45_400_729 + 36_226_091), result: kr(-4_215_607 + 971_548), absorbed: kr(2_270_036), setAside: kr(971_548), setAsideLeft: kr(971_548), dueInTariff: kr(1_945_571) },
    ]);
    expect(ledger.warnings.map((w) => w.code)).toEqual(['due-without-sheet']);
    expect((await refusal('ledger.offer', { offerId: '10000000-0000-4000-8000-999999999999' })).code).toBe('NOT_FOUND');
  });
});
