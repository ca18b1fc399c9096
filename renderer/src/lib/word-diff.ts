/** A run of words in one side of a comparison, marked when the other side does not have it. */
export interface Run {
  text: string;
  changed: boolean;
}

/** Above this many words on a side the texts are shown unmarked (the table would stall on long case texts). */
const LIMIT = 1500;

/**
 * Marks the words that differ between two texts, by their longest common subsequence of words (whitespace kept with
 * the word before it), so a revised paragraph shows what was struck and what was added.
 */
export function wordDiff(from: string, to: string): { from: Run[]; to: Run[] } | null {
  const a = from.match(/\S+\s*/g) ?? [];
  const b = to.match(/\S+\s*/g) ?? [];
  if (a.length > LIMIT || b.length > LIMIT) return null;
  const key = (w: string) => w.trimEnd();
  // lcs[i][j]: the common length of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const left: Run[] = [];
  const right: Run[] = [];
  const push = (runs: Run[], text: string, changed: boolean) => {
    const last = runs.at(-1);
    if (last && last.changed === changed) last.text += text;
    else runs.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      push(left, a[i++]!, false);
      push(right, b[j++]!, false);
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push(right, b[j++]!, true);
    else push(left, a[i++]!, true);
  }
  return { from: left, to: right };
}
