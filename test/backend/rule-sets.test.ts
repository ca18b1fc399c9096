import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { ruleSetInForce } from '../../electron/backend/services/rule-sets';
import { call, openTestBackend } from '../helpers/backend';

describe('rule sets as stored records (Indstillinger → Takstregler)', () => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await openTestBackend();
  });
  afterEach(() => backend.close());

  const builtIn = async () => (await call(backend, 'ruleSets.list', {})).find((s) => s.year === 2022)!;

  it('lists the built-in 2022 set as approved, with its parameters', async () => {
    const sets = await call(backend, 'ruleSets.list', {});
    expect(sets.map((s) => [s.year, s.approvedAt !== null])).toEqual([[2022, true]]);
    expect(sets[0]!.params).toMatchObject({ resultThreshold: 0.05, significantTariffChange: 0.05, occupancyBand: { normal: { min: 0.95, max: 1 } } });
  });

  it('copies last year’s set to a new year, edits it, approves it, and the year’s tariffs use it', async () => {
    const copy = await call(backend, 'ruleSets.copy', { fromId: (await builtIn()).id, year: 2027 });
    expect(copy).toMatchObject({ year: 2027, approvedAt: null, source: 'Styringsaftalen for Nordjysk Socialaftale 2022 (kopieret til 2027)' });
    const edited = await call(backend, 'ruleSets.update', { id: copy.id, revision: copy.revision, patch: { source: 'Styringsaftalen 2027', params: { ...copy.params, significantTariffChange: 0.1 } } });
    expect(edited.params.significantTariffChange).toBe(0.1);
    const approved = await call(backend, 'ruleSets.approve', { id: edited.id, revision: edited.revision });
    expect(approved.approvedAt).toEqual(expect.any(String));
    const inForce = await ruleSetInForce(backend.database.db, 2027);
    expect(inForce).toMatchObject({ id: copy.id, approved: true, rules: { year: 2027, source: 'Styringsaftalen 2027', significantTariffChange: 0.1 } });
    // 2026 still uses 2022's.
    expect((await ruleSetInForce(backend.database.db, 2026)).rules.year).toBe(2022);
  });

  it('refuses to change an approved set, in Danish', async () => {
    const set = await builtIn();
    const refused = await backend.call('ruleSets.update', { id: set.id, revision: set.revision, patch: { params: { ...set.params, resultThreshold: 0.1 } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'Regelsættet for 2022 er godkendt og låst. Kopiér det til et nyt år for at ændre reglerne.' } });
    expect((await builtIn()).params.resultThreshold).toBe(0.05);
  });

  it('validates the parameters with Danish messages, and refuses a second set for a year', async () => {
    const copy = await call(backend, 'ruleSets.copy', { fromId: (await builtIn()).id, year: 2027 });
    const badShare = await backend.call('ruleSets.update', { id: copy.id, revision: copy.revision, patch: { params: { ...copy.params, resultThreshold: 1.5 } } });
    expect(badShare).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'patch.params.resultThreshold': 'Grænsen for over- og underskud må ikke være over 100 %' } } });
    const band = { ...copy.params.occupancyBand, normal: { min: 0.99, max: 0.95 } };
    const badBand = await backend.call('ruleSets.update', { id: copy.id, revision: copy.revision, patch: { params: { ...copy.params, occupancyBand: band } } });
    expect(badBand).toMatchObject({ ok: false, error: { fields: { 'patch.params.occupancyBand.normal.max': expect.stringMatching(/«fra» skal være mindre end eller lig med «til»/) } } });
    const again = await backend.call('ruleSets.copy', { fromId: copy.id, year: 2027 });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Der findes allerede et regelsæt for 2027. Ret det i stedet for at kopiere.' } });
  });
});
