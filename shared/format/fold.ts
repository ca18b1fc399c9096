/**
 * Danish folding for search: case-folded, æ/ø/å spelled ae/oe/aa (as users type them on foreign keyboards and as
 * old names are written: Aabenraa), other accents dropped. The same folding is applied to documents and queries,
 * so "aalborg", "Ålborg" and "ÅLBORG" meet, and "moede" finds "møde".
 */
const SPELLED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss' };

const folded = new Map<string, string>();

function foldChar(ch: string): string {
  // Fast path: ASCII is only lower-cased; everything else is worked out once and remembered.
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let result = folded.get(ch);
  if (result === undefined) {
    result = foldSlow(ch);
    folded.set(ch, result);
  }
  return result;
}

function foldSlow(ch: string): string {
  const lower = ch.toLocaleLowerCase('da');
  const spelled = SPELLED[lower];
  if (spelled) return spelled;
  // Strip combining marks (é -> e, ü -> u); Danish letters were handled above.
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Capitals, and everything but printable ASCII and whitespace: the only code points folding changes. */
const FOLDABLE = /[A-Z]|[^ -~\t\n\r]/gu;

/** Each code point folded on its own; replacing only the foldable ones keeps long attachment texts fast. */
export const foldDanish = (text: string): string => text.replace(FOLDABLE, foldChar);

/** The folded text plus, for every folded character, the index of the original character it came from. */
export function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(index);
    index += ch.length;
  }
  return { folded, origin };
}
