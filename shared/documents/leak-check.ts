import { foldDanish } from '../format/fold';

/** Plain words of a text (HTML tags and entities removed), folded so spelling and case cannot hide a leak. */
function words(text: string): string[] {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return foldDanish(plain).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Phrases of at most this many words are compared; a shorter closed text is compared whole. */
const PHRASE_WORDS = 5;

export interface Leak {
  /** The closed text that leaked, shortened for the message. */
  source: string;
  /** The words found in the output. */
  phrase: string;
}

/**
 * The closed texts whose phrases appear in the output text (the text extracted from a public PDF or .docx).
 * Every run of five words of a closed text is looked for; a closed text of fewer words is looked for whole, so
 * a short confidential title leaks as surely as a paragraph. Common phrases shared with open items are leaks too:
 * the check errs on the side of refusing.
 */
export function findLeaks(closed: readonly string[], outputText: string): Leak[] {
  const output = words(outputText);
  // The output's runs of n words, built once per length: a closed attachment's text can be long.
  const runs = new Map<number, Set<string>>();
  const runsOf = (size: number) => {
    let set = runs.get(size);
    if (!set) {
      set = new Set();
      for (let i = 0; i + size <= output.length; i++) set.add(output.slice(i, i + size).join(' '));
      runs.set(size, set);
    }
    return set;
  };
  const leaks: Leak[] = [];
  for (const source of closed) {
    const w = words(source);
    if (w.length === 0) continue;
    const size = Math.min(PHRASE_WORDS, w.length);
    for (let i = 0; i + size <= w.length; i++) {
      const phrase = w.slice(i, i + size).join(' ');
      // A single short word (a closed title like "Udbud") would match too much; two words or more are checked.
      if (size === 1 && phrase.length < 8) break;
      if (runsOf(size).has(phrase)) {
        leaks.push({ source: source.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120), phrase });
        break;
      }
    }
  }
  return leaks;
}
