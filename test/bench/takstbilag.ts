/**
 * Issue 17's figures for the takstbilag: `npm run -s bench:takstbilag`. A realistic year: 12 operators (the 11
 * municipalities and the Region), 250 offers, 10 years (2013–2022) of sheets and results. Measures recomputing all
 * sheets of a year (budget < 200 ms), opening the register and an offer's ledger (< 200 ms each), building the takstbilag's model, and the takstbilag as .xlsx and as PDF printed
 * by Chromium (budget < 10 s), through the backend's own contract call. Prints medians; not a pass/fail test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { insertResult } from '../../db/queries/offer-results';
import { insertOffer, insertOfferCategory } from '../../db/queries/offers';
import { listOrganisations } from '../../db/queries/organisations';
import { insertSheet } from '../../db/queries/tariff-sheets';
import { openBackend } from '../../electron/backend/backend';
import { ruleSetInForce } from '../../electron/backend/services/rule-sets';
import { takstbilagOfYear } from '../../electron/backend/services/tariff-annex';
import { computedSheetsOfYear } from '../../electron/backend/services/tariff-sheets';
import { chromiumPrinter } from '../../electron/host/chromium-printer';
import { LEGAL_BASES } from '../../shared/domain/tariff-year';

const OFFERS = 250;
const YEARS = Array.from({ length: 10 }, (_, i) => 2013 + i);
const YEAR = YEARS.at(-1)!;
const NOW = '2022-10-31T12:00:00.000Z';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toLocaleString('da-DK', { maximumFractionDigits: 1 })} ms`;
async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-bench-takstbilag-'));
const backend = await openBackend({ databaseFile: join(dir, 'takstaar.db'), appVersion: 'bench', printer: chromiumPrinter() });
const db = backend.database.db;
try {
  const t0 = performance.now();
  const operators = (await listOrganisations(db)).map((o) => o.id);
  if (operators.length !== 12) throw new Error(`Expected 12 operators, found ${operators.length}`);
  const ruleSets = new Map<number, string>();
  for (const year of YEARS) ruleSets.set(year, (await ruleSetInForce(db, year)).id);
  await db.transaction().execute(async (trx) => {
    for (let n = 0; n < OFFERS; n++) {
      const id = `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;
      const basis = LEGAL_BASES[n % 8]!.key;
      await insertOffer(trx, { id, name: `Tilbud ${n + 1}`, operatorId: operators[n % operators.length]!, legalBasis: basis, tariffUnit: n % 5 === 0 ? 'dag' : 'døgn' }, NOW);
      await insertOfferCategory(trx, { id: `10000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`, offerId: id, fromYear: YEARS[0]!, category: 3 }, NOW);
      const places = 6 + (n % 30);
      for (const [i, year] of YEARS.entries()) {
        const budget = (4_000_000 + n * 37_000) * (1 + 0.02 * i);
        const amount = Math.round(budget * 100);
        await insertSheet(trx, {
          id: `2${String(n).padStart(3, '0')}${year}-0000-4000-8000-000000000000`,
          offerId: id,
          year,
          status: year === YEAR ? 'submitted' : 'approved',
          ruleSetId: ruleSets.get(year)!,
          content: {
            budgetLines: [
              { category: 'personnel', label: 'Borgerrelateret personale', amount: Math.round(amount * 0.8) },
              { category: 'administration', label: 'Administration', amount: amount - Math.round(amount * 0.8) },
            ],
            statedTotal: amount,
            places,
            occupancy: 0.95 + (n % 4) / 100,
            occupancyMethod: 'expectation',
            occupancyHistory: [],
            levels: [],
            firstYearLoss: 0,
            reason: n % 9 === 0 ? '' : 'Fremskrevet med pris- og lønudviklingen.',
            approvalNote: '',
            dueResultsAtApproval: null,
          },
        }, NOW);
        // Results alternate between surpluses and deficits, some above 5 % of the basis.
        const share = (((n * 7 + i * 3) % 17) - 8) / 100;
        await insertResult(trx, { id: `3${String(n).padStart(3, '0')}${year}-0000-4000-8000-000000000000`, offerId: id, year, basis: amount, result: Math.round(amount * share), activity: places * 0.9, capacity: places, ruleSetId: ruleSets.get(year)!, note: '' }, NOW);
      }
    }
  });
  console.log(`Data: ${operators.length} driftsherrer, ${OFFERS} tilbud, ${YEARS.length} år (${OFFERS * YEARS.length} skemaer og resultater) på ${ms(performance.now() - t0)}`);

  const recompute = await time(9, () => computedSheetsOfYear(db, YEAR));
  console.log(`Genberegn alle ${OFFERS} skemaer for ${YEAR} (budget < 200 ms): median ${ms(median(recompute))}`);
  const contract = async (method: string, input: unknown) => {
    const r = await backend.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.data;
  };
  const register = await time(9, () => contract('offers.list', {}));
  console.log(`Åbn tilbudsregistret, ${OFFERS} tilbud (offers.list; budget < 200 ms): median ${ms(median(register))}`);
  const offerId = '00000000-0000-4000-8000-000000000001';
  const ledger = await time(9, () => contract('ledger.offer', { offerId }));
  console.log(`Åbn et tilbuds 5 %-regnskab, ${YEARS.length} år (ledger.offer; budget < 200 ms): median ${ms(median(ledger))}`);
  const operatorLedger = await time(5, () => contract('ledger.operator', { operatorId: operators[0] }));
  console.log(`En driftsherres 5 %-regnskab (ledger.operator): median ${ms(median(operatorLedger))}`);
  const listYear = await time(5, () => contract('tariffSheets.listYear', { year: YEAR }));
  console.log(`Årets skemaer med kontroller i vinduet (tariffSheets.listYear): median ${ms(median(listYear))}`);
  const model = await time(9, () => takstbilagOfYear(db, YEAR));
  console.log(`Takstbilagets model (skemaer, resultater, regelsæt): median ${ms(median(model))}`);
  const call = async (format: 'pdf' | 'xlsx') => {
    const r = await backend.call('tariffAnnex.export', { year: YEAR, format });
    if (!r.ok) throw new Error(r.error.message);
    return r.data as { pages: number | null; exportId: string };
  };
  const xlsx = await time(3, () => call('xlsx'));
  console.log(`Takstbilag som .xlsx: median ${ms(median(xlsx))}`);
  let pages: number | null = null;
  const pdf = await time(3, async () => (pages = (await call('pdf')).pages));
  console.log(`Takstbilag som PDF (${pages} sider, Chromium startet hver gang; budget < 10 s): median ${ms(median(pdf))}`);
} finally {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
}
