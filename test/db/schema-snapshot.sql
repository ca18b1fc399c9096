CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

CREATE INDEX approval_steps_item ON approval_steps (item_id);

CREATE INDEX approval_steps_proposal ON approval_steps (proposal_id, position);

CREATE INDEX attachments_item ON attachments (item_id, position);

CREATE UNIQUE INDEX bodies_code ON bodies (code) WHERE deleted_at IS NULL;

CREATE INDEX body_members_body ON body_members (body_id, position);

CREATE INDEX consultation_responses_version ON consultation_responses (version_id);

CREATE INDEX follow_ups_open ON follow_ups (body_id, status);

CREATE INDEX history_item ON history (item_id, id);

CREATE INDEX history_meeting ON history (meeting_id, id);

CREATE INDEX item_guests_item ON item_guests (item_id);

CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id);

CREATE INDEX meetings_body_date ON meetings (body_id, date);

CREATE INDEX meetings_date ON meetings (date);

CREATE INDEX offers_operator ON offers (operator_id);

CREATE UNIQUE INDEX organisations_name ON organisations (name) WHERE deleted_at IS NULL;

CREATE INDEX recommendations_item ON recommendations (item_id, position);

CREATE INDEX reservations_decision ON reservations (decision_id);

CREATE INDEX scenarios_base ON scenarios (base_id);

CREATE INDEX search_documents_meeting ON search_documents (meeting_id);

CREATE INDEX set_aside_uses_result ON set_aside_uses (result_id);

CREATE INDEX tariff_sheets_year ON tariff_sheets (year, offer_id);

CREATE TABLE agenda_items (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('beslutning', 'droeftelse', 'orientering')),
    standing TEXT CHECK (standing IN ('godkendelse_dagsorden', 'godkendelse_referat', 'fu_orienterer', 'eventuelt', 'naeste_moede')),
    closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    closed_title_visible INTEGER NOT NULL DEFAULT 1 CHECK (closed_title_visible IN (0, 1)),
    case_number TEXT NOT NULL DEFAULT '',
    case_officer TEXT NOT NULL DEFAULT '',
    resume TEXT NOT NULL DEFAULT '',
    case_text TEXT NOT NULL DEFAULT '',
    economy TEXT NOT NULL DEFAULT '',
    consultation TEXT NOT NULL DEFAULT '',
    approves_meeting_id TEXT REFERENCES meetings (id),
    postponed_from_item_id TEXT REFERENCES agenda_items (id)
  ) STRICT;

CREATE TABLE approval_steps (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    position INTEGER NOT NULL CHECK (position > 0),
    body_id TEXT NOT NULL REFERENCES bodies (id),
    planned_date TEXT,
    version_number INTEGER CHECK (version_number IS NULL OR version_number > 0),
    item_id TEXT REFERENCES agenda_items (id),
    manual_outcome TEXT,
    note TEXT NOT NULL DEFAULT '',
    CHECK (item_id IS NULL OR manual_outcome IS NULL)
  ) STRICT;

CREATE TABLE attachments (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT REFERENCES files (sha256),
    closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    replaces_id TEXT REFERENCES attachments (id)
  ) STRICT;

CREATE TABLE bodies (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
  , agenda_template TEXT NOT NULL DEFAULT '[]', hidden_sections TEXT NOT NULL DEFAULT '[]', attachment_numbering TEXT NOT NULL DEFAULT 'meeting' CHECK (attachment_numbering IN ('meeting', 'item')), paper_layout TEXT NOT NULL DEFAULT 'A' CHECK (paper_layout IN ('A', 'C')), item_break TEXT NOT NULL DEFAULT 'page' CHECK (item_break IN ('page', 'continuous'))) STRICT;

CREATE TABLE body_members (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    body_id TEXT NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
  ) STRICT;

CREATE TABLE body_relations (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    from_body_id TEXT NOT NULL REFERENCES bodies (id),
    to_body_id TEXT NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL CHECK (kind IN ('forbereder', 'raadgiver', 'refererer_til')),
    CHECK (from_body_id <> to_body_id)
  ) STRICT;

CREATE TABLE consultation_responses (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    version_id TEXT NOT NULL REFERENCES proposal_versions (id),
    organisation_id TEXT REFERENCES organisations (id),
    respondent TEXT NOT NULL CHECK (length(respondent) >= 1),
    received_on TEXT,
    stance TEXT NOT NULL,
    text TEXT NOT NULL,
    item_id TEXT REFERENCES agenda_items (id)
  ) STRICT;

CREATE TABLE decisions (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    item_id TEXT NOT NULL UNIQUE REFERENCES agenda_items (id),
    text TEXT NOT NULL DEFAULT '',
    outcome TEXT CHECK (outcome IN ('godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'taget_til_efterretning', 'droeftet', 'udsat'))
  ) STRICT;

CREATE TABLE exchange_bases (
    source_installation TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
    exchanged_at TEXT NOT NULL, content TEXT, source_created_at TEXT,
    PRIMARY KEY (source_installation, entity, record_id)
  ) STRICT;

CREATE TABLE exchange_imports (
    export_id TEXT PRIMARY KEY NOT NULL,
    source_installation TEXT NOT NULL,
    imported_at TEXT NOT NULL
  ) STRICT;

CREATE TABLE files (
    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    text TEXT,
    text_status TEXT NOT NULL CHECK (text_status IN ('afventer', 'udtrukket', 'ingen_tekst', 'fejl')),
    created_at TEXT NOT NULL
  ) STRICT;

CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    body_id TEXT NOT NULL REFERENCES bodies (id),
    action TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    due_meeting_id TEXT REFERENCES meetings (id),
    status TEXT NOT NULL DEFAULT 'aaben' CHECK (status IN ('aaben', 'afsluttet', 'annulleret')),
    treated_in_item_id TEXT REFERENCES agenda_items (id)
  ) STRICT;

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    meeting_id TEXT,
    item_id TEXT,
    action TEXT NOT NULL CHECK (action IN ('oprettet', 'aendret', 'slettet', 'gendannet')),
    changes TEXT NOT NULL DEFAULT '{}'
  ) STRICT;

