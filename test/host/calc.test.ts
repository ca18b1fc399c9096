import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/host/cli';

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-calc-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

async function calc(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args[0] === 'scenario' ? args : ['calc', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) as Record<string, unknown> };
}

describe('calc: the tariff rules from the command line (the JSON others script against)', () => {
  it('distributes a total over a CSV or JSON key in whole kroner that sum exactly', async () => {
    const csv = file('noegle.csv', '\uFEFFKommune;Befolkning\nAalborg;217.870\nHjørring;64 270\nLæsø;1772\n');
    const result = await calc('distribute', '--total', '4.400.000', '--key', csv, '--json');
    expect(result.code).toBe(0);
    const parts = result.json().parts as Record<string, number>;
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(4_400_000);
    expect(result.json().total).toBe(4_400_000);
    const json = await calc('distribute', '--total', '100', '--key', file('noegle.json', '{"A": 1, "B": 1, "C": 1}'), '--json');
    expect(json.json().parts).toEqual({ A: 34, B: 33, C: 33 });
    expect((await calc('distribute', '--total', '4400000', '--key', csv)).out).toContain('I alt');
  });

  it('distributes by a table saved from Danmarks Statistik (Windows-1252, totals left out), by period', async () => {
    const text = '"FOLK1A: Befolkningen"\r\n"";"2020K2";"2021K2"\r\n"Region Nordjylland";590439;590322\r\n"Læsø";1780;1776\r\n"Aalborg";217940;219573\r\n';
    writeFileSync(join(dir, 'folk1a.csv'), Buffer.from(text, 'latin1'));
    const newest = await calc('distribute', '--total', '1000000', '--key', join(dir, 'folk1a.csv'), '--json');
    expect(newest.json().parts).toEqual({ Læsø: 8024, Aalborg: 991976 });
    const older = await calc('distribute', '--total', '1000000', '--key', join(dir, 'folk1a.csv'), '--period', '2020K2', '--json');
    expect(older.json().parts).toEqual({ Læsø: 8101, Aalborg: 991899 });
    const missing = await calc('distribute', '--total', '1000000', '--key', join(dir, 'folk1a.csv'), '--period', '2019K2');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Perioden 2019K2 findes ikke i tabellen');
  });

  it('computes the daily tariff, the ATA rate (AT-08), a result by the 5 % rule (AT-07) and a payback (AT-10)', async () => {
    expect((await calc('daily-tariff', '--budget', '23389200', '--places', '10', '--occupancy', '90', '--json')).json()).toEqual({ dailyTariff: 7120 });
    expect((await calc('daily-tariff', '--budget', '23389200', '--places', '10', '--occupancy', '90', '--agreement-year', '2022', '--json')).json()).toEqual({ dailyTariff: 7120 });
    expect((await calc('ata', '--hour-cost', '206', '--absence', '33%', '--shift', '25', '--vfo', '5', '--hours', '0,5', '--days', '5', '--json')).json()).toEqual({ ataRate: 335.78, price: 839.45 });
    expect((await calc('ata', '--hour-cost', '206', '--absence', '33', '--shift', '25', '--vfo', '5', '--json')).json()).toEqual({ ataRate: 335.78, price: null });
    expect((await calc('result', '--basis', '8000000', '--result', '770000', '--year', '2021', '--json')).json()).toEqual({ kind: 'surplus', withinLimit: 400000, toTariff: -370000, tariffYear: 2023, setAsideUseBy: 2026 });
    expect((await calc('result', '--basis', '8000000', '--result', '-1.261.000', '--year', '2022', '--json')).json()).toEqual({ kind: 'deficit', withinLimit: 400000, toTariff: 861000, tariffYear: 2024 });
    expect((await calc('payback', '--amount', '19.600.000', '--increase', '50', '--places', '74,5', '--json')).json()).toMatchObject({ years: 14 });
    expect((await calc('payback', '--amount', '19600000', '--years', '5', '--places', '74.5', '--json')).json()).toEqual({ increase: 144 });
  });

  it.each([
    [['daily-tariff', '--places', '1', '--occupancy', '90'], '--budget mangler'],
    [['daily-tariff', '--budget', '100', '--places', '-1', '--occupancy', '90'], '--places skal være større end 0'],
    [['daily-tariff', '--budget', '100', '--places', '1', '--occupancy', '0'], '--occupancy skal være over 0 og højst 100'],
    [['daily-tariff', '--budget', '100', '--places', '1', '--occupancy', '101'], '--occupancy skal være over 0 og højst 100'],
    [['daily-tariff', '--budget', 'mange', '--places', '1', '--occupancy', '90'], '--budget skal være et tal, ikke «mange»'],
    [['distribute', '--total', '100', '--key', file('nul.csv', 'Kommune;Vægt\nA;0\nB;0\n')], 'er 0 for alle kommuner'],
    [['distribute', '--total', '100', '--key', file('brudt.csv', 'Kommune;Vægt\nA;1\nLæsø\n')], 'Linje 3 i'],
    [['distribute', '--total', '100', '--key', join(dir, 'findes-ikke.csv')], 'kan ikke læses'],
    [['ata', '--hour-cost', '206', '--absence', '33', '--shift', '25', '--vfo', '5', '--hours', '1'], '--hours og --days skal angives sammen'],
    [['payback', '--amount', '100', '--places', '2'], 'Angiv enten --increase KR eller --years Y'],
    [['takst'], 'Ukendt regel: takst'],
    [['daily-tariff', '--budget', '100', '--places', '1', '--occupancy', '90', '--agreement-year', '2021'], '--agreement-year: Der findes ingen takstregler for 2021; de første gælder fra 2022'],
  ])('refuses %j with exit code 2 and a message naming the problem', async (args, message) => {
    const result = await calc(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});

describe('scenario compute: a whole scenario from a file', () => {
  const NT1 = join(__dirname, '..', 'fixtures', 'nt1-v1-scenarie-2.json');

  it('computes NT-1 v1 scenario 2: 8 mio. kr. over the municipalities by population, with the seed’s inconsistencies as warnings', async () => {
    const result = await calc('scenario', 'compute', '--in', NT1, '--json');
    expect(result.code).toBe(0);
    const json = result.json() as { totals: { amount: number; perMunicipality: Record<string, number> }; years: { deficit: number }[]; warnings: string[]; revenueGap: number };
    expect(json.totals.amount).toBe(8_000_000);
    expect(Object.values(json.totals.perMunicipality).reduce((a, b) => a + b, 0)).toBe(8_000_000);
    // AT-01: every part within a krone of the printed table (which rounds each on its own and sums to 8.000.001).
    expect(json.totals.perMunicipality.Aalborg).toBe(2_975_637);
    expect(json.totals.perMunicipality.Morsø).toBe(272_095);
    expect(json.years.map((y) => y.deficit)).toEqual([2_200_000, 3_600_000, 0]);
    // AT-05 and AT-06: the levels bring 23.389.200 kr., not the stated 22,9 mio.; the lines sum to 23,73 mio.
    expect(json.revenueGap).toBe(489_200);
    expect(json.warnings).toEqual([
      'Budgetlinjerne summerer til 23.730.000 kr., men totalen er angivet til 22.900.000 kr.: linjerne er 830.000 kr. mere end totalen.',
      expect.stringContaining('Budgetteret belægning på 90,0\u00a0%'),
      'Takstniveauernes indtægt ved den budgetterede belægning er 489.200 kr. mere end budgettet.',
    ]);
    expect((await calc('scenario', 'compute', '--in', NT1)).out).toMatch(/^NT-1 v1, scenarie 2.*døgntakst 6\.971,08 kr\./);
  });

  it('computes a variant, compares scenarios and shows the sensitivity to occupancy', async () => {
    const variant = file('variant.json', JSON.stringify({ name: 'Regionen betaler 25 %', split: { regionShare: 0.25 } }));
    const computed = await calc('scenario', 'compute', '--in', NT1, '--variant', variant, '--json');
    expect(computed.json()).toMatchObject({ overridden: ['name', 'split.regionShare'], totals: { regionPart: 2_000_000, municipalPart: 6_000_000 } });
    expect(computed.json().inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await calc('scenario', 'compute', '--in', NT1, '--json')).json().inputHash).not.toBe(computed.json().inputHash);
    const compared = await calc('scenario', 'compare', '--in', NT1, '--in', NT1, '--json');
    expect((compared.json().figures as { label: string; values: number[] }[]).find((f) => f.label === 'Døgntakst')!.values).toEqual([6971.08, 6971.08]);
    expect((await calc('scenario', 'compare', '--in', NT1)).err).toContain('to til fire scenarier');
    const sensitivity = await calc('scenario', 'sensitivity', '--in', NT1, '--json');
    expect((sensitivity.json() as unknown as { occupancy: number; dailyTariff: number }[]).map((p) => p.dailyTariff)).toEqual([7842.47, 7381.14, 6971.08, 6604.18, 6273.97]);
    const broken = await calc('scenario', 'compute', '--in', NT1, '--variant', file('ugyldig-variant.json', JSON.stringify({ places: -3 })));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('giver et ugyldigt scenarie: places: Antal pladser skal være over 0');
  });

  it.each([
    ['ikke-json.json', '{ "places": ', 'er ikke gyldig JSON'],
    ['tom.json', '{}', 'places:'],
    ['aar.json', JSON.stringify({ places: 10, fullOperationBudget: 100, years: [{ year: 2024, occupancy: 0.5 }, { year: 2023, occupancy: 0.7 }], fixedShare: 0.5, split: { key: { A: 1 } } }), 'years: Årene skal stå i stigende rækkefølge'],
    ['andel.json', JSON.stringify({ places: 10, fullOperationBudget: 100, years: [{ year: 2024, occupancy: 0.5 }], fixedShare: 0.5, split: { regionShare: 1.5, key: { A: 1 } } }), 'split.regionShare: Andelen må ikke være over 1'],
    ['noegle.json', JSON.stringify({ places: 10, fullOperationBudget: 100, years: [{ year: 2024, occupancy: 0.5 }], deficits: [10], split: { key: { A: 0 } } }), 'Fordelingsnøglen er 0 for alle kommuner'],
  ])('refuses %s with exit code 2 and names the problem', async (name, text, message) => {
    const result = await calc('scenario', 'compute', '--in', file(name, text));
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});

describe('scenario compute --xlsx: the scenario as a workbook', () => {
  it('writes the inputs, the years and each municipality’s parts with Danish headings, number formats and sums', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const out = join(dir, 'scenarie.xlsx');
    const result = await calc('scenario', 'compute', '--in', join(__dirname, '..', 'fixtures', 'nt1-v1-scenarie-2.json'), '--xlsx', out);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Regneark gemt i ${out}.`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Scenarie', 'År', 'Kommuner', 'Advarsler']);
    const summary = book.getWorksheet('Scenarie')!;
    const daily = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Døgntakst')!;
    expect(daily.getCell(2).value).toBe(6971.08);
    expect(daily.getCell(2).numFmt).toBe('#,##0.00 "kr."');
    const years = book.getWorksheet('År')!;
    expect(years.getRow(1).values).toEqual([undefined, 'År', 'Belægning', 'Indtægt', 'Omkostning', 'Underskud', 'Regionen', 'Kommunerne']);
    expect(years.getRow(2).getCell(5).value).toBe(2_200_000);
    const total = years.getRow(years.rowCount).getCell(5).value as { formula: string; result: number };
    expect(total).toMatchObject({ formula: 'SUM(E2:E5)', result: 8_000_000 });
    const municipalities = book.getWorksheet('Kommuner')!;
    expect(municipalities.getRow(1).values).toEqual([undefined, 'Kommune', 'Andel', 'Opstart', '2022', '2023', '2024', 'I alt']);
    const aalborg = municipalities.getRows(2, 11)!.find((r) => r.getCell(1).value === 'Aalborg')!;
    expect(aalborg.getCell(7).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(C\d+:F\d+\)$/), result: 2_975_637 });
    expect(aalborg.getCell(2).numFmt).toBe('0.0%');
    expect(book.getWorksheet('Advarsler')!.getRow(2).getCell(1).value).toContain('Budgetlinjerne summerer til 23.730.000 kr.');
  });
});
