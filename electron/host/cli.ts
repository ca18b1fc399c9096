/**
 * The command line of the headless host: `npm run -s cli -- <command> [--db FILE] [--json]`.
 * Exit codes: 0 success, 2 bad input (message on stderr), 1 unexpected failure.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError, backupDirIn, databaseFileIn, DatabaseOpenError, openBackend, resolveDataDir, type Backend } from '../backend/backend';
import { saveExport } from '../backend/command-line';
import type { AgendaItem, SearchHit } from '../../shared/domain/agenda';
import { OUTCOME_LABELS } from '../../shared/domain/agenda';
import { DOCUMENT_KIND_LABELS, type DocumentExport, type DocumentKind } from '../../shared/domain/documents';
import type { MethodOutput } from '../../shared/contract';
import { MEETING_STATUS_LABELS, type Meeting } from '../../shared/domain/meeting';
import { formatInteger, formatLongDate, formatNumericDate, formatTimeSpan } from '../../shared/format';
import { runCalc, runScenario } from './calc';
import { chromiumPrinter } from './chromium-printer';
import { runExport, runImport } from './exchange-cli';
import { runOfferCommand } from './offer-cli';
import { runProposalCommand } from './proposal-cli';
import { runTariffCommand } from './tariff-cli';
import { isTariffImportCommand, runTariffImportCommand } from './tariff-import-cli';
import { runTakstbilag } from './takstbilag-cli';
import { startHttpHost } from './http-host';
import { appVersion, RENDERER_DIR } from './paths';
import { terminalSafe } from './terminal-text';
import { parseCommandLine, UsageError } from './usage';

const HELP = `Sekretariat – kommandolinje

Brug: npm run -s cli -- <kommando> [tilvalg]

Kommandoer:
  serve              Start browsertilstand på 127.0.0.1 og udskriv adressen med adgangsnøgle
  migrate            Opret databasen eller opdater den til nyeste skema (med sikkerhedskopi først)
  backup             Tag en sikkerhedskopi i datamappens sikkerhedskopimappe (backups)
  backup --out FIL   Gem en sikkerhedskopi i én fil (databasen og alle bilagsfiler), fx til en
                     anden bærbar
  restore FIL        Gendan databasen og bilagsfilerne fra en sikkerhedskopi: et navn i
                     sikkerhedskopimappen eller en sti til en fil (også en fra backup --out).
                     Den nuværende tilstand gemmes først som en sikkerhedskopi, så
                     gendannelsen kan fortrydes
  demo               Indlæs demodata (organer, kommuner, DAS-møderne i 2021 og PSU-møderne i 2024)
  meetings list      Vis møderne, nyeste først
  meeting show ID    Vis et mødes dagsorden med beslutninger
  search "SØGNING"   Søg i punkter, beslutninger og bilag
  document --meeting ID --kind agenda|minutes|pack --edition public|internal
           [--format pdf|docx] --out FIL
                     Dagsorden, referat eller bilagssamling som PDF eller Word (offentlig udgave
                     kontrolleres for tekst fra lukkede punkter; formatet følger ellers FILs endelse)
  register --out FIL [--format xlsx|csv] [--what decisions|followUps] [--year ÅR] [--body KODE]
                     Beslutningsregistret (alle rækker for filteret) eller opfølgningerne som
                     regneark eller CSV (semikolon, UTF-8); formatet følger ellers FILs endelse
  calc <regel> ...   Takstreglerne: distribute, daily-tariff, ata, result, payback (se calc --help)
  scenario compute --in FIL.json
                     Et takstscenarie beregnet i sin helhed (opstart, underskud, fordeling, kontroller)
  export --scope all|meeting:ID|scenarios:ID,ID|decisions --out FIL.sekretariat
                     Gem en udvekslingspakke (hele databasen, ét møde, udvalgte scenarier
                     eller beslutningsregistret) til en anden bærbar
  proposal list      Vis forslagene til nye tilbud med status
  proposal show ID [--version N]
                     Vis et forslag (id eller betegnelse, fx NT-1): indhold, scenarier,
                     kontroller, godkendelsesvej og høringssvar; standard er nyeste version
  proposal diff ID --from N --to M
                     Sammenlign to versioner af et forslag: de ændrede rækker
  offers list [--operator NAVN] [--legal-basis NØGLE] [--category N]
                     Tilbudsregistret: tilbuddene med driftsherre, lovgrundlag, kategori (i år)
                     og status, filtreret efter driftsherre, lovgrundlag (fx SEL-108) og kategori
  offers show ID     Vis et tilbud (id eller navn): oplysninger, pladser og kategorihistorik
  takstbilag --year ÅR --out FIL.pdf|FIL.xlsx
                     Takstbilaget for et år: alle tilbuds takster efter driftsherre og lovgrundlag
                     med sidste års takst, ændringen og kontrollens bemærkninger
  import FIL [--dry-run] [--on-conflict mine|theirs|both] [--allow-open-closed]
                     Indlæs en udvekslingspakke: nye, ændrede og slettede poster flettes ind i én
                     transaktion efter en sikkerhedskopi; konflikter (ændret begge steder) løses
                     som angivet (standard mine: behold databasens). --dry-run viser kun, hvad der
                     ville ske (nyt, ændret, uændret, konflikter); databasen ændres ikke.
                     En pakke, der gør lukkede punkter åbne (eller viser deres titel offentligt),
                     afvises, medmindre --allow-open-closed er givet
  tariffs sheet --offer ID --year ÅR
                     Et tilbuds takstskema for et år: budget, resultater der forfalder,
                     takstgrundlag, beregnet takst (og takstniveauer) og kontroller
  ledger --offer ID  Et tilbuds 5 %-regnskab år for år: resultat, afholdt, hensat (og hvornår
                     hensættelsen udløber), og hvad der forfalder i taksten to år efter.
                     --json giver beløb i kroner (tal med op til to decimaler)
  ledger --operator NAVN
                     En driftsherres 5 %-regnskab: tilbuddene summeret år for år og alle advarsler
  tariffs template --operator NAVN --year ÅR --out FIL.xlsx
                     Skabelonen til en driftsherres takstskemaer og takstniveauer for ÅR (årets
                     skema udfyldt, ellers sidste års) og resultaterne for ÅR-1
  tariffs import FIL.xlsx… [--year ÅR] [--yes]
                     Indlæs udfyldte skabeloner: alle filer kontrolleres, og forskellene mod det
                     gemte vises; først med --yes gemmes skemaerne som indsendt (efter en
                     sikkerhedskopi, i én transaktion)
  results import FIL.xlsx… [--year ÅR] [--yes]
                     Indlæs de realiserede resultater fra skabelonernes ark «Resultater»
                     (--year er regnskabsåret)

Tilvalg:
  --db FIL           Databasefil (standard: sekretariat.db i datamappen,
                     som SEKRETARIAT_DATA_DIR kan ændre)
  --json             Skriv resultatet som JSON
  --port N           (serve) fast port i stedet for en tilfældig ledig
  --help             Vis denne hjælp
`;


interface Io {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

export async function runCli(argv: string[], rawIo: Io = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Every message, whatever it quotes, passes the one filter for the terminal.
  const io: Io = { out: (t) => rawIo.out(terminalSafe(t)), err: (t) => rawIo.err(terminalSafe(t)) };
  try {
    return await run(argv, io, env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DatabaseOpenError) {
      io.err(`Fejl: ${error.message}`);
      return 2;
    }
    io.err(`Uventet fejl: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

async function run(argv: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  // The tariff rules need no database and take their own flags.
  if (argv[0] === 'calc') return runCalc(argv.slice(1), io);
  if (argv[0] === 'scenario') return runScenario(argv.slice(1), io);
  if (isTariffImportCommand(argv)) return runTariffImportCommand(argv, io, env);
  const { values, positionals } = parseCommandLine(
    argv,
    {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      port: { type: 'string' },
      meeting: { type: 'string' },
      kind: { type: 'string' },
      edition: { type: 'string' },
      format: { type: 'string' },
      what: { type: 'string' },
      year: { type: 'string' },
      body: { type: 'string' },
      scope: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'on-conflict': { type: 'string' },
      'allow-open-closed': { type: 'boolean', default: false },
      version: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      operator: { type: 'string' },
      'legal-basis': { type: 'string' },
      category: { type: 'string' },
      offer: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    '--help',
  );
  // Two-word commands ("meetings list", "meeting show ID") read as one.
  const [first, second, ...others] = positionals;
  const twoWord =
    (first === 'meetings' && second === 'list') ||
    (first === 'meeting' && second === 'show') ||
    (first === 'proposal' && ['list', 'show', 'diff'].includes(second ?? '')) ||
    (first === 'offers' && ['list', 'show'].includes(second ?? '')) ||
    (first === 'tariffs' && second === 'sheet');
  const command = twoWord ? `${first} ${second}` : first;
  const [argument, ...extra] = twoWord ? others : [second, ...others].filter((p) => p !== undefined);
  if (values.help || !command) {
    io.out(HELP);
    return values.help ? 0 : 2;
  }
  const takesArgument = ['meeting show', 'search', 'restore', 'import', 'proposal show', 'proposal diff', 'offers show'].includes(command);
  if (extra.length > 0 || (!takesArgument && argument !== undefined)) {
    throw new UsageError(`Uventet argument: ${[argument, ...extra].filter(Boolean).join(' ')}. Se --help.`);
  }
  if (command === 'import' && !argument) throw new UsageError('import kræver en pakke, fx import pakke.sekretariat --dry-run.');
  if (takesArgument && !argument) {
    throw new UsageError(
      command === 'search'
        ? 'search kræver en søgning, fx search "selvskade".'
        : command === 'restore'
          ? 'restore kræver en sikkerhedskopi: et navn i sikkerhedskopimappen (se backups i datamappen) eller en sti til en fil.'
          : command === 'offers show'
            ? 'offers show kræver et tilbuds id eller navn (se offers list).'
            : command.startsWith('proposal')
              ? `${command} kræver et forslags id eller betegnelse, fx ${command} NT-1 (se proposal list).`
              : 'meeting show kræver et mødes id (se meetings list).',
    );
  }

  const dataDir = resolveDataDir(env);
  const databaseFile = values.db ? resolve(values.db) : databaseFileIn(dataDir);
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json, null, 2) : text);
  const backendOptions = () => ({ databaseFile, backupDir: backupDirIn(values.db ? resolve(databaseFile, '..') : dataDir), appVersion: appVersion() });
  const open = () => openBackend(backendOptions());

  switch (command) {
    case 'migrate': {
      const backend = await open();
      const { from, to, backupFile } = backend.database.migration;
      await backend.close();
      print(
        { database: databaseFile, from, to, backupFile },
        from === to
          ? `Databasen ${databaseFile} er allerede på nyeste skemaversion (${to}).`
          : `Databasen ${databaseFile} er opdateret fra skemaversion ${from} til ${to}.${backupFile ? ` Sikkerhedskopi: ${backupFile}` : ''}`,
      );
      return 0;
    }
    case 'backup': {
      if (!existsSync(databaseFile)) throw new UsageError(`Databasen ${databaseFile} findes ikke.`);
      if (!values.out) {
        // Into the backup folder as a manual backup, rotated with the others.
        const backend = await open();
        try {
          const entry = await backend.backups.create('manual');
          const file = join(backend.backups.dir!, entry.fileName);
          print({ database: databaseFile, file, ...entry }, `Sikkerhedskopi gemt i ${file} (${new Intl.NumberFormat('da-DK').format(entry.bytes)} byte).`);
        } finally {
          await backend.close();
        }
        return 0;
      }
      const target = resolve(values.out);
      if (existsSync(target)) throw new UsageError(`${target} findes allerede; vælg et andet filnavn.`);
      // One file with the database and every attachment file it refers to, to carry to another laptop.
      const backend = await open();
      try {
        const made = await backend.backups.writeArchive(target);
        const lines = [
          `Sikkerhedskopi gemt i ${target} (${formatInteger(made.bytes)} byte): databasen og ${formatInteger(made.files.count)} bilagsfil${made.files.count === 1 ? '' : 'er'} (${formatInteger(made.files.bytes)} byte).`,
        ];
        if (made.missing.length > 0) lines.push(`Advarsel: ${formatInteger(made.missing.length)} bilagsfil${made.missing.length === 1 ? '' : 'er'} manglede i datamappen og er ikke med.`);
        print({ database: databaseFile, ...made }, lines.join('\n'));
      } catch (error) {
        if (error instanceof AppError) throw new UsageError(error.message);
        throw error;
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'restore': {
      // On a new laptop there is no database yet: it is created, then replaced by the backup.
      const backend = await open();
      try {
        // A plain name of a backup in the backup folder, else a path to a file.
        const inFolder = basename(argument!) === argument && existsSync(join(backend.backups.dir!, argument!));
        const path = resolve(argument!);
        if (!inFolder && !existsSync(path)) throw new UsageError(`Sikkerhedskopien ${argument} findes hverken i sikkerhedskopimappen (${backend.backups.dir}) eller som fil.`);
        const result = await backend.backups.restore(inFolder ? { fileName: argument! } : { path });
        const lines = [`Databasen ${databaseFile} er gendannet fra ${result.restoredFrom}.`, `Den tidligere tilstand er gemt som sikkerhedskopien ${result.safetyBackup}.`];
        if (result.filesRestored > 0) lines.push(`${formatInteger(result.filesRestored)} bilagsfil${result.filesRestored === 1 ? '' : 'er'} er lagt tilbage i datamappen.`);
        if (result.missingFiles.length > 0) {
          lines.push(`${formatInteger(result.missingFiles.length)} bilagsfil${result.missingFiles.length === 1 ? '' : 'er'} mangler (sikkerhedskopien indeholder dem ikke):`);
          for (const file of result.missingFiles) lines.push(`  ${file.names.length ? file.names.join(', ') : '(ikke brugt af noget bilag)'} (${file.sha256.slice(0, 12)}…)`);
        }
        print({ database: databaseFile, ...result }, lines.join('\n'));
      } catch (error) {
        if (error instanceof AppError) throw new UsageError(error.message);
        throw error;
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'demo': {
      const backend = await open();
      const result = await backend.call('demo.load', {});
      await backend.close();
      if (!result.ok) throw new UsageError(result.error.message);
      const added = result.data as MethodOutput<'demo.load'>;
      print(added, `Demodata indlæst: ${added.meetings} møder med ${added.items} punkter, ${added.bodies} organer, ${added.organisations} kommuner/regioner, ${added.scenarios} takstscenarier og ${added.proposals} forslag til nye tilbud tilføjet.`);
      return 0;
    }
    case 'serve': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Ugyldig port: ${values.port}.`);
      // Checked before the database is opened: an open backend (its text extraction) would keep the process alive.
      const uiDir = env.SEKRETARIAT_UI_DIR || RENDERER_DIR;
      if (!existsSync(join(uiDir, 'index.html'))) throw new UsageError('Brugerfladen er ikke bygget. Kør «npm run build» først (npm start gør det selv).');
      const backend = await openBackend({ ...backendOptions(), printer: chromiumPrinter(env) });
      try {
        const host = await startHttpHost({ backend, staticDir: uiDir, port }).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`Port ${port} er optaget af et andet program. Vælg en anden med --port, eller udelad --port.`);
          throw error;
        });
        print({ url: host.url, origin: host.origin, token: host.token, database: databaseFile }, `Sekretariat kører i browsertilstand: ${host.url}\nDatabase: ${databaseFile}\nStop med Ctrl+C.`);
        await waitForSignal();
        await host.close();
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'meetings list': {
      const backend = await open();
      const meetings = (await callOrFail(backend, 'meetings.list', {})) as Meeting[];
      await backend.close();
      print(meetings, meetings.map((m) => `${m.id}  ${formatNumericDate(m.date)}  ${m.bodyCode.padEnd(5)} ${MEETING_STATUS_LABELS[m.status].padEnd(18)} ${m.location}`).join('\n') || 'Ingen møder.');
      return 0;
    }
    case 'meeting show': {
      const backend = await open();
      const meeting = (await callOrFail(backend, 'meetings.get', { id: argument })) as Meeting;
      const summaries = (await callOrFail(backend, 'agenda.list', { meetingId: meeting.id })) as { id: string }[];
      const items: AgendaItem[] = [];
      for (const s of summaries) items.push((await callOrFail(backend, 'agenda.get', { id: s.id })) as AgendaItem);
      await backend.close();
      const lines = [`${meeting.bodyName} – ${formatLongDate(meeting.date)} ${formatTimeSpan(meeting.startTime, meeting.endTime)}`.trim(), meeting.location, ''];
      for (const item of items) {
        lines.push(`Punkt ${item.number}. ${item.title}${item.closed ? ' (lukket)' : ''}`);
        for (const r of item.recommendations) lines.push(`  Indstilling: ${r.text}`);
        if (item.decision) lines.push(`  Beslutning${item.decision.outcome ? ` (${OUTCOME_LABELS[item.decision.outcome]})` : ''}: ${plainText(item.decision.text)}`);
      }
      print({ meeting, items }, lines.join('\n'));
      return 0;
    }
    case 'search': {
      const backend = await open();
      const { hits } = (await callOrFail(backend, 'search.query', { query: argument, limit: 20 })) as { hits: SearchHit[] };
      await backend.close();
      const marked = (s: string) => s.replaceAll('\u0002', '«').replaceAll('\u0003', '»');
      print(hits, hits.map((h) => `${h.bodyCode} ${formatNumericDate(h.meetingDate)} punkt ${h.itemNumber}. ${h.itemTitle}\n  ${marked(h.snippet)}`).join('\n') || `Ingen resultater for «${argument}».`);
      return 0;
    }
    case 'document': {
      if (!values.meeting) throw new UsageError('document kræver --meeting ID (se meetings list).');
      const format = values.format ?? (values.out?.toLowerCase().endsWith('.docx') ? 'docx' : 'pdf');
      if (!values.out) throw new UsageError(`document kræver --out FIL.${format}.`);
      const backend = await openBackend({ ...backendOptions(), printer: chromiumPrinter(env) });
      try {
        const request = { meetingId: values.meeting, kind: values.kind ?? 'agenda', edition: values.edition ?? 'internal', format };
        const made = (await callOrFail(backend, 'documents.export', request)) as DocumentExport;
        const target = resolve(values.out);
        if (!(await saveExport(backend, made.exportId, made.fileName, target))) throw new Error('Den færdige fil forsvandt, før den kunne kopieres.');
        const what = `${DOCUMENT_KIND_LABELS[request.kind as DocumentKind]} (${request.edition === 'public' ? 'offentlig' : 'intern'} udgave)`;
        const size = made.pages === null ? `${new Intl.NumberFormat('da-DK').format(made.bytes)} byte` : `${made.pages} sider`;
        print({ ...made, file: target }, [`${what} gemt i ${target}: ${size}.`, ...made.warnings.map((w) => `Advarsel: ${w}`)].join('\n'));
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'register': {
      const format = values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
      if (!values.out) throw new UsageError(`register kræver --out FIL.${format === 'csv' ? 'csv' : 'xlsx'}.`);
      if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`Ukendt format: ${format}. Brug xlsx eller csv.`);
      const what = values.what ?? 'decisions';
      if (what !== 'decisions' && what !== 'followUps') throw new UsageError(`Ukendt --what: ${what}. Brug decisions eller followUps.`);
      if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`Ugyldigt år: ${values.year}. Skriv fx --year 2021.`);
      const backend = await open();
      try {
        const filter: { year?: number; bodyId?: string } = values.year ? { year: Number(values.year) } : {};
        if (values.body) {
          const bodies = (await callOrFail(backend, 'bodies.list', {})) as { id: string; code: string }[];
          const body = bodies.find((b) => b.code.toLowerCase() === values.body!.toLowerCase());
          if (!body) throw new UsageError(`Ukendt organ: ${values.body}. Organerne er ${bodies.map((b) => b.code).join(', ')}.`);
          filter.bodyId = body.id;
        }
        const made = (await callOrFail(backend, 'decisions.export', { what, format, filter })) as DocumentExport;
        const target = resolve(values.out);
        if (!(await saveExport(backend, made.exportId, made.fileName, target))) throw new Error('Den færdige fil forsvandt, før den kunne kopieres.');
        const rows = await registerRows(target, format);
        const label = what === 'decisions' ? 'Beslutningsregistret' : 'Opfølgningerne';
        print({ ...made, file: target, rows }, `${label} gemt i ${target}: ${rows === 1 ? '1 række' : `${new Intl.NumberFormat('da-DK').format(rows)} rækker`}.`);
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'proposal list':
    case 'proposal show':
    case 'proposal diff': {
      const backend = await open();
      try {
        const verb = command.split(' ')[1] as 'list' | 'show' | 'diff';
        await runProposalCommand({ verb, id: argument, version: values.version, from: values.from, to: values.to }, backend, print);
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'offers list':
    case 'offers show': {
      const backend = await open();
      try {
        const verb = command.split(' ')[1] as 'list' | 'show';
        await runOfferCommand({ verb, id: argument, operator: values.operator, legalBasis: values['legal-basis'], category: values.category }, backend, print);
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'tariffs sheet':
    case 'ledger': {
      const backend = await open();
      try {
        await runTariffCommand({ verb: command === 'ledger' ? 'ledger' : 'sheet', offer: values.offer, operator: command === 'ledger' ? values.operator : undefined, year: values.year }, backend, print);
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'takstbilag': {
      const backend = await openBackend({ ...backendOptions(), printer: chromiumPrinter(env) });
      try {
        await runTakstbilag({ year: values.year, out: values.out }, backend, print);
      } finally {
        await backend.close();
      }
      return 0;
    }
    case 'export':
      return runExport({ scope: values.scope, out: values.out, json: values.json }, backendOptions(), io);
    case 'import':
      return runImport({ file: argument, dryRun: values['dry-run'], json: values.json, databaseFile, onConflict: values['on-conflict'], allowOpenClosed: values['allow-open-closed'] }, backendOptions(), io);
    default:
      throw new UsageError(`Ukendt kommando: ${command}. Se --help.`);
  }
}

/** A contract call from the command line: a refusal becomes bad input (exit 2) with the backend's Danish message. */
async function callOrFail(backend: Backend, method: string, input: unknown): Promise<unknown> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new UsageError(result.error.message);
  return result.data;
}

/** The data rows of a written register file, counted from the file itself (the header row not counted). */
async function registerRows(file: string, format: 'xlsx' | 'csv'): Promise<number> {
  if (format === 'xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    return (book.worksheets[0]?.rowCount ?? 1) - 1;
  }
  // CRLF ends a row; a line break inside quotes is part of a field.
  let rows = 0;
  let quoted = false;
  for (const c of await readFile(file, 'utf8')) {
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) rows++;
  }
  return rows - 1;
}

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

const waitForSignal = () =>
  new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
