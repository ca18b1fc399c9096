import { cleanFileName } from '../../shared/format/file-name';

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
