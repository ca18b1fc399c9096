import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatInteger,
  formatKroner,
  formatList,
  formatLongDate,
  formatNumber,
  formatNumericDate,
  formatPercent,
  formatQuarter,
  formatTimeSpan,
  parseDanishDate,
  sortDanish,
} from '../../shared/format';

describe('da-DK formatting', () => {
  it('writes a list in a sentence with commas and «og» before the last', () => {
    expect(formatList(['Læsø Kommune', 'Morsø Kommune', 'Aalborg Kommune'])).toBe('Læsø Kommune, Morsø Kommune og Aalborg Kommune');
    expect(formatList(['Læsø Kommune', 'Morsø Kommune'])).toBe('Læsø Kommune og Morsø Kommune');
    expect(formatList(['Læsø Kommune'])).toBe('Læsø Kommune');
  });

  it('writes dates, times and numbers the way the DAS papers do', () => {
    expect(formatLongDate('2021-05-27')).toBe('27. maj 2021');
    expect(formatNumericDate('2021-03-25')).toBe('25.03.2021');
    expect(formatTimeSpan('13:00', '16:00')).toBe('kl. 13.00–16.00');
    expect(formatTimeSpan('13:00', null)).toBe('kl. 13.00');
    expect(formatInteger(590322)).toBe('590.322');
    expect(formatInteger(1776)).toBe('1.776');
    expect(formatPercent(36140 / 590322).replace(/\s/u, ' ')).toBe('6,12 %');
    expect(formatPercent(8 / 12, 1)).toBe('66,7\u00a0%');
    expect(formatPercent(0.05, 0)).toBe('5\u00a0%');
    expect(formatKroner(2_290_000_000)).toBe('22.900.000 kr.');
    expect(formatKroner(33_578)).toBe('335,78 kr.');
    expect(formatKroner(-126_100_000)).toBe('-1.261.000 kr.');
    // Without the unit, øre keep both decimals: 1.234,50, never 1.234,5.
    expect(formatAmount(123_450)).toBe('1.234,50');
    expect(formatAmount(-98_699_700)).toBe('-986.997');
    expect(formatNumber(74.5)).toBe('74,5');
    expect(formatQuarter('2021K2')).toBe('2. kvt. 2021');
  });

  it('keeps a calendar date on its day in every time zone', () => {
    expect(formatLongDate('2021-01-01')).toBe('1. januar 2021');
    expect(formatLongDate('2021-12-31')).toBe('31. december 2021');
  });

  it('sorts Danish names with æ, ø and å last, and aa as å', () => {
    const names = ['Aalborg', 'Ærø', 'Brønderslev', 'Østergaard', 'Zebra', 'Åbenrå'];
    expect(sortDanish(names, (n) => n)).toEqual(['Brønderslev', 'Zebra', 'Ærø', 'Østergaard', 'Åbenrå', 'Aalborg']);
  });
});

describe('parseDanishDate', () => {
  it.each([
    ['27.05.2021', '2021-05-27'],
    ['27-05-2021', '2021-05-27'],
    ['27/5 2021', '2021-05-27'],
    ['27. maj 2021', '2021-05-27'],
    ['d. 23. august 2021', '2021-08-23'],
    ['2021-03-25', '2021-03-25'],
    ['1.2.22', '2022-02-01'],
  ])('reads %s', (text, iso) => expect(parseDanishDate(text)).toBe(iso));

  it.each(['30.02.2021', '32.01.2021', 'i morgen', '', '27. mj 2021'])('refuses %s', (text) => expect(parseDanishDate(text)).toBeNull());

  it('reads back every date it writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDanishDate(formatLongDate(iso))).toBe(iso);
        expect(parseDanishDate(formatNumericDate(iso))).toBe(iso);
      }),
    );
  });
});
