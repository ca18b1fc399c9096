import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { DEMO_MUNICIPAL_OFFERS, DEMO_REGIONAL_OFFERS } from '../../electron/backend/demo/content/tariff-year';
import { demoOfferId } from '../../electron/backend/demo/tariff-year';
import { takstbilagOfYear } from '../../electron/backend/services/tariff-annex';
import { computedSheetsOfYear } from '../../electron/backend/services/tariff-sheets';
import { takstbilagRows } from '../../shared/logic/tariff/takstbilag';
import { call, openTestBackend } from '../helpers/backend';

/*
 * The demo's tariff year (electron/backend/demo/content/tariff-year.ts): the Region's offers of the 2020 annual
 * reports with their real figures (domain.md AT-21), the printed occupancy errors flagged beside the computed values,
 * and illustrative municipal offers that say so.
 */

const SEED = join(__dirname, '..', '..', '..', 'shared', 'seeds', '002_098ecd27c9c8ebd4.txt');
const reports: string | null = existsSync(SEED) ? readFileSync(SEED, 'utf8').split('\n').slice(15751, 16220).join('\n') : null;
const danish = (n: number) => new Intl.NumberFormat('da-DK').format(n);
const nbsp = (s: string) => s.replace(/ %/g, '\u00a0%');

describe('the demo tariff year', () => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await openTestBackend();
    await call(backend, 'demo.load', {});
  });
  afterEach(() => backend.close());

  it.skipIf(reports === null)('takes every budget and result of the Region\'s offers from the annual reports of 2020 (002:15752–16220)', () => {
    for (const offer of DEMO_REGIONAL_OFFERS) {
      for (const r of offer.results) {
        expect(reports, `${offer.name} ${r.year} basis`).toContain(danish(r.basisKroner));
        expect(reports, `${offer.name} ${r.year} result`).toContain(danish(Math.abs(r.resultKroner)));
      }
    }
  });

  it('shows Østerskoven\'s 2020 deficit of 4.215.607 kr. on a basis of 45.400.729 kr. in its 2022 sheet: 1.945.571 kr. above 5 %', async () => {
    const db = backend.database.db;
    const sheets = await computedSheetsOfYear(db, 2022);
    const osterskoven = sheets.find((s) => s.offer.id === demoOfferId('osterskoven'))!;
    expect(osterskoven.computation.dueResults).toBe(194_557_100);
    expect(osterskoven.sheet.status).toBe('submitted');
    // Kvisten's 2019 deficit (1,98 %) and ISHD's 2020 surplus (2,68 %) stay within 5 %: nothing due.
    for (const key of ['kvisten', 'ishd']) expect(sheets.find((s) => s.offer.id === demoOfferId(key))!.computation.dueResults).toBe(0);
    const results = await db.selectFrom('offer_results').select(['year', 'basis', 'result', 'activity', 'capacity']).where('offer_id', '=', demoOfferId('osterskoven')).orderBy('year').execute();
    expect(results).toEqual([
      { year: 2019, basis: 3_382_645_600, result: -98_699_700, activity: 24.1, capacity: 22 },
      { year: 2020, basis: 4_540_072_900, result: -421_560_700, activity: 24.6, capacity: 28 },
    ]);
  });

  it('flags the printed occupancy errors of AT-21 beside the computed values, and not the values within rounding', async () => {
    const db = backend.database.db;
    const flagsOf = async (year: number, key: string) =>
      takstbilagRows(await takstbilagOfYear(db, year))
        .find((r) => r.row.offerId === demoOfferId(key))!
        .row.flags.filter((f) => f.code === 'printed')
        .map((f) => f.message);
    expect(await flagsOf(2021, 'osterskoven')).toEqual([nbsp('Realiseret belægning 2019, medfødt hjerneskade: trykt: 24,2 %, beregnet: 33,1 %')]);
    expect(await flagsOf(2022, 'kvisten')).toEqual([nbsp('Realiseret belægning 2020: trykt: 66,7 %, beregnet: 67,5 %')]);
    expect(await flagsOf(2021, 'ishd')).toEqual([]);
    // The printed value is kept in the result's note, beside the activity and capacity it is computed from.
    const note = await db.selectFrom('offer_results').select('note').where('offer_id', '=', demoOfferId('osterskoven')).where('year', '=', 2019).executeTakeFirstOrThrow();
    expect(note.note).toContain('Trykt belægning medfødt hjerneskade: 24,2 % (aktivitet 5,3 af kapacitet 16)');
  });

  it('gives the takstbilag of 2022 every offer, submitted, with the municipal ones marked illustrative, the municipalities before the Region', async () => {
    const annex = await takstbilagOfYear(backend.database.db, 2022);
    const rows = takstbilagRows(annex);
    expect(rows).toHaveLength(DEMO_MUNICIPAL_OFFERS.length + DEMO_REGIONAL_OFFERS.length);
    expect(rows.every((r) => r.row.status === 'submitted')).toBe(true);
    expect(annex.operators.at(-1)!.operatorName).toBe('Region Nordjylland');
    for (const { row, operator } of rows) {
      if (operator.operatorName !== 'Region Nordjylland') expect(row.offerName).toMatch(/\(illustrativt\)$/);
    }
    // The 2021 sheets are the approved tariffs the change is measured from.
    expect(rows.every((r) => r.row.previousTariff !== null)).toBe(true);
    const annex2021 = await takstbilagOfYear(backend.database.db, 2021);
    expect(takstbilagRows(annex2021).every((r) => r.row.status === 'approved')).toBe(true);
    // 2021 is before the first stored agreement (2022): the annex says whose rules it borrowed; 2022 has its own.
    expect(annex2021.notes).toEqual([expect.stringMatching(/^2021 har ikke sit eget regelsæt; reglerne fra .+ \(2022\) er brugt\.$/)]);
    expect(annex.notes).toEqual([]);
  });

  it('adds nothing when the demo is loaded again', async () => {
    const count = async () => (await backend.database.db.selectFrom('tariff_sheets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    await call(backend, 'demo.load', {});
    expect(await count()).toBe(before);
  });
});
