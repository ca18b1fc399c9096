import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Columns of every record that travels between laptops (architecture §3). */
interface RecordColumns {
  id: string;
  created_at: string;
  updated_at: string;
  revision: Generated<number>;
  /** Tombstone: set when deleted, so the deletion can be undone and exchanged. */
  deleted_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface OrganisationsTable extends RecordColumns {
  name: string;
  kind: 'kommune' | 'region';
  sort_order: number;
}

export interface PopulationFiguresTable extends RecordColumns {
  organisation_id: string;
  /** "2021K2" */
  quarter: string;
  age_group: 'i_alt' | '0-17';
  count: number;
}

export interface BodiesTable extends RecordColumns {
  code: string;
  name: string;
  description: string;
}

export interface MeetingsTable extends RecordColumns {
  body_id: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: string;
  status: string;
  note: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

export interface DB {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  population_figures: PopulationFiguresTable;
  bodies: BodiesTable;
  meetings: MeetingsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type MeetingRow = Selectable<MeetingsTable>;
export type NewMeetingRow = Insertable<MeetingsTable>;
export type MeetingRowUpdate = Updateable<MeetingsTable>;
export type BodyRow = Selectable<BodiesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
