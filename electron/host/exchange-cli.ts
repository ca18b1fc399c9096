/**
 * The command line's exchange commands (docs/exchange-format.md): `export --scope … --out FILE` writes a package,
 * `import FILE [--dry-run] [--on-conflict mine|theirs|both]` validates one and previews the three-way merge (dry run) or
 * applies it in one transaction after a backup.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, openBackend, type Backend, type BackendOptions } from '../backend/backend';
import {
  extractPendingText,
  importPackageFile,
  MERGE_CLASS_LABELS,
  MERGE_CLASSES,
  openingSentences,
  previewPackageFile,
  sourceSentences,
  writePackageFile,
  type Conflict,
  type MergeClass,
  type PackageSummary,
  type Problem,
} from '../backend/command-line';
import { Resolution } from '../../shared/domain/exchange';
import { ExchangeScope, SCOPE_LABELS } from '../../shared/exchange/manifest';
import { displayValue, fieldLabel } from '../../shared/exchange/conflict-text';
import { ENTITY_NAMES, ENTITY_PLURALS, type EntityName } from '../../shared/exchange/records';
import { formatInteger, formatNumericDate } from '../../shared/format';
import { UsageError } from './usage';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const number = formatInteger;

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

/** Opens the database's backend for one command, turning the backend's Danish refusals into usage errors. */
async function withBackend<T>(backendOptions: BackendOptions, work: (backend: Backend) => Promise<T>): Promise<T> {
  if (!existsSync(backendOptions.databaseFile)) throw new UsageError(`Databasen ${backendOptions.databaseFile} findes ikke.`);
  const backend = await openBackend(backendOptions);
  try {
    return await work(backend);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  } finally {
    await backend.close();
  }
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
  return withBackend(backendOptions, async (backend) => {
    const summary = await writePackageFile(backend, scope, target, backendOptions.appVersion);
    const lines = [`Pakke (${SCOPE_LABELS[scope.kind]}) gemt i ${target}: ${number(summary.bytes)} byte.`];
    for (const entity of ENTITY_NAMES) {
      const { records, deleted } = summary.counts[entity];
      if (records > 0) lines.push(`  ${ENTITY_PLURALS[entity].padEnd(26)} ${number(records).padStart(7)}${deleted ? ` (heraf ${number(deleted)} slettede)` : ''}`);
    }
    lines.push(`  ${'bilagsfiler'.padEnd(26)} ${number(summary.files.count).padStart(7)} (${number(summary.files.bytes)} byte)`);
    io.out(options.json ? JSON.stringify(summary, null, 2) : lines.join('\n'));
    return 0;
  });
}

/** `--on-conflict mine|theirs|both` (default mine: nothing of this database is overwritten without being asked). */
export function parseResolution(text: string | undefined): Resolution {
  if (text === undefined) return 'mine';
  const parsed = Resolution.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new UsageError(`Ukendt --on-conflict «${text}». Brug mine (behold mine), theirs (tag deres) eller both (behold begge).`);
}

function refusal(file: string, problems: Problem[], json: boolean, io: Io): number {
  if (json) {
    io.out(JSON.stringify({ ok: false, file, problems }, null, 2));
    return 2;
  }
  const more = problems.length > 1 ? ` (og ${problems.length - 1} problem${problems.length > 2 ? 'er' : ''} mere)` : '';
  throw new UsageError(`${problems[0]!.message}${more}`);
}

export async function runImport(
  options: { file: string | undefined; dryRun: boolean; json: boolean; databaseFile: string; onConflict?: string; allowOpenClosed?: boolean },
  backendOptions: BackendOptions,
  io: Io,
): Promise<number> {
  if (!options.file) throw new UsageError('import kræver en pakke, fx import pakke.sekretariat --dry-run.');
  const resolution = parseResolution(options.onConflict);
  const file = resolve(options.file);
  if (options.dryRun) {
    // The database is read read-only, so the dry run leaves it byte for byte as it was.
    const checked = await previewPackageFile(options.databaseFile, file).catch((error: unknown) => {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    });
    if (!checked.database) {
      const result = checked.read;
      if (!result.ok) return refusal(file, result.problems, options.json, io);
      const report = previewReport(file, result.summary, allNew(result.summary), [], [], false);
      io.out(options.json ? JSON.stringify(report.json, null, 2) : report.text);
      return 0;
    }
    const result = checked.preview;
    if (!result.ok) return refusal(file, result.problems, options.json, io);
    const { preview } = result;
    const clashes = preview.clashes.map((c) => `Sammenstød: ${c.message} Med --on-conflict theirs tages den fra pakken, ellers beholdes den her.`);
    // First: what the package would make public of closed items here (the import refuses it without --allow-open-closed).
    const openings = openingSentences(preview.openings).map((o) => `${o} ${options.allowOpenClosed ? 'Med --allow-open-closed åbnes de som i pakken.' : 'Importen afvises uden --allow-open-closed.'}`);
    const report = previewReport(file, preview.summary, preview.counts, preview.conflicts, [...openings, ...sourceSentences(preview.source), ...preview.blockers.map((b) => `Kan ikke importeres: ${b}`), ...clashes, ...preview.notes], false);
    io.out(options.json ? JSON.stringify(report.json, null, 2) : report.text);
    return 0;
  }
  return withBackend(backendOptions, async (backend) => {
    const allow = options.allowOpenClosed === true;
    const result = await importPackageFile(backend, file, {
      default: resolution,
      openAll: allow,
      refuseOpenings: allow ? undefined : { advice: 'Brug --allow-open-closed for at åbne dem som i pakken, eller indlæs pakken i vinduet Udveksling og vælg for hvert punkt.' },
    });
    if (!result.ok) return refusal(file, result.problems, options.json, io);
    const { report } = result;
    // The imported attachment files' text, before the command ends: `search` finds it at once, not after some starts.
    const text = await extractPendingText(backend, (next, total) => {
      if (!options.json) io.err(`Udtrækker tekst fra bilag ${number(next)} af ${number(total)}`);
    });
    const shown = previewReport(file, report.preview.summary, report.preview.counts, report.preview.conflicts, [...sourceSentences(report.preview.source), ...report.notes], true);
    const a = report.applied;
    const done = report.preview.alreadyImported
      ? 'Intet er ændret.'
      : `Importeret: ${number(a.inserted)} nye, ${number(a.updated)} opdaterede, ${number(a.merged)} flettet felt for felt, ${number(a.deleted)} slettede, ${number(a.copied)} kopier (behold begge), ${number(a.kept)} konflikter beholdt som her; ${number(report.filesCopied)} bilagsfil(er) kopieret.${report.backup ? ` Sikkerhedskopi før import: ${report.backup.fileName}.` : ''}`;
    const searchable =
      text.files > 0 ? `\nTeksten i ${number(text.extracted)} af ${number(text.files)} bilagsfil(er) kan nu søges${text.failed > 0 ? `; ${number(text.failed)} kunne ikke læses` : ''}.` : '';
    io.out(
      options.json
        ? JSON.stringify({ ...shown.json, resolution, applied: a, filesCopied: report.filesCopied, backup: report.backup?.fileName ?? null, textExtraction: text }, null, 2)
        : `${shown.text}\n${done}${searchable}`,
    );
    return 0;
  });
}

