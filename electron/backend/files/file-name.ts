import { extname } from 'node:path';

import { cleanFileName } from '../../../shared/format/file-name';

export { cleanFileName, MAX_FILE_NAME_LENGTH } from '../../../shared/format/file-name';

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
