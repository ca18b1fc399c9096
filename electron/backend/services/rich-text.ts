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

export const sanitizeRichText = (html: string): string => sanitizeHtml(html, RICH_TEXT).trim();

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