type Counts = Record<EntityName, Record<MergeClass, number>>;

const oneLine = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `«${flat.length > 100 ? `${flat.slice(0, 100)}…` : flat}»`;
};

function allNew(summary: PackageSummary): Counts {
  return Object.fromEntries(
    ENTITY_NAMES.map((e) => [e, { ...Object.fromEntries(MERGE_CLASSES.map((c) => [c, 0])), new: summary.entities[e].count }]),
  ) as unknown as Counts;
}

function previewReport(file: string, summary: PackageSummary, counts: Counts, conflicts: Conflict[], extraNotes: string[], imported: boolean) {
  const { manifest } = summary;
  const entities = Object.fromEntries(
    ENTITY_NAMES.filter((e) => summary.entities[e].count > 0).map((e) => [e, { total: summary.entities[e].count, tombstones: summary.entities[e].deleted, ...counts[e] }]),
  );
  const json = {
    ok: true,
    file,
    bytes: summary.bytes,
    manifest: { formatVersion: manifest.formatVersion, appVersion: manifest.appVersion, exportId: manifest.exportId, createdAt: manifest.createdAt, sourceInstallation: manifest.sourceInstallation, scope: manifest.scope },
    entities,
    // One entry per field in conflict: the common version (null with baseKnown false when none is known), this
    // database's value and the package's, as stored.
    conflicts: conflicts.flatMap((c) =>
      c.fields.map((f) => ({ entity: c.entity, id: c.id, record: c.label, field: f.field, label: fieldLabel(f.field), baseKnown: f.base !== undefined, base: f.base ?? null, local: f.local, incoming: f.incoming })),
    ),
    files: { count: summary.files.count, bytes: summary.files.bytes },
    sanitized: summary.sanitized.map(({ entity, id, field }) => ({ entity, id, field })),
    clearedReferences: summary.clearedReferences,
    notes: extraNotes,
    imported,
  };
  const head = `Pakken ${file} er gyldig: ${SCOPE_LABELS[manifest.scope.kind]}, lavet ${formatNumericDate(manifest.createdAt.slice(0, 10))} med Sekretariat ${manifest.appVersion}.`;
  const columns = `  ${''.padEnd(26)} ${'i alt'.padStart(7)}${MERGE_CLASSES.map((c) => ` ${MERGE_CLASS_LABELS[c].padStart(Math.max(8, MERGE_CLASS_LABELS[c].length))}`).join('')}`;
  const rows = Object.entries(entities).map(
    ([e, c]) =>
      `  ${ENTITY_PLURALS[e as EntityName].padEnd(26)} ${number(c.total).padStart(7)}${MERGE_CLASSES.map((k) => ` ${number(c[k]).padStart(Math.max(8, MERGE_CLASS_LABELS[k].length))}`).join('')}`,
  );
  const conflictLines: string[] = [];
  for (const c of conflicts.slice(0, 50)) {
    conflictLines.push(`  Konflikt: ${c.label} (${ENTITY_PLURALS[c.entity]}, ${c.id})${c.noBase ? ' — ingen fælles version kendes, så hvert felt, der er forskelligt, er med' : ''}:`);
    for (const f of c.fields) {
      const shown = (value: unknown) => oneLine(displayValue(c.entity, f.field, value));
      conflictLines.push(`    ${fieldLabel(f.field)}: fælles ${f.base === undefined ? '(ukendt)' : shown(f.base)} · her ${shown(f.local)} · i pakken ${shown(f.incoming)}`);
    }
  }
  if (conflicts.length > 50) conflictLines.push(`  … og ${number(conflicts.length - 50)} konflikter mere.`);
  const notes = [
    `Bilagsfiler: ${number(summary.files.count)} (${number(summary.files.bytes)} byte).`,
    ...extraNotes,
    ...(imported ? [] : ['Prøvekørsel: intet er ændret.']),
  ];
  return { json, text: [head, columns, ...rows, ...conflictLines, ...notes].join('\n') };
}
