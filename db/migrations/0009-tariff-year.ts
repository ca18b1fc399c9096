import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT`;

/**
 * The tariff year (shared/domain/tariff-year.ts): the register of offers, their yearly tariff sheets, the realised
 * results that feed the 5 % rule, and the Styringsaftale parameters as stored rule sets. Money is integer øre.
 */
const statements = [
  // A Styringsaftale's parameters for an agreement year (shared/logic/tariff/rule-set.ts#RuleSet as JSON). Approved
  // sets are locked; a new year starts as a copy of the last one.
  `CREATE TABLE rule_sets (${record},
    region TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    source TEXT NOT NULL DEFAULT '',
    params TEXT NOT NULL CHECK (json_valid(params)),
    approved_at TEXT,
    UNIQUE (region, year)
  ) STRICT`,

  // The register of offers (tilbudsregister). The category lives in offer_categories (it has a history).
  `CREATE TABLE offers (${record},
    name TEXT NOT NULL CHECK (length(name) >= 1),
    operator_id TEXT NOT NULL REFERENCES organisations (id),
    address TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL,
    target_group TEXT NOT NULL DEFAULT '',
    offer_kind TEXT NOT NULL DEFAULT 'normal' CHECK (offer_kind IN ('normal', 'short-stay')),
    tariff_unit TEXT NOT NULL DEFAULT 'døgn',
    portal_number TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closing', 'closed')),
    first_year INTEGER,
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE INDEX offers_operator ON offers (operator_id)`,

  // Category 1/2/3 from a year on, changed only at the annual ind-/udmelding with a reason and the approving decision.
  `CREATE TABLE offer_categories (${record},
    offer_id TEXT NOT NULL REFERENCES offers (id),
    from_year INTEGER NOT NULL,
    category INTEGER NOT NULL CHECK (category IN (1, 2, 3)),
    reason TEXT NOT NULL DEFAULT '',
    decision_item_id TEXT REFERENCES agenda_items (id),
    decided_by TEXT NOT NULL DEFAULT '',
    UNIQUE (offer_id, from_year)
  ) STRICT`,

  // A tariff sheet (takstberegningsskema) of an offer for a year; version 2, 3 … are in-year changes approved by FU.
  // content is TariffSheetContent JSON; approved (and amended) versions are locked.
  `CREATE TABLE tariff_sheets (${record},
    offer_id TEXT NOT NULL REFERENCES offers (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'amended')),
    rule_set_id TEXT NOT NULL REFERENCES rule_sets (id),
    content TEXT NOT NULL CHECK (json_valid(content)),
    approved_item_id TEXT REFERENCES agenda_items (id),
    approved_at TEXT,
    UNIQUE (offer_id, year, version)
  ) STRICT`,
  `CREATE INDEX tariff_sheets_year ON tariff_sheets (year, offer_id)`,

  // A year's realised result of an offer: R = revenue − costs, the basis G, activity and capacity (place-years).
  // set_aside is the part of a surplus the operator set aside (NULL: the maximum the rule allows).
  `CREATE TABLE offer_results (${record},
    offer_id TEXT NOT NULL REFERENCES offers (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    basis INTEGER NOT NULL CHECK (basis >= 0),
    result INTEGER NOT NULL,
    set_aside INTEGER CHECK (set_aside IS NULL OR set_aside >= 0),
    activity REAL CHECK (activity IS NULL OR activity >= 0),
    capacity REAL CHECK (capacity IS NULL OR capacity >= 0),
    rule_set_id TEXT NOT NULL REFERENCES rule_sets (id),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (offer_id, year)
  ) STRICT`,

  // The use of a set-aside surplus (within the operator's offers, by the end of Y + 5).
  `CREATE TABLE set_aside_uses (${record},
    result_id TEXT NOT NULL REFERENCES offer_results (id),
    year INTEGER NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    used_on_offer_id TEXT REFERENCES offers (id),
    purpose TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE INDEX set_aside_uses_result ON set_aside_uses (result_id)`,

  // The takstbilag of a year put on an agenda; the decision recorded on that item approves (locks) the year's sheets.
  `CREATE TABLE tariff_annexes (${record},
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    UNIQUE (year, item_id)
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
