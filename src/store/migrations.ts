// The schema, as an append-only list: migration N (1-based) takes a database from version N-1 to N.
// Never edit a released entry; add a new one. PRAGMA user_version holds the version a database is at.
// The SQL lives in TypeScript (not .sql files) so that the built binary carries it without a copy step.
import { V2_ITEM_EXPOSURE, V3_ITEM_COUNTS } from './item-exposure.ts';
import { V3_VALUE_KEY } from './value-key.ts';
import { V6_BASELINES } from './baselines.ts';

const V1_INITIAL = `
CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
  options TEXT NOT NULL DEFAULT '{}',
  ruleset_hash TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'complete', 'partial', 'interrupted', 'failed')),
  listed INTEGER NOT NULL DEFAULT 0,
  scanned INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  skipped TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE containers (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  product TEXT NOT NULL CHECK (product IN ('jira', 'confluence')),
  external_id TEXT NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  type TEXT,
  status TEXT,
  UNIQUE (site_id, product, key)
);

CREATE TABLE coverage (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  container_id INTEGER NOT NULL REFERENCES containers(id),
  listed INTEGER NOT NULL,
  scanned INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  skipped TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, container_id)
) WITHOUT ROWID;

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  container_id INTEGER NOT NULL REFERENCES containers(id),
  product TEXT NOT NULL CHECK (product IN ('jira', 'confluence')),
  external_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  created TEXT,
  updated TEXT,
  version INTEGER,
  status TEXT,
  content_hash TEXT NOT NULL,
  -- Incremented by every scan; findings remember the scan that last saw them, so a re-scan within the same run
  -- still resolves what vanished.
  scans INTEGER NOT NULL DEFAULT 0,
  last_scanned_run INTEGER REFERENCES runs(id),
  scanned_at TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, product, external_id)
);
CREATE INDEX items_container ON items (container_id);

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  -- The item's container, copied so that per-container aggregates over a million findings skip the items join
  -- (kept in step by the items_moved trigger). Run and container columns carry no foreign key: each check costs a
  -- lookup per upserted finding, and runs and containers are never deleted.
  container_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  field_id TEXT NOT NULL DEFAULT '',
  rule_id TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('secret', 'pii', 'phi')),
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  confidence REAL NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  preview TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  explanation TEXT NOT NULL,
  url TEXT NOT NULL,
  first_seen_run INTEGER NOT NULL,
  last_seen_run INTEGER NOT NULL,
  resolved_run INTEGER,
  item_scan INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'suppressed')),
  -- Hash of (field, field_id, rule_id, fingerprint): see identity.ts.
  identity INTEGER NOT NULL,
  UNIQUE (item_id, identity)
);

-- A Jira issue moved to another project takes its findings along, resolved ones included.
CREATE TRIGGER items_moved AFTER UPDATE OF container_id ON items WHEN old.container_id <> new.container_id
BEGIN
  UPDATE findings SET container_id = new.container_id WHERE item_id = new.id;
END;

CREATE TABLE suppressions (
  id INTEGER PRIMARY KEY,
  fingerprint TEXT,
  finding_id INTEGER REFERENCES findings(id),
  rule_id TEXT,
  container_id INTEGER REFERENCES containers(id),
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((fingerprint IS NOT NULL) + (finding_id IS NOT NULL) + (rule_id IS NOT NULL AND container_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX suppressions_fingerprint ON suppressions (fingerprint) WHERE fingerprint IS NOT NULL;
CREATE UNIQUE INDEX suppressions_finding ON suppressions (finding_id) WHERE finding_id IS NOT NULL;
CREATE UNIQUE INDEX suppressions_rule ON suppressions (rule_id, container_id) WHERE rule_id IS NOT NULL;

CREATE TABLE checkpoints (
  site_id INTEGER NOT NULL REFERENCES sites(id),
  product TEXT NOT NULL,
  container_key TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, product, container_key)
) WITHOUT ROWID;

-- One row per container per run, plus the site roll-up (container_id NULL).
CREATE TABLE scores (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  container_id INTEGER REFERENCES containers(id),
  score REAL NOT NULL,
  weighted REAL NOT NULL,
  open_findings INTEGER NOT NULL,
  distinct_values INTEGER NOT NULL,
  suppressed INTEGER NOT NULL,
  counts TEXT NOT NULL,
  items_with_findings INTEGER NOT NULL,
  items_scanned INTEGER NOT NULL,
  items_listed INTEGER,
  density REAL,
  coverage REAL
);
CREATE UNIQUE INDEX scores_run_container ON scores (run_id, IFNULL(container_id, 0));
CREATE INDEX scores_container ON scores (container_id, run_id);
`;

