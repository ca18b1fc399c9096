import type { Kysely } from 'kysely';
import { decisionRegisterAll, type RegisterConditions } from '../../../db/queries/decision-register';
import { bodyLabel } from '../../../db/queries/bodies';
import { listFollowUps } from '../../../db/queries/follow-ups';
import { meetingDates } from '../../../db/queries/meetings';
import { organisationName } from '../../../db/queries/organisations';
import type { DB } from '../../../db/schema';
import { FOLLOW_UP_STATUS_LABELS, ITEM_KIND_LABELS, OUTCOME_LABELS, type DecisionRegisterFilter } from '../../../shared/domain/agenda';
import type { DocumentExport } from '../../../shared/domain/documents';
import { todayIso } from '../../../shared/format';
import { organisationShortName } from '../../../shared/logic/parties';
import type { ExportStore } from '../documents/export-store';
import { cleanFileName } from '../files/file-name';
import { dateCell, type CellValue, type Table, type TableColumn } from '../spreadsheets/register-table';
import { richTextToPlain } from './rich-text';

export type RegisterWhat = 'decisions' | 'followUps';
export type SpreadsheetFormat = 'xlsx' | 'csv';



/** Rows converted between pauses, so a ten-year register never holds the main process for long. */
const CHUNK = 250;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The query's filters with the organisation's short name ("Læsø"), which the register also matches in reservations
 * typed as free text ("Læsø og Morsø kommuner").
 */
export async function registerConditions(db: Kysely<DB>, filter: DecisionRegisterFilter): Promise<RegisterConditions> {
  if (!filter.organisationId) return { ...filter };
  const name = await organisationName(db, filter.organisationId);
  return { ...filter, organisationShortName: name === undefined ? undefined : organisationShortName(name) };
}

const DECISION_COLUMNS: TableColumn[] = [
  { header: 'Mødedato', width: 12, kind: 'date' },
  { header: 'Organ', width: 10, kind: 'text' },
  { header: 'Punkt', width: 7, kind: 'number' },
  { header: 'Titel', width: 40, kind: 'long' },
  { header: 'Sagsnummer', width: 16, kind: 'text' },
  { header: 'Sagsbehandler', width: 18, kind: 'text' },
  { header: 'Art', width: 13, kind: 'text' },
  { header: 'Udfald', width: 22, kind: 'text' },
  // Printed one page wide in landscape: wider columns would shrink every letter on the page.
  { header: 'Beslutning', width: 64, kind: 'long' },
  { header: 'Forbehold', width: 28, kind: 'long' },
  { header: 'Lukket', width: 8, kind: 'text' },
];

const FOLLOW_UP_COLUMNS: TableColumn[] = [
  { header: 'Opgave', width: 60, kind: 'long' },
  { header: 'Ansvarlig', width: 22, kind: 'text' },
  { header: 'Frist', width: 12, kind: 'date' },
  { header: 'Til møde', width: 12, kind: 'date' },
  { header: 'Status', width: 11, kind: 'text' },
  { header: 'Organ', width: 10, kind: 'text' },
  { header: 'Mødedato', width: 12, kind: 'date' },
  { header: 'Punkt', width: 7, kind: 'number' },
  { header: 'Punktets titel', width: 45, kind: 'long' },
  { header: 'Oprettet', width: 12, kind: 'date' },
];

/** "Læsø Kommune: ønsker sagen genoptaget" per reservation, one a line. */
function reservationsText(json: string | null): string {
  const parsed = json ? (JSON.parse(json) as { party: string; text: string }[]) : [];
  return parsed.map((r) => (r.text ? `${r.party}: ${r.text}` : r.party)).join('\n');
}

/** What the filters chose, for the file name and the workbook's «Udtræk» sheet. */
async function describeFilter(db: Kysely<DB>, filter: DecisionRegisterFilter) {
  const body = filter.bodyId ? await bodyLabel(db, filter.bodyId) : undefined;
  const organisation = filter.organisationId ? await organisationName(db, filter.organisationId) : undefined;
  return {
    bodyCode: body?.code ?? null,
    lines: [
      ['Organ', body ? `${body.code} – ${body.name}` : filter.bodyId ? 'Ukendt organ' : 'Alle organer'],
      ['År', filter.year ? String(filter.year) : 'Alle år'],
      ['Punkttype', filter.kind ? ITEM_KIND_LABELS[filter.kind] : 'Alle punkttyper'],
      ['Udfald', filter.outcome ? OUTCOME_LABELS[filter.outcome] : 'Alle udfald'],
      ['Forbehold fra', organisation ?? (filter.organisationId ? 'Ukendt kommune' : 'Alle')],
    ] as [string, string][],
  };
}

