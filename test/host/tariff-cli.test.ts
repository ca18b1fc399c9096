import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/host/cli';
import { call, openTestBackend } from '../helpers/backend';
import { addOffer, simpleSheetContent } from '../helpers/tariff-year-fixture';

/* `tariffs sheet` and `ledger` on the command line, in-process against a database made for them. */

let dir: string;
let db: string;
let osterskoven: string;
let tilbudX: string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-tariff-cli-'));
  db = join(dir, 'takster.db');
  const backend = await openTestBackend({ databaseFile: db });
  try {
    osterskoven = await addOffer(backend.database.db, 'Region Nordjylland', { name: 'Neurocenter Østerskoven' });
    tilbudX = await addOffer(backend.database.db, 'Region Nordjylland', { name: 'Tilbud X' });
    // AT-21: the 2020 deficit; AT-07: Tilbud X's surplus.
    await call(backend, 'results.save', { offerId: osterskoven, year: 2020, basis: 4_540_072_900, result: -421_560_700, activity: 18.6, capacity: 22 });
    await call(backend, 'results.save', { offerId: tilbudX, year: 2023, basis: 800_000_000, result: 77_000_000 });
    await call(backend, 'tariffSheets.save', { offerId: osterskoven, year: 2021, content: simpleSheetContent(40_000_000, 22, 0.95) });
    await call(backend, 'tariffSheets.save', { offerId: osterskoven, year: 2022, content: simpleSheetContent(40_000_000, 22, 0.95) });
  } finally {
    await backend.close();
  }
});

describe('tariffs sheet and ledger on the command line', () => {
  it('prints a ledger per year with exactly the issue’s keys, amounts in kroner', async () => {
    const { code, out } = await cli('ledger', '--offer', osterskoven, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([{ year: 2020, basis: 45400729, result: -4215607, absorbed: 2270036, setAside: 0, setAsideExpires: null, dueInTariff: 1945571, dueYear: 2022 }]);
    expect(JSON.parse((await cli('ledger', '--offer', tilbudX, '--json')).out)).toEqual([
      { year: 2023, basis: 8000000, result: 770000, absorbed: 0, setAside: 400000, setAsideExpires: 2028, dueInTariff: -370000, dueYear: 2025 },
    ]);
    const text = (await cli('ledger', '--offer', tilbudX)).out;
    expect(text).toContain('Hensat: 400.000 kr. til og med 2028; brugt 0 kr., tilbage 400.000 kr.');
    expect(text).toContain('Nedsætter taksten for 2025 med 370.000 kr.: intet skema for 2025 endnu');
    expect(text).toContain('Advarsler:');
  });

  it('prints an operator’s ledger: its offers summed year by year, each offer’s years and every warning by offer', async () => {
    const { code, out } = await cli('ledger', '--operator', 'region nordjylland', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { operator: string; totals: unknown[]; offers: { name: string; years: unknown[] }[]; warnings: { offer: string; year: number }[] };
    expect(json.operator).toBe('Region Nordjylland');
    expect(json.totals).toEqual([
      { year: 2020, basis: 45400729, result: -4215607, absorbed: 2270036, setAside: 0, setAsideLeft: 0, dueInTariff: 1945571 },
      { year: 2023, basis: 8000000, result: 770000, absorbed: 0, setAside: 400000, setAsideLeft: 400000, dueInTariff: -370000 },
    ]);
    expect(json.offers.map((o) => [o.name, o.years.length])).toEqual([['Neurocenter Østerskoven', 1], ['Tilbud X', 1]]);
    expect(json.warnings).toContainEqual(expect.objectContaining({ offer: 'Tilbud X', year: 2023 }));
    const text = (await cli('ledger', '--operator', 'Region Nordjylland')).out;
    expect(text).toContain('2023: resultat 770.000 kr. af grundlag 8.000.000 kr.; afholdt 0 kr., hensat 400.000 kr. (tilbage 400.000 kr.), i taksten to år efter -370.000 kr.');
    expect(text).toContain('  Tilbud X: Resultatet for 2023 nedsætter taksten for 2025 med 370.000 kr., men der er intet takstskema for 2025 endnu.');
  });

  it('prints a sheet with its computed tariff, the due result it picked up and its checks', async () => {
    const json = JSON.parse((await cli('tariffs', 'sheet', '--offer', osterskoven, '--year', '2022', '--json')).out) as Record<string, unknown>;
    expect(json).toMatchObject({
      offer: 'Neurocenter Østerskoven',
      operator: 'Region Nordjylland',
      year: 2022,
      version: 1,
      status: 'draft',
      budgetTotal: 40000000,
      dueResults: 1945571,
      dueSources: [{ resultYear: 2020, amount: 1945571 }],
      tariffBasis: 41945571,
      tariff: 5498.53,
      previousTariff: 5243.49,
      checks: [],
    });
    const { code, out } = await cli('tariffs', 'sheet', '--offer', osterskoven, '--year', '2022');
    expect(code).toBe(0);
    expect(out).toContain('Neurocenter Østerskoven (Region Nordjylland) – takstskema 2022, version 1: Udkast');
    expect(out).toContain('Resultater, der forfalder i 2022: 1.945.571 kr. (2020: 1.945.571 kr.)');
    expect(out).toMatch(/Døgntakst: 5\.498,53 kr\. {3}Sidste år: 5\.243,49 kr\. \(4,9\s%\)/);
  });

  it.each([
    [['ledger', '--offer', 'nogo'], 'Fejl: Tilbuddet nogo findes ikke. Se offers list.'],
    [['ledger', '--offer', '10000000-0000-4000-8000-999999999999'], 'Fejl: Tilbuddet 10000000-0000-4000-8000-999999999999 findes ikke. Se offers list.'],
    [['ledger'], 'Fejl: ledger kræver --offer ID eller --operator NAVN (se offers list).'],
    [['ledger', '--operator', 'Aarhus Kommune'], expect.stringMatching(/^Fejl: Ukendt driftsherre: Aarhus Kommune\. Driftsherrerne er .*Region Nordjylland/)],
    [['ledger', '--operator', 'Region Nordjylland', '--offer', '10000000-0000-4000-8000-999999999999'], 'Fejl: ledger tager enten --offer ID eller --operator NAVN, ikke begge.'],
    [['tariffs', 'sheet', '--offer', '10000000-0000-4000-8000-999999999999', '--year', 'næste'], 'Fejl: Ugyldigt år: næste. Skriv fx --year 2027.'],
    [['tariffs', 'sheet', '--year', '2022'], 'Fejl: tariffs sheet kræver --offer ID (se offers list).'],
  ])('exits 2 with a Danish message on bad input %j', async (args, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toEqual(message);
  });

  it('exits 2 when the offer has no sheet that year, or the year is out of range', async () => {
    expect(await cli('tariffs', 'sheet', '--offer', osterskoven, '--year', '2030')).toMatchObject({ code: 2, err: 'Fejl: Neurocenter Østerskoven har intet takstskema for 2030.' });
    expect(await cli('tariffs', 'sheet', '--offer', osterskoven, '--year', '1999')).toMatchObject({ code: 2, err: 'Fejl: Oplysningerne er ikke gyldige. Året skal være 2000 eller senere' });
  });
});
