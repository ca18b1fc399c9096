import { foldDanish, foldWithMap } from '../format/fold';

/** Marks around a matched word in a snippet; the UI turns them into <mark>. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface ParsedQuery {
  /** Folded words and "quoted phrases" (a phrase is its folded words joined by a space). */
  terms: string[];
  /** The FTS5 MATCH expression, or null if nothing searchable was typed. */
  match: string | null;
}

/**
 * Turns what a user typed into a safe FTS5 expression: every word becomes a quoted prefix term and
 * "quoted phrases" stay phrases, so quotes, dashes, colons, AND/OR/NOT and parentheses never reach
 * FTS5 as syntax. All terms must match (implicit AND).
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const terms: string[] = [];
  const parts: string[] = [];
  const phraseRe = /"([^"]*)"/g;
  const phrases = [...input.matchAll(phraseRe)].map((m) => m[1] ?? '');
  const rest = input.replace(phraseRe, ' ');
  const words = (text: string) => foldDanish(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const phrase of phrases) {
    const w = words(phrase);
    if (w.length === 0) continue;
    terms.push(w.join(' '));
    parts.push(`"${w.join(' ')}"`);
  }
  for (const word of words(rest)) {
    terms.push(word);
    parts.push(`"${word}"*`);
  }
  return { terms, match: parts.length > 0 ? parts.join(' ') : null };
}

/**
 * A window of the original text around the first match, with every matched word (prefix of a word, or a phrase)
 * wrapped in MARK_START/MARK_END. Matching happens on the folded text and is mapped back, so "aa" marks "å".
 */
export function makeSnippet(text: string, terms: readonly string[], width = 220): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const merged = matchRanges(plain, terms);
  const first = merged[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  let end = Math.min(plain.length, start + width);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > Math.max(start, merged[0]?.[1] ?? start)) end = space;
  }
  let out = start > 0 ? '… ' : '';
  let cursor = start;
  for (const [s, e] of merged) {
    if (e <= start || s >= end) continue;
    out += plain.slice(cursor, Math.max(cursor, s)) + MARK_START + plain.slice(Math.max(s, start), Math.min(e, end)) + MARK_END;
    cursor = Math.min(e, end);
  }
  out += plain.slice(cursor, end) + (end < plain.length ? ' …' : '');
  return out;
}

/**
 * Where the query's (folded) terms occur in a text, as [start, end) offsets of the original text, sorted and merged:
 * a prefix match is extended to the end of its word, and "aa" matches "å".
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { folded, origin } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (let at = folded.indexOf(term, from); at >= 0; at = folded.indexOf(term, from)) {
      from = at + term.length;
      const startsWord = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!);
      if (!startsWord) continue;
      // Extend a prefix match to the end of the word.
      let end = at + term.length;
      while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end]!)) end++;
      const start = origin[at]!;
      const stop = end < origin.length ? origin[end]! : text.length;
      ranges.push([start, stop]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
