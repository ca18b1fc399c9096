const integer = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('da-DK', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "590.322" */
export const formatInteger = (n: number) => integer.format(n);

/** "6,12 %" (Intl writes a no-break space before the sign, as Danish typesetting does). */
export const formatPercent = (fraction: number) => percent.format(fraction);

/** "2. kvt. 2021" from "2021K2" */
export function formatQuarter(quarter: string): string {
  const [year, q] = quarter.split('K');
  return `${q}. kvt. ${year}`;
}
