import { extname } from 'node:path';

export const MAX_FILE_NAME_LENGTH = 255;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name as the user knows it, safe to store, show and write to disk on Windows, macOS and Linux:
 * the last path segment only, NFC, without control characters or the characters Windows forbids, without
 * trailing dots or spaces, at most 255 characters (keeping the extension). Empty when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (name === '.' || name === '..') name = '';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const ext = extname(name).slice(0, 16);
    name = name.slice(0, MAX_FILE_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  return name;
}

/** The default title of an attachment: its file name without the extension. */
export function titleFromFileName(fileName: string): string {
  const ext = extname(fileName);
  const base = ext && ext.length < fileName.length ? fileName.slice(0, -ext.length) : fileName;
  return base.trim() || fileName.trim();
}

/** Content-Disposition with the original name (RFC 6266/5987: an ASCII fallback plus the UTF-8 name). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const name = cleanFileName(fileName) || 'bilag';
  const danish: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'oe', Ø: 'Oe', å: 'aa', Å: 'Aa' };
  const fallback = name
    .replace(/[æÆøØåÅ]/g, (c) => danish[c] ?? c)
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
