/**
 * The command line's exchange commands (docs/exchange-format.md): `export --scope … --out FILE` writes a package,
 * `import FILE --dry-run` validates one and tells what it holds compared with the database, without writing anything.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import type { DB } from '../../db/schema';
import { openBackend, type BackendOptions } from '../backend/backend';
import { AppError } from '../backend/errors';
import { compareWithDatabase, localIdsIn, readPackage, type EntityComparison, type PackageSummary } from '../backend/exchange/read-package';
import { writePackage } from '../backend/exchange/write-package';
import { ExchangeScope, SCOPE_LABELS } from '../../shared/exchange/manifest';
import { ENTITY_NAMES, ENTITY_PLURALS, type EntityName } from '../../shared/exchange/records';
import { formatNumericDate } from '../../shared/format';
import { UsageError } from './usage';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const number = (n: number) => new Intl.NumberFormat('da-DK').format(n);

/** `all`, `meeting:ID`, `scenarios:ID,ID`, `decisions`. */
export function parseScope(text: string | undefined): ExchangeScope {
  if (!text) throw new UsageError('export kræver --scope all|meeting:ID|scenarios:ID,ID|decisions.');
  const [kind, rest] = text.split(/:(.*)/s, 2) as [string, string | undefined];
  const candidate =
    kind === 'meeting' ? { kind, id: rest ?? '' } : kind === 'scenarios' ? { kind, ids: (rest ?? '').split(',').map((id) => id.trim()).filter(Boolean) } : { kind };
  if ((kind === 'all' || kind === 'decisions') && rest !== undefined) throw new UsageError(`--scope ${kind} tager ikke et id.`);
  const parsed = ExchangeScope.safeParse(candidate);
  if (!parsed.success) {
    if (kind === 'meeting') throw new UsageError(`--scope meeting:ID kræver et gyldigt mødes id (se meetings list), ikke «${rest ?? ''}».`);
    if (kind === 'scenarios') throw new UsageError('--scope scenarios:ID,ID kræver et eller flere gyldige scenariers id adskilt af komma.');
    throw new UsageError(`Ukendt omfang: ${text}. Brug all, meeting:ID, scenarios:ID,ID eller decisions.`);
  }
  return parsed.data;
}

