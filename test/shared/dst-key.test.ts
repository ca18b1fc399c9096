import { describe, expect, it } from 'vitest';
import { dstWeights, isDstExport, parseDstTable } from '../../shared/logic/tariff/dst-key';

const EXPORT = [
  '"FOLK1A: Befolkningen den 1. i kvartalet efter område og tid"',
  '"";"2020K2";"2021K2"',
  '"Hele landet";5824857;5840045',
  '"Region Nordjylland";590439;590322',
  '"Brønderslev";36166;36140',
  '"Læsø";1780;1776',
  '"Aalborg";217940;219573',
  '',
  '"Kilde: Danmarks Statistik, www.statistikbanken.dk"',
].join('\r\n');

describe('distribution keys saved from Danmarks Statistik', () => {
  it('reads the municipalities of every period, leaving out totals and footnotes', () => {
    expect(isDstExport(EXPORT)).toBe(true);
    expect(isDstExport('Kommune;Befolkning\nAalborg;219573\n')).toBe(false);
    const table = parseDstTable(EXPORT);
    expect(table.periods).toEqual(['2020K2', '2021K2']);
    expect(table.rows.map((r) => r.area)).toEqual(['Brønderslev', 'Læsø', 'Aalborg']);
    expect(dstWeights(table)).toEqual({ period: '2021K2', weights: { Brønderslev: 36140, Læsø: 1776, Aalborg: 219573 } });
    expect(dstWeights(table, '2020K2').weights.Aalborg).toBe(217940);
  });

  it('reads a table with two label columns (area and age) and a missing value', () => {
    const text = '"Befolkning 0-17 år"\n"";"";"2021K2"\n"Aalborg";"0-17 år";41000\n"Læsø";"0-17 år";..\n';
    const table = parseDstTable(text);
    expect(table.rows[0]).toMatchObject({ area: 'Aalborg 0-17 år', values: [41000] });
    expect(() => dstWeights(table)).toThrow('Læsø 0-17 år har intet tal for 2021K2 (linje 4).');
  });

  it.each([
    ['no period header', 'Kommune;Befolkning\nAalborg;1\n', 'ingen overskriftslinje med perioder'],
    ['a row with too few numbers', '"";"2020K2";"2021K2"\n"Aalborg";217940\n', 'Linje 2 har 1 tal, men overskriften har 2 perioder'],
    ['a value that is not a count', '"";"2021K2"\n"Aalborg";mange\n', 'Linje 2: «mange» for Aalborg er ikke et antal'],
    ['a municipality twice', '"";"2021K2"\n"Aalborg";1\n"Aalborg";2\n', 'Aalborg står to gange (linje 3)'],
    ['only totals', '"";"2021K2"\n"Hele landet";5840045\n', 'har ingen kommuner'],
  ])('refuses %s with a Danish message naming the line', (_, text, message) => {
    expect(() => parseDstTable(text)).toThrow(message);
  });

  it('refuses a period the table does not have', () => {
    expect(() => dstWeights(parseDstTable(EXPORT), '2019K2')).toThrow('Perioden 2019K2 findes ikke i tabellen (den har 2020K2, 2021K2).');
  });
});
