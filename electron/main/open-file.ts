/**
 * Opens an attachment in the system's own viewer (Acrobat, Word, Excel, Photos ...): the stored file, which has
 * no extension and must never be changed, is copied under its original name to a temporary folder, made
 * read-only (edits belong in a new version through "Erstat"), and handed to the operating system.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { shell } from 'electron';
import { AppError } from '../backend/errors';
import { cleanFileName } from '../backend/files/file-name';
import type { FileStore } from '../backend/files/file-store';
import { EXTENSION_OF, MEDIA_TYPES, OCTET_STREAM } from '../backend/files/media-type';

/** Copies older than this are removed the next time a file is opened (a viewer may still hold a newer one). */
const KEEP_COPIES_MS = 24 * 60 * 60 * 1000;

/**
 * Extensions the operating system would run rather than show. A file of unknown content with one of these is not
 * opened from the app at all: an attachment must never become a way to start a program.
 */
const EXECUTABLE = new Set(
  (
    'exe com bat cmd scr pif cpl msi msp mst msc jar js jse vbs vbe vb wsf wsh ws wsc ps1 ps1xml ps2 psc1 psd1 psm1 hta lnk url ' +
    'scf reg inf application appref-ms gadget sct shb shs chm hlp dll sys ocx drv settingcontent-ms library-ms search-ms ' +
    'appx appxbundle msix msixbundle iso img vhd vhdx xll sh bash zsh csh ksh command tool app pkg dmg desktop run bin ' +
    'appimage py pyw pl rb php html htm xhtml shtml svg svgz xml xsl mht mhtml website diagcab'
  ).split(' '),
);

/** Extensions that fit each known type; a name that does not fit gets the type's own extension added. */
const FITTING: Readonly<Record<string, readonly string[]>> = {
  [MEDIA_TYPES.jpeg]: ['.jpg', '.jpeg', '.jpe', '.jfif'],
  [MEDIA_TYPES.docx]: ['.docx', '.docm'],
  [MEDIA_TYPES.xlsx]: ['.xlsx', '.xlsm'],
  [MEDIA_TYPES.pptx]: ['.pptx', '.pptm'],
};

/**
 * The name the copy gets: the user's name, cleaned for the file system, with an extension that matches the
 * content (so "rapport.exe" that is really a PDF opens as "rapport.exe.pdf" in the PDF viewer).
 * Throws a Danish refusal for unknown content with an executable extension.
 */
export function viewerFileName(fileName: string, mediaType: string): string {
  const ext = EXTENSION_OF[mediaType];
  let name = cleanFileName(fileName) || `bilag${ext ?? ''}`;
  const current = extname(name).toLowerCase();
  if (ext) {
    const fitting = FITTING[mediaType] ?? [ext];
    if (!fitting.includes(current)) name = `${name}${ext}`;
    return name;
  }
  if (mediaType === OCTET_STREAM && EXECUTABLE.has(current.slice(1))) {
    throw new AppError(
      'FORBIDDEN',
      `Filen «${name}» åbnes ikke fra Sekretariat, fordi filer af typen ${current} kan starte et program. Bed afsenderen om filen som PDF.`,
    );
  }
  return name;
}

export interface OpenStoredFileOptions {
  /** Where the copies go (default: <tmp>/sekretariat-bilag). */
  tempRoot?: string;
  now?: () => Date;
}

/**
 * Copies the stored file to `<tempRoot>/<random>/<file name>` and opens it with the system viewer.
 * Resolves with the path of the copy; rejects with a Danish AppError when the file is missing, unreadable,
 * refused, or no program can open it.
 */
export async function openStoredFile(store: FileStore, sha256: string, fileName: string, options: OpenStoredFileOptions = {}): Promise<string> {
  const { info, stream } = await store.open(sha256);
  let name: string;
  try {
    name = viewerFileName(fileName, info.mediaType);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const root = options.tempRoot ?? join(tmpdir(), 'sekretariat-bilag');
  await removeOldCopies(root, (options.now ?? (() => new Date()))().getTime());
  const folder = join(root, randomUUID());
  const copy = join(folder, name);
  try {
    await mkdir(folder, { recursive: true });
    await pipeline(stream, createWriteStream(copy, { flags: 'wx' }));
    await chmod(copy, 0o444);
  } catch (error) {
    stream.destroy();
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    throw new AppError(
      'INTERNAL',
      code === 'ENOSPC'
        ? `Filen «${name}» kunne ikke åbnes: der er ikke plads nok på disken til en midlertidig kopi.`
        : `Filen «${name}» kunne ikke kopieres til en midlertidig mappe og derfor ikke åbnes.`,
    );
  }
  const failure = await shell.openPath(copy);
  if (failure) {
    throw new AppError('INTERNAL', `Filen «${name}» kunne ikke åbnes. Måske er der ikke noget program på computeren, der kan vise den. (${failure})`);
  }
  return copy;
}

async function removeOldCopies(root: string, now: number): Promise<void> {
  const folders = await readdir(root).catch(() => [] as string[]);
  for (const folder of folders) {
    const path = join(root, folder);
    const info = await stat(path).catch(() => null);
    if (!info || now - info.mtimeMs < KEEP_COPIES_MS) continue;
    // Read-only copies: make them writable first, or Windows refuses to delete them.
    const names = await readdir(path).catch(() => [] as string[]);
    for (const name of names) await chmod(join(path, name), 0o644).catch(() => undefined);
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
