/**
 * Opens an attachment in the system's own viewer (Acrobat, Word, Excel, Photos ...): the stored file, which has
 * no extension and must never be changed, is copied under its original name to a temporary folder, made
 * read-only (edits belong in a new version through "Erstat"), and handed to the operating system.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { shell } from 'electron';
import { AppError } from '../backend/errors';
import { cleanFileName } from '../backend/files/file-name';
import type { FileStore } from '../backend/files/file-store';
import { detectMediaType, EXTENSION_OF, hasRunnableExtension, isRunnable, MEDIA_TYPES, SNIFF_BYTES } from '../backend/files/media-type';

/** Copies older than this are removed the next time a file is opened (a viewer may still hold a newer one). */
const KEEP_COPIES_MS = 24 * 60 * 60 * 1000;

/** Extensions that fit each known type; a name that does not fit gets the type's own extension added. */
const FITTING: Readonly<Record<string, readonly string[]>> = {
  [MEDIA_TYPES.jpeg]: ['.jpg', '.jpeg', '.jpe', '.jfif'],
  [MEDIA_TYPES.docx]: ['.docx', '.docm'],
  [MEDIA_TYPES.xlsx]: ['.xlsx', '.xlsm'],
  [MEDIA_TYPES.pptx]: ['.pptx', '.pptm'],
};

/** The refusal of a program or script: the system would run it, so it is only ever saved (see handleSaveFile). */
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

/** The type of the stored bytes, detected again: a row may hold a type an older version took from a package. */
async function detectStored(path: string, fileName: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return detectMediaType(head.subarray(0, bytesRead), fileName);
  } finally {
    await handle.close();
  }
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
  const { path, stream } = await store.open(sha256);
  let name: string;
  try {
    name = viewerFileName(fileName, await detectStored(path, fileName));
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
