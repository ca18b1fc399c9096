import { extname } from 'node:path';

export { cleanFileName, MAX_FILE_NAME_LENGTH } from '../../../shared/format/file-name';

/** The default title of an attachment: its file name without the extension. */
export function titleFromFileName(fileName: string): string {
  const ext = extname(fileName);
  const base = ext && ext.length < fileName.length ? fileName.slice(0, -ext.length) : fileName;
  return base.trim() || fileName.trim();
}
