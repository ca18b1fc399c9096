/**
 * Opens an attachment in the system's own viewer (Acrobat, Word, Excel, Photos ...): the backend opens the stored
 * file (refusing a program or script, and naming the copy after its content); the copy goes under that name into a
 * temporary folder, is made read-only (edits belong in a new version through "Erstat"), and is handed to the
 * operating system.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { shell } from 'electron';
import type { Backend, StreamResult } from '../backend/backend';

/** Copies older than this are removed the next time a file is opened (a viewer may still hold a newer one). */
const KEEP_COPIES_MS = 24 * 60 * 60 * 1000;

type Refused = Extract<StreamResult<unknown>, { ok: false }>;

/** A file that was not opened, with the envelope and status the app:// route answers with. */
export class ViewerRefusal extends Error {
  constructor(readonly result: Refused) {
    super(result.error.message);
  }
}

const failed = (message: string) => new ViewerRefusal({ ok: false, error: { code: 'INTERNAL', message }, status: 500 });

export interface OpenStoredFileOptions {
  /** Where the copies go (default: <tmp>/sekretariat-bilag). */
  tempRoot?: string;
  now?: () => Date;
}

/**
 * Copies the stored file to `<tempRoot>/<random>/<file name>` and opens it with the system viewer.
 * Resolves with the path of the copy; rejects with a ViewerRefusal (Danish) when the file is missing, unreadable,
 * refused, or no program can open it.
 */
export async function openStoredFile(
  backend: Pick<Backend, 'openFile'>,
  sha256: string,
  fileName: string,
  options: OpenStoredFileOptions = {},
): Promise<string> {
  const opened = await backend.openFile(sha256, fileName, { forSystemViewer: true });
  if (!opened.ok) throw new ViewerRefusal(opened);
  const { stream, fileName: name } = opened.data;
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
    throw failed(
      code === 'ENOSPC'
        ? `Filen «${name}» kunne ikke åbnes: der er ikke plads nok på disken til en midlertidig kopi.`
        : `Filen «${name}» kunne ikke kopieres til en midlertidig mappe og derfor ikke åbnes.`,
    );
  }
  const failure = await shell.openPath(copy);
  if (failure) {
    throw failed(`Filen «${name}» kunne ikke åbnes. Måske er der ikke noget program på computeren, der kan vise den. (${failure})`);
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
