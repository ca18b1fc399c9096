/**
 * «jf. bilag 6» and «bilag 2–6» in an item's rich text: each number names an attachment as the meeting numbered its
 * attachments when the text was written. Only text between tags is read, so a link or attribute never matches.
 */
const ATTACHMENT_REFERENCE = /\b(bilag\s+)(\d+)(?:(\s*[-–]\s*)(\d+))?\b/giu;

/** Every reference's number (both ends of a range) replaced by `number(n)`; undefined keeps it as written. */
export function mapAttachmentReferences(html: string, number: (n: number) => string | undefined): string {
  const mapped = (n: string) => number(Number(n)) ?? n;
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(ATTACHMENT_REFERENCE, (_m, word: string, from: string, dash = '', to = '') => `${word}${mapped(from)}${to ? `${dash}${mapped(to)}` : ''}`),
    )
    .join('');
}

/** Where a text refers to an attachment that is no longer on the meeting's agenda (deleted, or its item moved). */
export const GONE_ATTACHMENT = '(udgået)';

/**
 * The references of a text written under one numbering, renumbered after attachments were added, removed or moved:
 * `before` says which attachment each number meant, `after` gives each attachment's number now. A number that meant
 * no attachment is left as written (it may name one not yet attached); one whose attachment has gone says so.
 */
export function referencesFollowingAttachments(html: string, before: ReadonlyMap<number, string>, after: ReadonlyMap<string, number>): string {
  return mapAttachmentReferences(html, (n) => {
    const id = before.get(n);
    if (id === undefined) return undefined;
    const now = after.get(id);
    return now === undefined ? GONE_ATTACHMENT : String(now);
  });
}
