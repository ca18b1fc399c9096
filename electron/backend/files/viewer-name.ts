/**
 * The name a copy of an attachment gets when the system's own viewer opens it, and the refusal of anything the
 * system would run instead of show.
 */
import { extname } from 'node:path';
import { AppError } from '../errors';
import { cleanFileName } from './file-name';
import { EXTENSION_OF, hasRunnableExtension, isRunnable, MEDIA_TYPES } from './media-type';

/** Extensions that fit each known type; a name that does not fit gets the type's own extension added. */
const FITTING: Readonly<Record<string, readonly string[]>> = {
  [MEDIA_TYPES.jpeg]: ['.jpg', '.jpeg', '.jpe', '.jfif'],
  [MEDIA_TYPES.docx]: ['.docx', '.docm'],
  [MEDIA_TYPES.xlsx]: ['.xlsx', '.xlsm'],
  [MEDIA_TYPES.pptx]: ['.pptx', '.pptm'],
};

/** The refusal of a program or script: the system would run it, so it is only ever saved («Gem som…»). */
export const runnableRefusal = (name: string) =>
  new AppError(
    'FORBIDDEN',
    `Filen «${name}» åbnes ikke fra Sekretariat, fordi den er et program eller et script, som computeren ville køre. ` +
      'Vælg «Gem som…» for at gemme en kopi, hvis du stoler på afsenderen, eller bed afsenderen om filen som PDF.',
  );

/**
 * The name the copy gets: the user's name, cleaned for the file system, with an extension that matches the
 * content (so "rapport.exe" that is really a PDF opens as "rapport.exe.pdf" in the PDF viewer).
 * Throws a Danish refusal for a program or script, and for any content of another kind with a runnable name.
 */
export function viewerFileName(fileName: string, mediaType: string): string {
  const ext = EXTENSION_OF[mediaType];
  let name = cleanFileName(fileName) || `bilag${ext ?? ''}`;
  if (isRunnable(mediaType)) throw runnableRefusal(name);
  if (ext) {
    const fitting = FITTING[mediaType] ?? [ext];
    if (!fitting.includes(extname(name).toLowerCase())) name = `${name}${ext}`;
    return name;
  }
  if (hasRunnableExtension(name)) throw runnableRefusal(name);
  return name;
}