// Version 3: findings.value_key (see value-key.ts) and items.finding_counts (see item-exposure.ts), which let
// scores and diffs skip sorting a million fingerprints.
// Version 4: runs.site_gaps, what a run could not read of the site-wide listings (projects, spaces, the field
// catalogue, the comment listings), per product: {"jira": {"error": 1}}. They belong to no container.
const V4_SITE_GAPS = `ALTER TABLE runs ADD COLUMN site_gaps TEXT NOT NULL DEFAULT '{}';`;
// Version 5: the state of every place a run listed (places.ts), the people and field names cleanup teams need in
// the findings CSV, and per-category item counts of scores (why a place ranks where it does).
// - coverage.excluded: the place was listed but left out by the run's options (--exclude-project, --space...);
// - runs.places_recorded: 1 when the run's coverage rows name every place it listed (runs before version 5 did
//   not record places without changes, nor those left out);
// - items.reporter / assignee / last_editor: display names (Jira reporter and assignee, Confluence author and
//   author of the current version);
// - field_names: custom field names by id, masked where a name holds a finding, as the field catalogue gave them;
// - scores.items_by_category: {"secret": 3, ...}, live items holding an open finding of each category.
const V5_PLACES_AND_PEOPLE = `
ALTER TABLE coverage ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN places_recorded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN reporter TEXT;
ALTER TABLE items ADD COLUMN assignee TEXT;
ALTER TABLE items ADD COLUMN last_editor TEXT;
ALTER TABLE scores ADD COLUMN items_by_category TEXT NOT NULL DEFAULT '{}';
CREATE TABLE field_names (
  site_id INTEGER NOT NULL REFERENCES sites(id),
  product TEXT NOT NULL,
  field_id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (site_id, product, field_id)
) WITHOUT ROWID;
`;

// Version 7: who may see each place (containers.visibility: public, logged-in, restricted or unknown, from the
// project's permission scheme or the space's permissions) and when its permissions were last read, so that
// incremental runs read them again only when due (crawl/place-visibility.ts).
const V7_PLACE_VISIBILITY = `
ALTER TABLE containers ADD COLUMN visibility TEXT NOT NULL DEFAULT 'unknown'
  CHECK (visibility IN ('public', 'logged-in', 'restricted', 'unknown'));
ALTER TABLE containers ADD COLUMN visibility_read_at TEXT;
`;

// Version 8: findings.visibility, who can read the Jira comment or worklog holding a finding (public: a service
// desk reply the customer sees; internal: a service desk note or worklog; restricted: limited to a role or group);
// NULL where not marked. Stored findings stay NULL (weight unchanged) until their item is scanned again.
const V8_COMMENT_VISIBILITY = `
ALTER TABLE findings ADD COLUMN visibility TEXT CHECK (visibility IN ('public', 'internal', 'restricted'));
`;

// Version 9: attachment contents read (opt-in), by attachment id: the version whose content was read or refused,
// what became of it (read, or not scanned for its format or size: the report's attachment coverage), and the item
// it belongs to, so that an incremental run downloads a file again only when its id or version changes, and finds
// the files gone from an item. Findings of a content live in the item's findings (field attachment-content).
const V9_ATTACHMENT_SCANS = `
CREATE TABLE attachment_scans (
  site_id INTEGER NOT NULL REFERENCES sites(id),
  product TEXT NOT NULL,
  attachment_id TEXT NOT NULL,
  item_external_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('read', 'format', 'too-large')),
  run_id INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (site_id, product, attachment_id)
) WITHOUT ROWID;
CREATE INDEX attachment_scans_item ON attachment_scans (site_id, product, item_external_id);
`;

export const MIGRATIONS: readonly string[] = [
  V1_INITIAL,
  V2_ITEM_EXPOSURE,
  V3_VALUE_KEY + V3_ITEM_COUNTS,
  V4_SITE_GAPS,
  V5_PLACES_AND_PEOPLE,
  // Per-place baselines and each run's per-place read mode: see baselines.ts.
  V6_BASELINES,
  V7_PLACE_VISIBILITY,
  V8_COMMENT_VISIBILITY,
  V9_ATTACHMENT_SCANS,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
