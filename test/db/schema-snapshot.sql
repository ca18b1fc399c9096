CREATE UNIQUE INDEX bodies_code ON bodies (code) WHERE deleted_at IS NULL;

CREATE INDEX meetings_body_date ON meetings (body_id, date);

CREATE INDEX meetings_date ON meetings (date);

CREATE UNIQUE INDEX organisations_name ON organisations (name) WHERE deleted_at IS NULL;

CREATE TABLE bodies (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
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

CREATE TABLE schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
