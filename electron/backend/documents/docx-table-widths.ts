/**
 * Column widths for a table in a Word file, by its content, as a browser lays out a table of width 100 %: each
 * column as wide as its text wants, at least as wide as its longest word, and the room left shared in proportion.
 * Word would otherwise give every column the same width, so a column of amounts is as wide as one of long names.
 */

/** About one character of the 9.5 pt table text, in twips (Arial averages half an em). */
const CHAR = 100;
/** The cell's left and right margins (1.5 mm each) and the border. */
const PADDING = 190;
/** A column holding only short text still takes a few characters; a long text wraps past this many. */
const MIN_CHARS = 3;
const MAX_CHARS = 60;
/** A longer word may break: it does not widen its column past this. */
const MAX_WORD = 18;

export interface MeasuredCell {
  /** The first grid column the cell starts in. */
  start: number;
  colSpan: number;
  text: string;
}

/** Widths in twips, one per column, summing to `total`. */
export function columnWidths(cells: readonly MeasuredCell[], columns: number, total: number): number[] {
  const wanted = Array<number>(columns).fill(MIN_CHARS);
  const least = Array<number>(columns).fill(MIN_CHARS);
  for (const cell of cells) {
    if (cell.colSpan !== 1 || cell.start >= columns) continue;
    const text = cell.text.replace(/\s+/g, ' ').trim();
    const longestWord = Math.max(0, ...text.split(' ').map((w) => w.length));
    wanted[cell.start] = Math.max(wanted[cell.start]!, Math.min(MAX_CHARS, text.length));
    least[cell.start] = Math.max(least[cell.start]!, Math.min(MAX_WORD, longestWord));
  }
  const natural = wanted.map((chars) => chars * CHAR + PADDING);
  const minimum = least.map((chars) => chars * CHAR + PADDING);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  let widths: number[];
  if (sum(natural) <= total) {
    // Room to spare: every column grows in proportion to what it wants.
    widths = natural.map((w) => (w * total) / sum(natural));
  } else if (sum(minimum) <= total) {
    // Too little room: each keeps its longest word; the rest goes to the columns whose text wraps, in proportion.
    const over = natural.map((w, i) => w - minimum[i]!);
    const spare = total - sum(minimum);
    widths = minimum.map((w, i) => w + (sum(over) > 0 ? (over[i]! * spare) / sum(over) : spare / columns));
  } else {
    widths = minimum.map((w) => (w * total) / sum(minimum));
  }
  const rounded = widths.map(Math.floor);
  // The twips lost to rounding go to the widest column, so the table is exactly as wide as the text.
  const widest = rounded.indexOf(Math.max(...rounded));
  rounded[widest]! += total - sum(rounded);
  return rounded;
}
