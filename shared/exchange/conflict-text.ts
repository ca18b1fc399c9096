/**
 * Fields in conflict as a person reads them (the import's per-field view and the command line): a Danish label, and
 * the value as text — rich text without its markup, yes/no for flags, «(tom)» for nothing.
 */
import { formatNumericDate } from '../format';
import { ENTITIES, type EntityName } from './records';

/** The labels of fields that many entities share by name; an entity's own labels go in its definition (records.ts). */
const LABELS: Readonly<Record<string, string>> = {
  deletedAt: 'Slettet',
  title: 'Titel',
  name: 'Navn',
  date: 'Dato',
  startTime: 'Starttidspunkt',
  endTime: 'Sluttidspunkt',
  location: 'Sted',
  note: 'Note',
  notes: 'Noter',
  status: 'Status',
  kind: 'Type',
  closed: 'Lukket punkt',
  closedTitleVisible: 'Titlen vises i den offentlige udgave',
  caseNumber: 'Sagsnummer',
  caseOfficer: 'Sagsbehandler',
  resume: 'Resumé',
  caseText: 'Sagsfremstilling',
  economy: 'Økonomi',
  consultation: 'Høring',
  text: 'Tekst',
  outcome: 'Udfald',
  position: 'Placering',
  meetingId: 'Møde',
  itemId: 'Punkt',
  bodyId: 'Organ',
  organisation: 'Organisation',
  organisationId: 'Organisation',
  party: 'Forbehold fra',
  action: 'Opfølgning',
  responsible: 'Ansvarlig',
  deadline: 'Frist',
  present: 'Til stede',
  attended: 'Deltog',
  input: 'Scenariets tal',
  overrides: 'Variantens ændringer',
  baseId: 'Grundscenarie',
  content: 'Indhold',
  code: 'Betegnelse',
  role: 'Rolle',
  respondent: 'Afsender',
  stance: 'Holdning',
  count: 'Antal',
};

/** A field's Danish label: its entity's own (records.ts `fieldLabels`) where given, else the common one. */
export const fieldLabel = (field: string, entity?: EntityName): string => (entity && ENTITIES[entity].fieldLabels[field]) || LABELS[field] || field;

export const isRichField = (entity: EntityName, field: string): boolean => ENTITIES[entity].richText.includes(field);

/** Rich text as plain text: blocks on their own lines, markup and entities gone. */
export function richToText(html: string): string {
  return html
    .replace(/<\s*(br|\/p|\/h[1-6]|\/li|\/tr|\/div)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One field's value as text. */
export function displayValue(entity: EntityName, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return field === 'deletedAt' ? 'Nej' : '(tom)';
  if (field === 'deletedAt' && typeof value === 'string') return `Ja (${formatNumericDate(value.slice(0, 10))})`;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'string') return isRichField(entity, field) ? richToText(value) : /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatNumericDate(value) : value;
  if (typeof value === 'number') return value.toLocaleString('da-DK');
  return JSON.stringify(value, null, 1);
}