export async function runExport(
  options: { scope: string | undefined; out: string | undefined; json: boolean },
  backendOptions: BackendOptions,
  io: Io,
): Promise<number> {
  const scope = parseScope(options.scope);
  if (!options.out) throw new UsageError('export kræver --out FIL.sekretariat.');
  const target = resolve(options.out);
  if (existsSync(target)) throw new UsageError(`${target} findes allerede; vælg et andet filnavn.`);
  if (!existsSync(backendOptions.databaseFile)) throw new UsageError(`Databasen ${backendOptions.databaseFile} findes ikke.`);
  const backend = await openBackend(backendOptions);
  try {
    const summary = await writePackage({
      db: backend.database.db,
      databaseFile: backend.database.file,
      files: backend.files,
      scope,
      target,
      appVersion: backendOptions.appVersion,
      schemaVersion: backend.database.migration.to,
    });
    const lines = [`Pakke (${SCOPE_LABELS[scope.kind]}) gemt i ${target}: ${number(summary.bytes)} byte.`];
    for (const entity of ENTITY_NAMES) {
      const { records, deleted } = summary.counts[entity];
      if (records > 0) lines.push(`  ${ENTITY_PLURALS[entity].padEnd(26)} ${number(records).padStart(7)}${deleted ? ` (heraf ${number(deleted)} slettede)` : ''}`);
    }
    lines.push(`  ${'bilagsfiler'.padEnd(26)} ${number(summary.files.count).padStart(7)} (${number(summary.files.bytes)} byte)`);
    io.out(options.json ? JSON.stringify(summary, null, 2) : lines.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  } finally {
    await backend.close();
  }
}

/**
 * The database opened read-only for the dry run, so it is left byte for byte as it was; null when there is none
 * (everything in the package is then new).
 */
function openReadOnly(file: string): Kysely<DB> | null {
  if (!existsSync(file)) return null;
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  const version = raw.pragma('user_version', { simple: true }) as number;
  if (version !== LATEST_SCHEMA_VERSION) {
    raw.close();
    throw new UsageError(`Databasen ${file} har skemaversion ${version}, denne version af Sekretariat bruger ${LATEST_SCHEMA_VERSION}. Kør migrate først.`);
  }
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
}

export async function runImport(
  options: { file: string | undefined; dryRun: boolean; json: boolean; databaseFile: string },
  io: Io,
): Promise<number> {
  if (!options.file) throw new UsageError('import kræver en pakke, fx import pakke.sekretariat --dry-run.');
  if (!options.dryRun) {
    throw new UsageError('Import af pakker er ikke bygget endnu. Brug import FIL --dry-run for at kontrollere en pakke og se, hvad den indeholder; databasen ændres ikke.');
  }
  const file = resolve(options.file);
  const db = openReadOnly(options.databaseFile);
  try {
    const result = await readPackage(file, db ? { localIds: localIdsIn(db) } : {});
    if (!result.ok) {
      if (options.json) {
        io.out(JSON.stringify({ ok: false, file, problems: result.problems }, null, 2));
        return 2;
      }
      const more = result.problems.length > 1 ? ` (og ${result.problems.length - 1} problem${result.problems.length > 2 ? 'er' : ''} mere)` : '';
      throw new UsageError(`${result.problems[0]!.message}${more}`);
    }
    const comparison = db ? await compareWithDatabase(db, result.summary) : allNew(result.summary);
    const report = dryRunReport(file, result.summary, comparison);
    io.out(options.json ? JSON.stringify(report.json, null, 2) : report.text);
    return 0;
  } finally {
    await db?.destroy();
  }
}

function allNew(summary: PackageSummary): Record<EntityName, EntityComparison> {
  return Object.fromEntries(ENTITY_NAMES.map((e) => [e, { new: summary.entities[e].count, unchanged: 0, changed: 0 }])) as Record<EntityName, EntityComparison>;
}

function dryRunReport(file: string, summary: PackageSummary, comparison: Record<EntityName, EntityComparison>) {
  const { manifest } = summary;
  const entities = Object.fromEntries(
    ENTITY_NAMES.filter((e) => summary.entities[e].count > 0).map((e) => [e, { total: summary.entities[e].count, deleted: summary.entities[e].deleted, ...comparison[e] }]),
  );
  const json = {
    ok: true,
    file,
    bytes: summary.bytes,
    manifest: { formatVersion: manifest.formatVersion, appVersion: manifest.appVersion, exportId: manifest.exportId, createdAt: manifest.createdAt, sourceInstallation: manifest.sourceInstallation, scope: manifest.scope },
    entities,
    files: { count: summary.files.count, bytes: summary.files.bytes },
    sanitized: summary.sanitized.map(({ entity, id, field }) => ({ entity, id, field })),
    clearedReferences: summary.clearedReferences,
    imported: false,
  };
  const head = `Pakken ${file} er gyldig: ${SCOPE_LABELS[manifest.scope.kind]}, lavet ${formatNumericDate(manifest.createdAt.slice(0, 10))} med Sekretariat ${manifest.appVersion}.`;
  const columns = `  ${''.padEnd(26)} ${'i alt'.padStart(7)} ${'nye'.padStart(7)} ${'uændrede'.padStart(9)} ${'ændrede'.padStart(8)} ${'slettede'.padStart(9)}`;
  const rows = Object.entries(entities).map(
    ([e, c]) =>
      `  ${ENTITY_PLURALS[e as EntityName].padEnd(26)} ${number(c.total).padStart(7)} ${number(c.new).padStart(7)} ${number(c.unchanged).padStart(9)} ${number(c.changed).padStart(8)} ${number(c.deleted).padStart(9)}`,
  );
  const notes = [
    `Bilagsfiler: ${number(summary.files.count)} (${number(summary.files.bytes)} byte).`,
    ...(summary.sanitized.length ? [`${number(summary.sanitized.length)} tekst(er) indeholder kode (fx <script>), som fjernes ved import.`] : []),
    ...(summary.clearedReferences.length ? [`${number(summary.clearedReferences.length)} henvisning(er) til møder, punkter eller bilag uden for pakken ryddes ved import.`] : []),
    '«Ændrede» har en anden revision end databasens; om det er konflikter, afgør importen. Prøvekørsel: intet er ændret.',
  ];
  return { json, text: [head, columns, ...rows, ...notes].join('\n') };
}
