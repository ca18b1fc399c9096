import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { ruleSetInForce } from '../../electron/backend/services/rule-sets';
import { approveSheetsOfYear } from '../../electron/backend/services/tariff-sheets';
import type { MethodInput, MethodName } from '../../shared/contract';
import type { TariffSheetContent } from '../../shared/domain/tariff-year';
import { call, openTestBackend } from '../helpers/backend';
import { addOffer, simpleSheetContent } from '../helpers/tariff-year-fixture';

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>) {
  const result = await backend.call(method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

/** DAS's decision approving the year's sheets, as the takstbilag's decision will record it. */
async function approveYear(year: number, itemId: string) {
  return backend.database.db.transaction().execute((trx) => approveSheetsOfYear(trx, year, itemId, '2026-12-10T12:00:00.000Z'));
}

/** An agenda item of the demo (the DAS meeting of 25 March 2021) to stand for the approving decision. */
async function demoItemId(): Promise<string> {
  await call(backend, 'demo.load', {});
  const [item] = await call(backend, 'agenda.list', { meetingId: '5a3e8c21-7d4f-4b6a-9c0e-202103250001' });
  return item!.id;
}

const LOCKED = /^Skemaet er godkendt og låst \(Botilbud Øst, 2027\)\. En ændring i årets løb laves som en ny version, som FU godkender\.$/;

describe('tariff sheets', () => {
  it('goes from draft to submitted and back, records the rule set in force and every change in the history', async () => {
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    const created = await call(backend, 'tariffSheets.save', { offerId, year: 2027, content: simpleSheetContent(10_000_000, 20, 0.95) });
    const sheet = created.current!.sheet;
    expect(sheet).toMatchObject({ version: 1, status: 'draft', ruleSetId: (await ruleSetInForce(db, 2027)).id });
    expect(created.current!.computation.tariff).toBe(144_196);
    expect(created.offer).toMatchObject({ name: 'Botilbud Øst', operatorName: 'Aalborg Kommune', category: 3 });

    // A second «new» sheet for the same year is refused: the draft is edited with its revision.
    expect(await refusal('tariffSheets.save', { offerId, year: 2027, content: simpleSheetContent(11_000_000, 20, 0.95) })).toMatchObject({
      code: 'CONFLICT',
      message: 'Der er allerede et skema for Botilbud Øst 2027. Indlæs det, og ret i det.',
    });
    const saved = await call(backend, 'tariffSheets.save', { offerId, year: 2027, revision: sheet.revision, content: simpleSheetContent(11_000_000, 20, 0.95) });
    expect(saved.current!.sheet).toMatchObject({ id: sheet.id, revision: sheet.revision + 1 });
    expect(saved.current!.computation.budgetTotal).toBe(1_100_000_000);
    expect((await refusal('tariffSheets.save', { offerId, year: 2027, revision: sheet.revision, content: simpleSheetContent(12_000_000, 20, 0.95) })).code).toBe('CONFLICT');

    const submitted = await call(backend, 'tariffSheets.submit', { id: sheet.id, revision: sheet.revision + 1 });
    expect(submitted.current!.sheet.status).toBe('submitted');
    expect(await refusal('tariffSheets.save', { offerId, year: 2027, revision: sheet.revision + 2, content: simpleSheetContent(12_000_000, 20, 0.95) })).toEqual({
      code: 'CONFLICT',
      message: 'Skemaet for Botilbud Øst 2027 er indsendt. Genåbn det for at rette i det.',
    });
    const reopened = await call(backend, 'tariffSheets.reopen', { id: sheet.id, revision: sheet.revision + 2 });
    expect(reopened.current!.sheet.status).toBe('draft');

    const history = await db.selectFrom('history').select(['entity', 'entity_id', 'action', 'changes']).where('entity', '=', 'takstskema').orderBy('id').execute();
    expect(history.map((h) => [h.action, JSON.parse(h.changes) as unknown])).toEqual([
      ['oprettet', { tilbud: { before: null, after: 'Botilbud Øst' }, år: { before: null, after: 2027 } }],
      ['aendret', { budgetLines: expect.anything(), statedTotal: { before: 1_000_000_000, after: 1_100_000_000 } }],
      ['aendret', { status: { before: 'draft', after: 'submitted' } }],
      ['aendret', { status: { before: 'submitted', after: 'draft' } }],
    ]);
  });

  it('refuses content the schema does not allow with a Danish message naming the field', async () => {
    const offerId = await addOffer(backend.database.db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    const bad = (content: Partial<TariffSheetContent>) => refusal('tariffSheets.save', { offerId, year: 2027, content: { ...simpleSheetContent(10_000_000, 20, 0.95), ...content } });
    expect(await bad({ places: 0 })).toMatchObject({ code: 'INVALID_INPUT', message: 'Oplysningerne er ikke gyldige. Antal pladser skal være over 0', fields: { 'content.places': 'Antal pladser skal være over 0' } });
    expect((await bad({ statedTotal: -5 })).message).toBe('Oplysningerne er ikke gyldige. Budgettets total må ikke være negativ');
    expect((await bad({ occupancy: 1.2 })).message).toBe('Oplysningerne er ikke gyldige. Belægningen må ikke være over 1 (100 %)');
    expect((await bad({ budgetLines: [{ category: 'personnel', label: 'Løn', amount: 10.5 }] })).message).toBe('Oplysningerne er ikke gyldige. Budgetlinjens beløb skal være i hele øre');
    expect((await bad({ firstYearLoss: -1 })).message).toBe('Oplysningerne er ikke gyldige. Underskuddet i første driftsår må ikke være negativt');
  });

  it('refuses to submit a sheet while a check is an error, naming it', async () => {
    const offerId = await addOffer(backend.database.db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    const { current } = await call(backend, 'tariffSheets.save', {
      offerId,
      year: 2027,
      content: simpleSheetContent(10_000_000, 20, 0.95, { budgetLines: [{ category: 'gaver', label: 'Julegaver', amount: 1_000_000_000 }] }),
    });
    expect(await refusal('tariffSheets.submit', { id: current!.sheet.id, revision: current!.sheet.revision })).toEqual({
      code: 'INVALID_INPUT',
      message: 'Skemaet kan ikke indsendes, før fejlene er rettet: Budgetlinjen «Julegaver» har en ukendt omkostningskategori (gaver).',
    });
    expect((await call(backend, 'tariffSheets.get', { offerId, year: 2027 })).current!.sheet.status).toBe('draft');
  });

  it('approves the submitted sheets of a year by the decision’s item and locks them; an in-year change is a new version approved by FU', async () => {
    const itemId = await demoItemId();
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    const draftOnly = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Vest' });
    const { current } = await call(backend, 'tariffSheets.save', { offerId, year: 2027, content: simpleSheetContent(10_000_000, 20, 0.95) });
    await call(backend, 'tariffSheets.save', { offerId: draftOnly, year: 2027, content: simpleSheetContent(5_000_000, 10, 0.95) });
    const submitted = (await call(backend, 'tariffSheets.submit', { id: current!.sheet.id, revision: current!.sheet.revision })).current!.sheet;

    const approval = await approveYear(2027, itemId);
    expect(approval.approved).toEqual([submitted.id]);
    expect(approval.notApproved).toEqual([expect.objectContaining({ offerName: 'Botilbud Vest', status: 'draft' })]);
    const approved = (await call(backend, 'tariffSheets.get', { offerId, year: 2027 })).current!;
    expect(approved.sheet).toMatchObject({ status: 'approved', approvedItemId: itemId, approvedAt: '2026-12-10T12:00:00.000Z' });
    expect(approved.locked).toBe(true);

    const content = simpleSheetContent(10_500_000, 20, 0.95, { reason: 'Ny nattevagt efter tilsynets påbud' });
    for (const error of [
      await refusal('tariffSheets.save', { offerId, year: 2027, revision: approved.sheet.revision, content }),
      await refusal('tariffSheets.submit', { id: approved.sheet.id, revision: approved.sheet.revision }),
      await refusal('tariffSheets.reopen', { id: approved.sheet.id, revision: approved.sheet.revision }),
    ]) {
      expect(error.code).toBe('LOCKED');
      expect(error.message).toMatch(LOCKED);
    }

    // FU's approval must be recorded: its item, or a text.
    expect(await refusal('tariffSheets.newVersion', { offerId, year: 2027, content })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'content.approvalNote': 'Angiv FU-punktet eller skriv, hvilket FU-møde der godkendte ændringen' },
    });
    const amended = await call(backend, 'tariffSheets.newVersion', { offerId, year: 2027, content: { ...content, approvalNote: 'FU 14. marts 2027, punkt 4' } });
    expect(amended.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'approved'],
      [2, 'amended'],
    ]);
    expect(amended.current!.sheet).toMatchObject({ version: 2, approvedItemId: null, content: { approvalNote: 'FU 14. marts 2027, punkt 4' } });
    expect(amended.current!.computation.budgetTotal).toBe(1_050_000_000);
    expect(amended.current!.locked).toBe(true);
    expect((await refusal('tariffSheets.save', { offerId, year: 2027, revision: amended.current!.sheet.revision, content })).message).toMatch(LOCKED);

    const third = await call(backend, 'tariffSheets.newVersion', { offerId, year: 2027, content, approvedItemId: itemId });
    expect(third.current!.sheet).toMatchObject({ version: 3, status: 'amended', approvedItemId: itemId });
    // A draft is edited directly, not versioned.
    expect((await refusal('tariffSheets.newVersion', { offerId: draftOnly, year: 2027, content, approvedItemId: itemId })).message).toBe(
      'Skemaet for Botilbud Vest 2027 er ikke godkendt endnu: ret det direkte i stedet for at lave en ny version.',
    );
  });

  it('keeps an approved tariff when a result is entered later: the ledger warns, and FU’s new version takes the amount in', async () => {
    const itemId = await demoItemId();
    const offerId = await addOffer(backend.database.db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    const { current } = await call(backend, 'tariffSheets.save', { offerId, year: 2027, content: simpleSheetContent(10_000_000, 20, 0.95) });
    await call(backend, 'tariffSheets.submit', { id: current!.sheet.id, revision: current!.sheet.revision });
    await approveYear(2027, itemId);

    // 2025: a deficit of 800.000 kr. on 10.000.000 kr.: 300.000 kr. above 5 % is due in 2027.
    await call(backend, 'results.save', { offerId, year: 2025, basis: 1_000_000_000, result: -80_000_000 });
    const approved = (await call(backend, 'tariffSheets.get', { offerId, year: 2027 })).current!;
    expect(approved.computation).toMatchObject({ dueResults: 0, tariff: 144_196 });
    const ledger = await call(backend, 'ledger.offer', { offerId });
    expect(ledger.years[0]).toMatchObject({ dueInTariff: 30_000_000, dueYear: 2027, pickedUpBySheet: null });
    expect(ledger.warnings.map((w) => w.code)).toEqual(['due-not-in-approved-sheet']);

    const amended = (await call(backend, 'tariffSheets.newVersion', { offerId, year: 2027, content: simpleSheetContent(10_000_000, 20, 0.95, { approvalNote: 'FU 3. marts 2027' }) })).current!;
    expect(amended.computation.dueResults).toBe(30_000_000);
    expect(amended.sheet.content.dueResultsAtApproval).toEqual([{ resultYear: 2025, amount: 30_000_000 }]);
    const after = await call(backend, 'ledger.offer', { offerId });
    expect(after.years[0]!.pickedUpBySheet).toMatchObject({ version: 2, status: 'amended' });
    expect(after.warnings).toEqual([]);
  });

  it('lists a year’s current sheets with offer, operator, last year’s tariff and the flags DAS must see', async () => {
    const db = backend.database.db;
    const aalborg = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    const region = await addOffer(db, 'Region Nordjylland', { name: 'Kvisten', legalBasis: 'SEL-66-7' });
    await call(backend, 'tariffSheets.save', { offerId: region, year: 2026, content: simpleSheetContent(8_000_000, 7, 0.95) });
    await call(backend, 'tariffSheets.save', { offerId: region, year: 2027, content: simpleSheetContent(8_000_000, 8, 0.9) });
    await call(backend, 'tariffSheets.save', { offerId: aalborg, year: 2027, content: simpleSheetContent(10_000_000, 20, 0.95) });

    const year = await call(backend, 'tariffSheets.listYear', { year: 2027 });
    expect(year.map((s) => [s.offer.operatorName, s.offer.name])).toEqual([
      ['Aalborg Kommune', 'Botilbud Øst'],
      ['Region Nordjylland', 'Kvisten'],
    ]);
    const kvisten = year[1]!;
    expect(kvisten.offer).toMatchObject({ legalBasis: 'SEL-66-7', tariffUnit: 'døgn', category: 3 });
    // 8.000.000 / (7 × 365 × 0,95) = 3.295,91 kr.
    expect(kvisten.previousTariff).toBe(329_591);
    expect(kvisten.flags).toEqual([
      expect.stringMatching(/^Budgetteret belægning på 90,0\s% ligger uden for/),
      'Antal pladser ændres fra 7 til 8: ændringen skal begrundes i skemaets bemærkninger (Styringsaftalen 2.2.3).',
      expect.stringMatching(/^Taksten ændres -7,6\s% \(-251,77 kr\.\), mere end 5\s%/),
    ]);
    expect(year[0]!.flags).toEqual([]);
    expect(await call(backend, 'tariffSheets.listYear', { year: 2028 })).toEqual([]);
  });

  it('lets the sheet of Y + 2 pick up a result’s due amount by itself (Østerskoven 2020 → 2022)', async () => {
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Region Nordjylland', { name: 'Neurocenter Østerskoven' });
    const { current } = await call(backend, 'tariffSheets.save', { offerId, year: 2022, content: simpleSheetContent(40_000_000, 22, 0.95) });
    expect(current!.computation.dueResults).toBe(0);

    await call(backend, 'results.save', { offerId, year: 2020, basis: 4_540_072_900, result: -421_560_700 });
    const picked = (await call(backend, 'tariffSheets.get', { offerId, year: 2022 })).current!;
    expect(picked.dueSources).toEqual([{ resultYear: 2020, amount: 194_557_100 }]);
    expect(picked.computation.tariffBasis).toBe(4_000_000_000 + 194_557_100);
    // (40.000.000 + 1.945.571) / (22 × 365 × 0,95) = 5.498,53 kr.
    expect(picked.computation.tariff).toBe(549_853);
    // A year with nothing due is untouched; one before the first agreement says whose rules it borrowed.
    const early = (await call(backend, 'tariffSheets.save', { offerId, year: 2021, content: simpleSheetContent(40_000_000, 22, 0.95) })).current!;
    expect(early.computation.dueResults).toBe(0);
    expect(early.flags).toEqual(['2021 har ikke sit eget regelsæt; reglerne fra Styringsaftalen for Nordjysk Socialaftale 2022 (2022) er brugt.']);
  });

  it('starts a new year’s sheet from the latest earlier one, with the average of the realised Y−3 and Y−2 and no reason carried over', async () => {
    const db = backend.database.db;
    const offerId = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Øst' });
    expect((await call(backend, 'tariffSheets.get', { offerId, year: 2027 })).startingPoint).toBeNull();

    const last = simpleSheetContent(10_000_000, 20, 0.95, { occupancyMethod: 'average-two-years', occupancyHistory: [0.96, 0.94], reason: 'To pladser mere fra 2025' });
    await call(backend, 'tariffSheets.save', { offerId, year: 2025, content: last });
    // Realised occupancy 2024: 6.862 / 7.300 = 94 %; 2025: 6.789 / 7.300 = 93 % (Y−3 and Y−2 for 2027); 2026 is not yet closed.
    await call(backend, 'results.save', { offerId, year: 2024, basis: 1_000_000_000, result: 0, activity: 6_862, capacity: 7_300 });
    await call(backend, 'results.save', { offerId, year: 2025, basis: 1_000_000_000, result: 0, activity: 6_789, capacity: 7_300 });
    await call(backend, 'results.save', { offerId, year: 2026, basis: 1_000_000_000, result: 0, activity: 3_650, capacity: 7_300 });

    const fresh = await call(backend, 'tariffSheets.get', { offerId, year: 2027 });
    expect(fresh.current).toBeNull();
    expect(fresh.startingPoint?.fromYear).toBe(2025);
    expect(fresh.startingPoint?.content).toMatchObject({ budgetLines: last.budgetLines, statedTotal: last.statedTotal, places: 20, occupancyMethod: 'average-two-years', occupancyHistory: [0.93, 0.94], occupancy: 0.935, reason: '' });
    // Once saved, the sheet is its own.
    await call(backend, 'tariffSheets.save', { offerId, year: 2027, content: fresh.startingPoint!.content });
    expect((await call(backend, 'tariffSheets.get', { offerId, year: 2027 })).startingPoint).toBeNull();
  });

  it('refuses a sheet for an offer that does not exist', async () => {
    expect(await refusal('tariffSheets.save', { offerId: '10000000-0000-4000-8000-999999999999', year: 2027, content: simpleSheetContent(1, 1, 0.95) })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
