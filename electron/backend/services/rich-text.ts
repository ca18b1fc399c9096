import sanitizeHtml from 'sanitize-html';

/**
 * The HTML the item editor produces, and nothing else: headings, paragraphs, lists, tables, emphasis and links.
 * Applied to every rich text before it is stored, whatever sent it (the UI, an import, the CLI).
 */
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'colgroup', 'col'],
  allowedAttributes: { a: ['href'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  disallowedTagsMode: 'discard',
};

/**
 * Every document, preview and reading view sanitises all of a meeting's texts once more; the same text always gives
 * the same result, so recent results are kept (up to a few MB of text), oldest dropped first.
 */
const sanitized = new Map<string, string>();
const KEPT_CHARS = 4_000_000;
let keptChars = 0;

export function sanitizeRichText(html: string): string {
  const known = sanitized.get(html);
  if (known !== undefined) return known;
  const clean = sanitizeHtml(html, RICH_TEXT).trim();
  if (html.length > KEPT_CHARS / 4) return clean;
  sanitized.set(html, clean);
  keptChars += html.length + clean.length;
  for (const [text, result] of sanitized) {
    if (keptChars <= KEPT_CHARS) break;
    sanitized.delete(text);
    keptChars -= text.length + result.length;
  }
  return clean;
}

/** Plain text of rich text, for search and snippets: block ends become line breaks. */
export function richTextToPlain(html: string): string {
  const spaced = html.replace(/<\/(p|h[1-6]|li|tr|blockquote)>|<br\s*\/?>/gi, '$&\n').replace(/<\/t[dh]>/gi, '$& ');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
