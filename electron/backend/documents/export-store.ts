import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanFileName } from '../files/file-name';

/** Exports are kept a day for the user to save them again; older ones are swept when the next one is made. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Finished exports, one folder per export id, until the user saves them (a download in browser mode, a save dialog
 * on the desktop, a copy to --out in the CLI). Only ids the store made and plain file names are ever resolved.
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