/** The decision register (every row matching the filters) or the follow-ups as a table. */
export async function registerTable(db: Kysely<DB>, what: RegisterWhat, filter: DecisionRegisterFilter): Promise<{ table: Table; bodyCode: string | null }> {
  const conditions = await registerConditions(db, filter);
  const { bodyCode, lines } = await describeFilter(db, filter);
  const rows: CellValue[][] = [];
  if (what === 'decisions') {
    const found = await decisionRegisterAll(db, conditions);
    for (let i = 0; i < found.length; i++) {
      if (i > 0 && i % CHUNK === 0) await pause();
      const r = found[i]!;
      rows.push([
        dateCell(r.meetingDate),
        r.bodyCode,
        r.itemNumber,
        r.itemTitle,
        r.caseNumber,
        r.caseOfficer,
        ITEM_KIND_LABELS[r.kind],
        r.outcome ? OUTCOME_LABELS[r.outcome] : '',
        richTextToPlain(r.text),
        reservationsText(r.reservations),
        r.closed ? 'Ja' : 'Nej',
      ]);
    }
  } else {
    const found = await listFollowUps(db, conditions);
    const dueIds = [...new Set(found.map((f) => f.dueMeetingId).filter((id) => id !== null))];
    const dueDates = await meetingDates(db, dueIds);
    for (const f of found) {
      rows.push([
        f.action,
        f.owner,
        dateCell(f.dueDate),
        dateCell(f.dueMeetingId ? dueDates.get(f.dueMeetingId) : null),
        FOLLOW_UP_STATUS_LABELS[f.status],
        f.origin.bodyCode,
        dateCell(f.origin.meetingDate),
        f.origin.itemNumber,
        f.origin.itemTitle,
        dateCell(todayIso(new Date(f.createdAt))),
      ]);
    }
  }
  const decisions = what === 'decisions';
  return {
    bodyCode,
    table: {
      sheetName: decisions ? 'Beslutninger' : 'Opfølgninger',
      title: decisions ? 'Beslutningsregister' : 'Opfølgninger',
      subject: decisions ? 'Beslutninger fra møderne' : 'Opfølgninger aftalt på møderne',
      columns: decisions ? DECISION_COLUMNS : FOLLOW_UP_COLUMNS,
      rows,
      about: [
        ['Indhold', decisions ? 'Beslutningsregister' : 'Opfølgninger'],
        ...lines,
        ...(decisions ? [] : ([['Status', 'Alle (se kolonnen Status)']] as [string, string][])),
        ['Antal rækker', rows.length],
      ],
    },
  };
}

/** «Beslutningsregister DAS 2021.xlsx», «Opfølgninger.csv»: the filter's body and year where set. */
export function registerFileName(what: RegisterWhat, format: SpreadsheetFormat, filter: { bodyCode: string | null; year?: number }): string {
  const parts = [what === 'decisions' ? 'Beslutningsregister' : 'Opfølgninger', filter.bodyCode?.replace(/[\\/]/g, '-'), filter.year ? String(filter.year) : null];
  return cleanFileName(`${parts.filter(Boolean).join(' ')}.${format}`);
}

/** Makes the file and keeps it in the export store, under its final name only once it is complete. */
export async function exportRegister(
  db: Kysely<DB>,
  store: ExportStore,
  request: { what: RegisterWhat; format: SpreadsheetFormat; filter: DecisionRegisterFilter },
  now: Date,
): Promise<DocumentExport> {
  const { table, bodyCode } = await registerTable(db, request.what, request.filter);
  let bytes: Uint8Array;
  if (request.format === 'xlsx') {
    const { tableWorkbook } = await import('../spreadsheets/register-xlsx');
    bytes = await tableWorkbook(table, now);
  } else {
    const { tableCsv } = await import('../spreadsheets/register-csv');
    bytes = tableCsv(table);
  }
  const fileName = registerFileName(request.what, request.format, { bodyCode, year: request.filter.year });
  return store.saveFile(fileName, bytes);
}
