import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT`;

const statements = [
  // Proposals for new social offers (shared/domain/proposal.ts). The status is not stored: it follows the decisions of
  // the items on the approval route (shared/logic/proposals/status.ts).
  `CREATE TABLE proposals (${record},
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 30),
    title TEXT NOT NULL CHECK (length(title) >= 1),
    established_on TEXT
  ) STRICT`,

  // Numbered versions (v1, v2 …). Content is the qualitative JSON (ProposalContent); the money lives in the linked
  // tariff scenarios (JSON array of {scenarioId, frozenNumber}). A version put on an agenda is locked.
  `CREATE TABLE proposal_versions (${record},
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    number INTEGER NOT NULL CHECK (number > 0),
    content TEXT NOT NULL CHECK (json_valid(content)),
    scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
    chosen_scenario_id TEXT REFERENCES scenarios (id),
    consultation TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(consultation)),
    locked_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (proposal_id, number)
  ) STRICT`,

  // The approval route: a body treating a version, linked to the agenda item where it is treated. The outcome comes
  // from the item's decision; manual_outcome is only for a body whose meetings are not kept here.
  `CREATE TABLE approval_steps (${record},
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    position INTEGER NOT NULL CHECK (position > 0),
    body_id TEXT NOT NULL REFERENCES bodies (id),
    planned_date TEXT,
    version_number INTEGER CHECK (version_number IS NULL OR version_number > 0),
    item_id TEXT REFERENCES agenda_items (id),
    manual_outcome TEXT,
    note TEXT NOT NULL DEFAULT '',
    CHECK (item_id IS NULL OR manual_outcome IS NULL)
  ) STRICT`,
  `CREATE INDEX approval_steps_proposal ON approval_steps (proposal_id, position)`,
  `CREATE INDEX approval_steps_item ON approval_steps (item_id)`,

  // Consultation responses (høringssvar) to a version, from a municipality or a network.
  `CREATE TABLE consultation_responses (${record},
    version_id TEXT NOT NULL REFERENCES proposal_versions (id),
    organisation_id TEXT REFERENCES organisations (id),
    respondent TEXT NOT NULL CHECK (length(respondent) >= 1),
    received_on TEXT,
    stance TEXT NOT NULL,
    text TEXT NOT NULL,
    item_id TEXT REFERENCES agenda_items (id)
  ) STRICT`,
  `CREATE INDEX consultation_responses_version ON consultation_responses (version_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
