import { describe, expect, it } from 'vitest';
import { ScenarioInput } from '../../shared/domain/scenario';
import { checkLevelPlaces } from '../../shared/logic/tariff/level-places';
import { isCellBlock, parseDanishNumber, pasteBudgetLines, pasteLevels } from '../../shared/logic/tariff/paste';
import { computeScenario } from '../../shared/logic/tariff/scenario';

describe('numbers as a Danish Excel copies them', () => {
  it('reads thousands dots, a decimal comma, a minus, «kr.» and Excel’s non-breaking spaces', () => {
    expect(parseDanishNumber('1.234.567,50')).toBe(1_234_567.5);
    expect(parseDanishNumber('-1.234')).toBe(-1234);
    expect(parseDanishNumber('−1.234')).toBe(-1234);
    expect(parseDanishNumber('1.234 kr.')).toBe(1234);
    expect(parseDanishNumber('1\u00a0234\u00a0567,5')).toBe(1_234_567.5);
    expect(parseDanishNumber('4800')).toBe(4800);
    expect(parseDanishNumber('2,5')).toBe(2.5);
    expect(parseDanishNumber('  ')).toBeNull();
  });

  it('refuses what is not a Danish number rather than guess: an English decimal point, two commas, letters', () => {
    for (const bad of ['12.5', '1,234.50', '1,2,3', '12a', '1..234', 'kr.']) expect(parseDanishNumber(bad)).toBeUndefined();
  });
});

describe('budget lines pasted from Excel', () => {
  it('takes rows of text and amount, skips the headings and empty rows, counts an empty amount as 0', () => {
    const text = 'Linje\tBeløb\r\nLøn\t12.345.678,50\r\n\t\r\nHusleje\t1.800.000\r\nIndtægt fra salg\t-1.234\r\nReserve\t\r\n';
    expect(pasteBudgetLines(text)).toEqual({
      ok: true,
      rows: [
        { label: 'Løn', amount: 12_345_678.5 },
        { label: 'Husleje', amount: 1_800_000 },
        { label: 'Indtægt fra salg', amount: -1234 },
        { label: 'Reserve', amount: 0 },
      ],
    });
    // Excel quotes a cell with a line break or a quote in it.
    expect(pasteBudgetLines('"Kost og ""logi"""\t100')).toEqual({ ok: true, rows: [{ label: 'Kost og "logi"', amount: 100 }] });
  });

  it('refuses the whole paste on one bad cell, naming its row and column in Danish', () => {
    expect(pasteBudgetLines('Løn\t1.000\nHusleje\t12.5\nVarme\t300')).toEqual({
      ok: false,
      message: 'Række 2, kolonne B (Beløb): «12.5» er ikke et tal, som Excel skriver det på dansk (fx 1.234.567,50). Intet er ændret.',
    });
    expect(pasteBudgetLines('Løn\t1.000\n\t500')).toEqual({ ok: false, message: 'Række 2, kolonne A (Linje) er tom: hver række skal have en tekst. Intet er ændret.' });
    expect(pasteBudgetLines('Løn\t1.000,005')).toMatchObject({ ok: false, message: expect.stringContaining('Række 1, kolonne B (Beløb): «1.000,005» har flere end to decimaler (øre)') });
    expect(pasteBudgetLines('Løn\t1.000\t2.000')).toEqual({ ok: false, message: 'Række 1 har 3 kolonner, men tabellen har 2 (Linje, Beløb). Intet er ændret.' });
    expect(pasteBudgetLines('\n\t\n')).toEqual({ ok: false, message: 'Der var ingen rækker at indsætte. Intet er ændret.' });
  });
});

describe('tariff levels pasted from Excel', () => {
  it('takes name, daily tariff and places', () => {
    expect(pasteLevels('Niveau\tDøgntakst\tPladser\nTakst 1\t4.800,00\t2\nTakst 2\t6.200 kr.\t2,5\n')).toEqual({
      ok: true,
      rows: [
        { name: 'Takst 1', dailyTariff: 4800, places: 2 },
        { name: 'Takst 2', dailyTariff: 6200, places: 2.5 },
      ],
    });
  });

  it('refuses negative tariffs and places', () => {
    expect(pasteLevels('Takst 1\t-4.800\t2')).toEqual({ ok: false, message: 'Række 1, kolonne B (Døgntakst): «-4.800» må ikke være negativ. Intet er ændret.' });
    expect(pasteLevels('Takst 1\t4.800\t2\nTakst 2\t5.000\t-1')).toMatchObject({ ok: false, message: expect.stringContaining('Række 2, kolonne C (Pladser)') });
  });

  it('tells a block of cells from one value typed or pasted into a field', () => {
    expect(isCellBlock('1.234,50')).toBe(false);
    expect(isCellBlock('1.234,50\r\n')).toBe(false);
    expect(isCellBlock('Løn\t1.234')).toBe(true);
    expect(isCellBlock('1\n2')).toBe(true);
  });
});

describe('the levels’ places against the offer’s', () => {
  it('warns in Danish when they do not add up, and says nothing when they do or there are no levels', () => {
    const levels = [{ places: 3 }, { places: 3 }, { places: 2 }];
    expect(checkLevelPlaces(levels, 10)).toBe('Takstniveauerne har 8 pladser i alt, men tilbuddet har 10 pladser: 2 pladser har intet takstniveau.');
    expect(checkLevelPlaces([...levels, { places: 3 }], 10)).toBe('Takstniveauerne har 11 pladser i alt, men tilbuddet har 10 pladser: 1 plads for mange på niveauerne.');
    expect(checkLevelPlaces([{ places: 0.1 }, { places: 0.2 }], 0.3)).toBeNull();
    expect(checkLevelPlaces([...levels, { places: 2 }], 10)).toBeNull();
    expect(checkLevelPlaces([], 10)).toBeNull();
  });

  it('is one of the scenario’s warnings', () => {
    const input = ScenarioInput.parse({
      places: 12,
      fullOperationBudget: 0,
      levels: [{ name: 'Takst 1', dailyTariff: 0, places: 10 }],
      years: [{ year: 2022, occupancy: 1 }],
      fixedShare: 0.6,
      split: { key: { Aalborg: 1 } },
    });
    expect(computeScenario(input).warnings).toContain('Takstniveauerne har 10 pladser i alt, men tilbuddet har 12 pladser: 2 pladser har intet takstniveau.');
  });
});
