import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { ruleSetInForce, ruleSetNote } from '../../electron/backend/services/rule-sets';
import { computedSheetsOfYear } from '../../electron/backend/services/tariff-sheets';
import { openTestBackend } from '../helpers/backend';
import { addOffer, addResult, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';

describe('tariff year foundation', () => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await openTestBackend();
  });
  afterEach(() => backend.close());

  it('stores the built-in Styringsaftale 2022 as an approved rule set that every year uses until another is made, and says so for years before 2022', async () => {
    const db = backend.database.db;
    const set2026 = await ruleSetInForce(db, 2026);
    expect(set2026.rules.year).toBe(2022);
    expect(set2026.approved).toBe(true);
    expect(set2026.rules.resultThreshold).toBe(0.05);
    const set2020 = await ruleSetInForce(db, 2020);
    expect(set2020.id).toBe(set2026.id);
    expect(ruleSetNote(set2020, 2020)).toMatch(/2020 har ikke sit eget regelsæt/);
    expect(ruleSetNote(set2026, 2026)).toBeNull();
  });

  it('computes a sheet with the deficit above 5 % from two years before (Østerskoven 2020 → tariff 2022)', async () => {
    const db = backend.database.db;
    const offer = await addOffer(db, 'Region Nordjylland', { name: 'Østerskoven' });
    await addResult(db, offer, 2020, 45_400_729, -4_215_607);
    await addSheet(db, offer, 2021, simpleSheetContent(40_000_000, 22, 0.95));
    await addSheet(db, offer, 2022, simpleSheetContent(40_000_000, 22, 0.95));
    const [sheet] = await computedSheetsOfYear(db, 2022);
    // AT-21: 5 % of 45.400.729 = 2.270.036 kr. absorbed; 1.945.571 kr. raises the 2022 tariff.
    expect(sheet!.computation.dueResults).toBe(194_557_100);
    expect(sheet!.computation.tariffBasis).toBe(4_000_000_000 + 194_557_100);
    // (40.000.000 + 1.945.571) / (22 × 365 × 0,95) = 5.498,53 kr. per døgn; last year 5.243,49 kr.
    expect(sheet!.computation.tariff).toBe(549_853);
    expect(sheet!.previous?.tariff).toBe(524_349);
    // +4,9 %: below the 5 % change that needs a written reason.
    expect(sheet!.computation.checks).toEqual([]);
  });

  it('asks for a written reason when places change or the tariff moves more than 5 %, and not once it is given', async () => {
    const db = backend.database.db;
    const offer = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud' });
    await addSheet(db, offer, 2025, simpleSheetContent(10_000_000, 20, 0.95));
    await addSheet(db, offer, 2026, simpleSheetContent(10_000_000, 18, 0.95));
    const [unexplained] = await computedSheetsOfYear(db, 2026);
    expect(unexplained!.computation.change).toMatchObject({ places: -2 });
    expect(unexplained!.computation.checks.map((c) => c.code)).toEqual(['places-change-reason', 'tariff-change-reason']);
    expect(unexplained!.computation.checks[1]!.message).toMatch(/Taksten ændres 11,1\s%/);

    await addSheet(db, offer, 2026, simpleSheetContent(10_000_000, 18, 0.95, { reason: 'To pladser nedlagt efter aftale med Aalborg Kommune' }), 'submitted', 2);
    const [explained] = await computedSheetsOfYear(db, 2026);
    expect(explained!.sheet.version).toBe(2);
    expect(explained!.computation.checks).toEqual([]);
  });
});
