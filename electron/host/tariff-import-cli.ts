import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError, backupDirIn, databaseFileIn, openBackend, resolveDataDir } from '../backend/backend';
import { importTariffFiles, previewTariffFiles, writeTariffTemplateFile } from '../backend/command-line';
import type { TariffImportKind, TariffImportPreview } from '../../shared/domain/tariff-import';
import { formatInteger } from '../../shared/format';
import { appVersion } from './paths';
import { parseCommandLine, UsageError } from './usage';

/**
 * Collecting the operators' figures: `tariffs template --operator NAME --year Y --out FILE.xlsx`,
 * `tariffs import FILE.xlsx… [--year Y] [--yes] [--json]` and `results import FILE.xlsx… [--year Y] [--yes] [--json]`.
 * Without --yes an import only prints its preview and writes nothing.
 */

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Whether the command line is one of these commands (cli.ts hands them over before its own parsing). */
export const isTariffImportCommand = (argv: readonly string[]) =>
  (argv[0] === 'tariffs' && (argv[1] === 'template' || argv[1] === 'import')) || (argv[0] === 'results' && argv[1] === 'import');

function year(text: string | undefined, required: boolean): number | undefined {
  if (text === undefined) {
    if (required) throw new UsageError('tariffs template kræver --year ÅR, fx --year 2027.');
    return undefined;
  }
  if (!/^\d{4}$/.test(text)) throw new UsageError(`Ugyldigt år: ${text}. Skriv fx --year 2027.`);
  return Number(text);
}

const ACTION_LABELS = { new: 'nyt', version: 'ny version', update: 'rettet', unchanged: 'uændret' } as const;

function previewText(preview: TariffImportPreview, applied: boolean): string {
  const what = preview.kind === 'sheets' ? `Takstskemaer for ${preview.year ?? '?'}` : `Resultater for ${preview.year ?? '?'}`;
  const lines = [`${what} i ${preview.files.map((f) => `${f.fileName} (${f.operatorName || 'ukendt driftsherre'})`).join(', ')}:`];
  for (const offer of preview.offers) {
    lines.push(`  ${offer.operatorName}: ${offer.offerName} – ${ACTION_LABELS[offer.action]}`);
    for (const c of offer.changes) lines.push(`      ${c.field}: ${c.stored} → ${c.incoming}`);
  }
  for (const note of preview.notes) lines.push(`Bemærk: ${note}`);
  if (!applied) lines.push('', 'Intet er skrevet. Kør igen med --yes for at indlæse.');
  return lines.join('\n');
}

export async function runTariffImportCommand(argv: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      operator: { type: 'string' },
      year: { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
    '--help',
  );
  const [first, second, ...files] = positionals;
  const dataDir = resolveDataDir(env);
  const databaseFile = values.db ? resolve(values.db) : databaseFileIn(dataDir);
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json, null, 2) : text);

  if (first === 'tariffs' && second === 'template') {
    if (files.length > 0) throw new UsageError(`Uventet argument: ${files.join(' ')}. Se --help.`);
    if (!values.operator) throw new UsageError('tariffs template kræver --operator NAVN, fx --operator "Aalborg Kommune".');
    const wanted = year(values.year, true)!;
    if (!values.out) throw new UsageError('tariffs template kræver --out FIL.xlsx.');
    const target = resolve(values.out);
    if (!target.toLowerCase().endsWith('.xlsx')) throw new UsageError(`${values.out}: skabelonen gemmes som .xlsx.`);
    if (existsSync(target)) throw new UsageError(`${target} findes allerede; vælg et andet filnavn.`);
    if (!existsSync(databaseFile)) throw new UsageError(`Databasen ${databaseFile} findes ikke.`);
    const backend = await openBackend({ databaseFile, backupDir: backupDirIn(values.db ? resolve(databaseFile, '..') : dataDir), appVersion: appVersion() });
    try {
      const made = await writeTariffTemplateFile(backend, values.operator, wanted, target);
      print({ file: target, operator: values.operator, year: wanted, ...made }, `Skabelonen for ${values.operator} ${wanted} er gemt i ${target}: ${formatInteger(made.offers)} tilbud.`);
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    } finally {
      await backend.close();
    }
    return 0;
  }

  const kind: TariffImportKind = first === 'tariffs' ? 'sheets' : 'results';
  if (files.length === 0) throw new UsageError(`${first} import kræver mindst én udfyldt skabelon, fx ${first} import Aalborg.xlsx.`);
  const missing = files.filter((f) => !existsSync(resolve(f)));
  if (missing.length > 0) throw new UsageError(`Filen findes ikke: ${missing.join(', ')}.`);
  if (!existsSync(databaseFile)) throw new UsageError(`Databasen ${databaseFile} findes ikke.`);
  const wanted = year(values.year, false);
  const importFiles = files.map((f) => ({ path: resolve(f), fileName: basename(f) }));
  const backend = await openBackend({ databaseFile, backupDir: backupDirIn(values.db ? resolve(databaseFile, '..') : dataDir), appVersion: appVersion() });
  try {
    const preview = await previewTariffFiles(backend, importFiles, kind, wanted);
    if (preview.problems.length > 0) {
      if (values.json) io.out(JSON.stringify({ preview, imported: false }, null, 2));
      throw new UsageError(`Intet er indlæst. Ret filerne, og prøv igen:\n${preview.problems.map((p) => `  ${p}`).join('\n')}`);
    }
    if (!values.yes) {
      print({ preview, imported: false }, previewText(preview, false));
      return 0;
    }
    const report = await importTariffFiles(backend, importFiles, kind, wanted);
    const written = `${formatInteger(report.written)} ${kind === 'sheets' ? 'takstskema' : 'resultat'}${report.written === 1 ? '' : 'er'} indlæst, ${formatInteger(report.unchanged)} uændret${report.backup ? ` (sikkerhedskopi: ${report.backup})` : ''}.`;
    print({ preview, imported: true, report }, `${previewText(preview, true)}\n${written}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  } finally {
    await backend.close();
  }
}
