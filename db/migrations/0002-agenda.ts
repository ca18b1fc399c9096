import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT`;
const flag = (name: string, initial: 0 | 1) => `${name} INTEGER NOT NULL DEFAULT ${initial} CHECK (${name} IN (0, 1))`;

const statements = [
  // Per-body agenda template (standing items) and the sections the body does not use, as JSON arrays.
  `ALTER TABLE bodies ADD COLUMN agenda_template TEXT NOT NULL DEFAULT '[]'`,
  `ALTER TABLE bodies ADD COLUMN hidden_sections TEXT NOT NULL DEFAULT '[]'`,

  `CREATE TABLE body_members (${record},
    body_id TEXT NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
  ) STRICT`,
  `CREATE INDEX body_members_body ON body_members (body_id, position)`,

  `CREATE TABLE body_relations (${record},
    from_body_id TEXT NOT NULL REFERENCES bodies (id),
    to_body_id TEXT NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL CHECK (kind IN ('forbereder', 'raadgiver', 'refererer_til')),
    CHECK (from_body_id <> to_body_id)
  ) STRICT`,

  `CREATE TABLE meeting_attendance (${record},
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    ${flag('present', 1)}
  ) STRICT`,
  `CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id)`,

  `CREATE TABLE agenda_items (${record},
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('beslutning', 'droeftelse', 'orientering')),
    standing TEXT CHECK (standing IN ('godkendelse_dagsorden', 'godkendelse_referat', 'fu_orienterer', 'eventuelt', 'naeste_moede')),
    ${flag('closed', 0)},
    ${flag('closed_title_visible', 1)},
    case_number TEXT NOT NULL DEFAULT '',
    case_officer TEXT NOT NULL DEFAULT '',
    resume TEXT NOT NULL DEFAULT '',
    case_text TEXT NOT NULL DEFAULT '',
    economy TEXT NOT NULL DEFAULT '',
    consultation TEXT NOT NULL DEFAULT '',
    approves_meeting_id TEXT REFERENCES meetings (id),
    postponed_from_item_id TEXT REFERENCES agenda_items (id)
  ) STRICT`,
  `CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position)`,

  `CREATE TABLE recommendations (${record},
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX recommendations_item ON recommendations (item_id, position)`,

  `CREATE TABLE item_guests (${record},
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    ${flag('attended', 0)}
  ) STRICT`,
  `CREATE INDEX item_guests_item ON item_guests (item_id)`,

  `CREATE TABLE decisions (${record},
    item_id TEXT NOT NULL UNIQUE REFERENCES agenda_items (id),
    text TEXT NOT NULL DEFAULT '',
    outcome TEXT CHECK (outcome IN ('godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'taget_til_efterretning', 'droeftet', 'udsat'))
  ) STRICT`,

  `CREATE TABLE recommendation_outcomes (${record},
    decision_id TEXT NOT NULL REFERENCES decisions (id),
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'taget_til_efterretning', 'droeftet', 'udsat')),
    UNIQUE (decision_id, recommendation_id)
  ) STRICT`,

  `CREATE TABLE reservations (${record},
    decision_id TEXT NOT NULL REFERENCES decisions (id),
    organisation_id TEXT REFERENCES organisations (id),
    party TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE INDEX reservations_decision ON reservations (decision_id)`,

  `CREATE TABLE follow_ups (${record},
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    body_id TEXT NOT NULL REFERENCES bodies (id),
    action TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    due_meeting_id TEXT REFERENCES meetings (id),
    status TEXT NOT NULL DEFAULT 'aaben' CHECK (status IN ('aaben', 'afsluttet', 'annulleret')),
    treated_in_item_id TEXT REFERENCES agenda_items (id)
  ) STRICT`,
  `CREATE INDEX follow_ups_open ON follow_ups (body_id, status)`,

  // Files are stored once by content (SHA-256) in the data folder; rows here describe them.
  `CREATE TABLE files (
    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    text TEXT,
    text_status TEXT NOT NULL CHECK (text_status IN ('afventer', 'udtrukket', 'ingen_tekst', 'fejl')),
    created_at TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE attachments (${record},
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT REFERENCES files (sha256),
    ${flag('closed', 0)},
    version INTEGER NOT NULL DEFAULT 1,
    replaces_id TEXT REFERENCES attachments (id)
  ) STRICT`,
  `CREATE INDEX attachments_item ON attachments (item_id, position)`,

  // Approved minutes are locked; a correction opens them again as a new version, keeping the approved one.
  `CREATE TABLE minutes_versions (${record},
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL,
    reason TEXT NOT NULL,
    approved_snapshot TEXT NOT NULL,
    UNIQUE (meeting_id, version)
  ) STRICT`,

  // Who changed what, when: one row per change, never edited.
  `CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    meeting_id TEXT,
    item_id TEXT,
    action TEXT NOT NULL CHECK (action IN ('oprettet', 'aendret', 'slettet', 'gendannet')),
    changes TEXT NOT NULL DEFAULT '{}'
  ) STRICT`,
  `CREATE INDEX history_item ON history (item_id, id)`,
  `CREATE INDEX history_meeting ON history (meeting_id, id)`,

  // Search: the original text for display and snippets, and an FTS5 index over its Danish-folded form
  // (see shared/format/fold.ts): unicode61 folds case, our folding makes "aa" find "å" and "oe" find "ø".
  `CREATE TABLE search_documents (
    rowid INTEGER PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('item', 'decision', 'attachment')),
    entity_id TEXT NOT NULL UNIQUE,
    meeting_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    -- Copies of the meeting's body and date, so filters apply while ranking without joining items and meetings.
    body_id TEXT NOT NULL,
    meeting_date TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX search_documents_meeting ON search_documents (meeting_id)`,
  `CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