CREATE TABLE item_guests (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1))
  ) STRICT;

CREATE TABLE meeting_attendance (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1))
  ) STRICT;

CREATE TABLE meetings (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    body_id TEXT NOT NULL REFERENCES bodies (id),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    start_time TEXT,
    end_time TEXT,
    location TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('planlagt', 'dagsorden_udsendt', 'afholdt', 'referat_udsendt', 'referat_godkendt')),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT;

CREATE TABLE minutes_versions (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL,
    reason TEXT NOT NULL,
    approved_snapshot TEXT NOT NULL,
    UNIQUE (meeting_id, version)
  ) STRICT;

CREATE TABLE offer_categories (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    offer_id TEXT NOT NULL REFERENCES offers (id),
    from_year INTEGER NOT NULL,
    category INTEGER NOT NULL CHECK (category IN (1, 2, 3)),
    reason TEXT NOT NULL DEFAULT '',
    decision_item_id TEXT REFERENCES agenda_items (id),
    decided_by TEXT NOT NULL DEFAULT '',
    UNIQUE (offer_id, from_year)
  ) STRICT;

CREATE TABLE offer_results (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
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
  ) STRICT;

CREATE TABLE offers (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
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
  ) STRICT;

CREATE TABLE organisations (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kommune', 'region')),
    sort_order INTEGER NOT NULL DEFAULT 0
  ) STRICT;

CREATE TABLE population_figures (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]K[1-4]'),
    age_group TEXT NOT NULL CHECK (age_group IN ('i_alt', '0-17')),
    count INTEGER NOT NULL CHECK (count >= 0),
    UNIQUE (organisation_id, quarter, age_group)
  ) STRICT;

CREATE TABLE proposal_versions (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    number INTEGER NOT NULL CHECK (number > 0),
    content TEXT NOT NULL CHECK (json_valid(content)),
    scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
    chosen_scenario_id TEXT REFERENCES scenarios (id),
    consultation TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(consultation)),
    locked_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (proposal_id, number)
  ) STRICT;

CREATE TABLE proposals (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 30),
    title TEXT NOT NULL CHECK (length(title) >= 1),
    established_on TEXT
  ) STRICT;

CREATE TABLE recommendation_outcomes (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    decision_id TEXT NOT NULL REFERENCES decisions (id),
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'taget_til_efterretning', 'droeftet', 'udsat')),
    UNIQUE (decision_id, recommendation_id)
  ) STRICT;

CREATE TABLE recommendations (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
  ) STRICT;

CREATE TABLE reservations (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    decision_id TEXT NOT NULL REFERENCES decisions (id),
    organisation_id TEXT REFERENCES organisations (id),
    party TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT ''
  ) STRICT;

CREATE TABLE rule_sets (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    region TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    source TEXT NOT NULL DEFAULT '',
    params TEXT NOT NULL CHECK (json_valid(params)),
    approved_at TEXT,
    UNIQUE (region, year)
  ) STRICT;

CREATE TABLE scenario_versions (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    scenario_id TEXT NOT NULL REFERENCES scenarios (id),
    number INTEGER NOT NULL CHECK (number > 0),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    input TEXT NOT NULL CHECK (json_valid(input)),
    note TEXT NOT NULL DEFAULT '',
    frozen_by TEXT NOT NULL DEFAULT '',
    UNIQUE (scenario_id, number)
  ) STRICT;

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    name TEXT NOT NULL,
    base_id TEXT REFERENCES scenarios (id),
    input TEXT CHECK (input IS NULL OR json_valid(input)),
    overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(overrides)),
    CHECK ((base_id IS NULL) = (input IS NOT NULL)),
    CHECK (base_id IS NOT NULL OR overrides = '{}'),
    CHECK (base_id IS NULL OR base_id <> id)
  ) STRICT;

CREATE TABLE schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL) STRICT;

CREATE TABLE search_documents (
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
  ) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE 'search_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'search_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'search_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE set_aside_uses (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    result_id TEXT NOT NULL REFERENCES offer_results (id),
    year INTEGER NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    used_on_offer_id TEXT REFERENCES offers (id),
    purpose TEXT NOT NULL DEFAULT ''
  ) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

CREATE TABLE tariff_annexes (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    item_id TEXT NOT NULL REFERENCES agenda_items (id),
    UNIQUE (year, item_id)
  ) STRICT;

CREATE TABLE tariff_sheets (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    offer_id TEXT NOT NULL REFERENCES offers (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'amended')),
    rule_set_id TEXT NOT NULL REFERENCES rule_sets (id),
    content TEXT NOT NULL CHECK (json_valid(content)),
    approved_item_id TEXT REFERENCES agenda_items (id),
    approved_at TEXT,
    UNIQUE (offer_id, year, version)
  ) STRICT;
