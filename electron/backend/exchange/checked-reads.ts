/**
 * The package is read once between preview and import: the preview's checked read (summary and records, every entry
 * proven by its hash) is kept by the incoming package's id, and its import takes it when the file is still the same
 * (size, modification time, file identity; applyImport then also compares the manifest's hash) and nothing the check
 * depended on here has changed (checkState). Otherwise the import reads the package in full, as it always could.
 * One read is kept at a time (the latest preview): the records of a whole database are not small.
 */
import type { Kysely } from 'kysely';
import { stat } from 'node:fs/promises';
import { checkState } from '../../../db/queries/exchange';
import type { DB } from '../../../db/schema';
import type { ReadForImport } from './merge';

interface Fingerprint {
  size: number;
  mtimeMs: number;
  ino: number;
  state: string;
}

async function fingerprint(db: Kysely<DB>, path: string): Promise<Fingerprint | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  // Whole milliseconds: what a copy or a restored time keeps (a write after the preview moves it by far more).
  return { size: info.size, mtimeMs: Math.trunc(info.mtimeMs), ino: info.ino, state: await checkState(db) };
}

const same = (a: Fingerprint | null, b: Fingerprint | null) =>
  a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.state === b.state;

export class CheckedReads {
  private kept: { packageId: string; path: string; at: Fingerprint; read: ReadForImport } | null = null;

  /** Before a preview reads the package: what the file and the database are now. */
  fingerprint(db: Kysely<DB>, path: string): Promise<Fingerprint | null> {
    return fingerprint(db, path);
  }

  /** After a preview: keeps its read, if nothing changed while it was made (`before` from {@link fingerprint}). */
  async keep(db: Kysely<DB>, packageId: string, path: string, before: Fingerprint | null, read: ReadForImport): Promise<void> {
    this.kept = null;
    if (same(before, await fingerprint(db, path))) this.kept = { packageId, path, at: before!, read };
  }

  /** For an import: the kept read of this package if it still holds, else null (read it in full). Taken once. */
  async take(db: Kysely<DB>, packageId: string, path: string): Promise<ReadForImport | null> {
    const kept = this.kept;
    if (kept?.packageId !== packageId) return null;
    this.kept = null;
    return kept.path === path && same(kept.at, await fingerprint(db, path)) ? kept.read : null;
  }

  drop(packageId: string): void {
    if (this.kept?.packageId === packageId) this.kept = null;
  }
}
