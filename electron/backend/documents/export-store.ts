import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentExport } from '../../../shared/domain/documents';
import { cleanFileName } from '../files/file-name';

/** Exports are kept a day for the user to save them again; older ones are swept when the next one is made. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stream longer than the store takes; the partial file is gone. */
export class TooLarge extends Error {}

/**
 * Files held for the user under an id, one folder each, for a day: finished exports until the user saves them (a
 * download in browser mode, a save dialog on the desktop, a copy to --out in the CLI), and received exchange packages
 * until they are imported. Only ids the store made and plain file names are ever resolved.
 */
export class ExportStore {
  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(): Promise<{ id: string; dir: string }> {
    await this.sweep().catch(() => undefined);
    const id = randomUUID();
    const dir = join(this.dir, id);
    await mkdir(dir, { recursive: true });
    return { id, dir };
  }

  /**
   * A finished file made in memory (a workbook, a CSV) as a new export: written under a temporary name and renamed when
   * complete, so an interrupted write never leaves a file that looks finished.
   */
  async saveFile(fileName: string, bytes: Uint8Array): Promise<DocumentExport> {
    const { id, dir } = await this.create();
    const partial = join(dir, `.${randomUUID()}.part`);
    try {
      await writeFile(partial, bytes);
      await rename(partial, join(dir, fileName));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return { exportId: id, fileName, bytes: bytes.byteLength, pages: null, warnings: [] };
  }

  /** A file streamed in (a received package): written under a temporary name and renamed when all of it has come. */
  async receive(fileName: string, body: Readable, maxBytes: number): Promise<{ id: string; fileName: string; bytes: number }> {
    const name = cleanFileName(fileName) || 'pakke';
    const { id, dir } = await this.create();
    const partial = join(dir, `.${randomUUID()}.part`);
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > maxBytes ? new TooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(body, limit, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, join(dir, name));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return { id, fileName: name, bytes };
  }

  /** Every file held, newest first. */
  async list(): Promise<{ id: string; fileName: string; size: number; mtimeMs: number }[]> {
    const found = [];
    for (const id of await readdir(this.dir).catch(() => [] as string[])) {
      const file = await this.find(id);
      if (file) found.push({ id, fileName: file.fileName, size: file.size, mtimeMs: (await stat(file.path)).mtimeMs });
    }
    return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
  }

  /** Removes a held file; false when there was none. */
  async discard(id: string): Promise<boolean> {
    if (!EXPORT_ID.test(id)) return false;
    const found = (await this.find(id)) !== null;
    await rm(join(this.dir, id), { recursive: true, force: true });
    return found;
  }

  /** The file of a finished export, or null for an unknown id or name. */
  async find(id: string, fileName?: string): Promise<{ path: string; fileName: string; size: number } | null> {
    if (!EXPORT_ID.test(id)) return null;
    const names = (await readdir(join(this.dir, id)).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
    const name = fileName === undefined ? names[0] : names.find((n) => n === cleanFileName(fileName));
    if (!name) return null;
    const path = join(this.dir, id, name);
    const info = await stat(path).catch(() => null);
    return info?.isFile() ? { path, fileName: name, size: info.size } : null;
  }

  async sweep(): Promise<void> {
    const cutoff = this.now().getTime() - KEEP_MS;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (info && EXPORT_ID.test(name) && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
    }
  }
}
