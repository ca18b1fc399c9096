const integer = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const wholeKroner = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const kronerAndOre = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percents = new Map<number, Intl.NumberFormat>();

const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 6 });

/** "1.234,5": any number as Danish readers write it. */
export const formatNumber = (n: number) => decimal.format(n);

/** "590.322" */
export const formatInteger = (n: number) => integer.format(n);

/** "22.900.000" for whole kroner, "335,78" otherwise, without the unit (a column headed «Beløb i kr.»); the amount in øre. */
export const formatAmount = (ore: number) => (ore % 100 === 0 ? wholeKroner : kronerAndOre).format(ore / 100);

/** "22.900.000 kr." for whole kroner, "335,78 kr." otherwise; the amount in øre. */
export const formatKroner = (ore: number) => `${formatAmount(ore)} kr.`;

/** "6,12 %" with two decimals unless told otherwise (Intl writes a no-break space before the sign, as Danish typesetting does). */
export function formatPercent(fraction: number, decimals = 2): string {
  let format = percents.get(decimals);
  if (!format) percents.set(decimals, (format = new Intl.NumberFormat('da-DK', { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format.format(fraction);
}

/** "2. kvt. 2021" from "2021K2" */
export function formatQuarter(quarter: string): string {
  const [year, q] = quarter.split('K');
  return `${q}. kvt. ${year}`;
}

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1,4 MB", "612 kB", "1,2 GB": Danish decimals, megabytes from 1 MB, gigabytes from 1 GB. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${oneDecimal.format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${oneDecimal.format(bytes / 1024 ** 2)} MB`;
  return `${integer.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}
