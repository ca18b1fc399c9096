/**
 * Public face for the command line (electron/host), beside backend.ts: what the CLI needs beyond `call()`.
 * Exchange packages are files on disk there (no upload, no job), and the dry run of an import leaves the database
 * byte for byte as it was, so it reads it read-only instead of opening a backend (which migrates and binds it).
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { copyFile, writeFile } from 'node:fs/promises';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { openReadOnly } from '../../db/open';
import type { TariffImportKind, TariffImportPreview, TariffImportReport } from '../../shared/domain/tariff-import';
import type { ExchangeScope } from '../../shared/exchange/manifest';
import type { Backend } from './backend';
import { AppError } from './errors';
import { applyImport, type ApplyResult, type Resolutions } from './exchange/apply';
import { previewImport, type PreviewResult } from './exchange/merge';
import { readPackage, type ReadResult } from './exchange/read-package';
import { writePackage, type PackageWriteSummary } from './exchange/write-package';
import { applyTariffImport, previewTariffImport, tariffTemplate, type ImportFile } from './services/tariff-import';
import { writeAndAnnounce } from './write';

export { MERGE_CLASS_LABELS, MERGE_CLASSES, openingSentences, sourceSentences, type Conflict, type MergeClass } from './exchange/merge';
export type { PackageSummary, Problem } from './exchange/read-package';
export { scenarioHash } from './services/scenario-hash';

/**
 * Copies a finished export (documents.export, decisions.export) to `target` and lets go of it; false when it is gone.
 * The command line writes straight where the user said: no save dialog, no download.
 */
export async function saveExport(backend: Backend, exportId: string, fileName: string, target: string): Promise<boolean> {
  const file = await backend.exports.find(exportId, fileName);
  if (!file) return false;
  await copyFile(file.path, target);
  await backend.exports.discard(exportId);
  return true;
}

/**
 * Extracts the text of every attachment file still waiting for it (after an import), so that `search` finds it at
 * once; `onProgress(n, total)` as the n-th file starts. Nothing to do for an in-memory database.
 */
export async function extractPendingText(backend: Backend, onProgress?: (next: number, total: number) => void) {
  return (await backend.files?.text.extractAll(onProgress)) ?? { files: 0, extracted: 0, failed: 0 };
}

/** Writes an exchange package of `scope` to `target` (refused in Danish when it exists). */
export function writePackageFile(backend: Backend, scope: ExchangeScope, target: string, appVersion: string): Promise<PackageWriteSummary> {
  return writePackage({
    db: backend.database.db,
    databaseFile: backend.database.file,
    files: backend.files,
    scope,
    target,
    appVersion,
    schemaVersion: backend.database.migration.to,
  });
}

/** Imports a package file in one transaction after a backup (as the window's import does). */
export function importPackageFile(backend: Backend, file: string, resolutions: Resolutions, options: Parameters<typeof applyImport>[3] = {}): Promise<ApplyResult> {
  return applyImport({ db: backend.database.db, files: backend.files, backups: backend.backups }, file, resolutions, options);
}

/**
 * The dry run: the package checked and compared with the database, opened read-only. Without a database everything
 * in the package is new (`read` is then the package's own check). Refused in Danish (AppError) when the database
 * has another schema version.
 */
export async function previewPackageFile(
  databaseFile: string,
  packageFile: string,
): Promise<{ database: false; read: ReadResult } | { database: true; preview: PreviewResult }> {
  if (!existsSync(databaseFile)) return { database: false, read: await readPackage(packageFile) };
  const database = openReadOnly(databaseFile);
  try {
    if (database.schemaVersion !== LATEST_SCHEMA_VERSION) {
      throw new AppError('INVALID_INPUT', `Databasen ${databaseFile} har skemaversion ${database.schemaVersion}, denne version af Sekretariat bruger ${LATEST_SCHEMA_VERSION}. Kør migrate først.`);
    }
    return { database: true, preview: await previewImport(database.db, packageFile) };
  } finally {
    await database.close();
  }
}

// The operators' tariff templates (issue 17): written and read back as files on disk, no upload and no job.

/** The operator's template for `year`, written to `target`. */
export async function writeTariffTemplateFile(backend: Backend, operator: string, year: number, target: string): Promise<{ offers: number; bytes: number }> {
  const { bytes, offers } = await tariffTemplate(backend.database.db, operator, year, new Date());
  await writeFile(target, bytes, { flag: 'wx' });
  return { offers, bytes: bytes.length };
}

/** The check and comparison of filled templates; writes nothing. */
export const previewTariffFiles = (backend: Backend, files: readonly ImportFile[], kind: TariffImportKind, year?: number): Promise<TariffImportPreview> =>
  previewTariffImport(backend.database.db, files, kind, year);

/** The import of filled templates: checked again, a backup, then one transaction. */
export const importTariffFiles = (backend: Backend, files: readonly ImportFile[], kind: TariffImportKind, year?: number): Promise<TariffImportReport> =>
  applyTariffImport(
    { db: backend.database.db, backups: backend.backups, now: () => new Date(), newId: randomUUID, transact: (work) => writeAndAnnounce({ db: backend.database.db, now: () => new Date(), emit: () => {} }, [], work) },
    files,
    kind,
    year,
  );
