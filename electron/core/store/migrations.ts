/**
 * The schema, as an ordered list of migrations tracked by `PRAGMA user_version` (docs/design.md §6).
 * Each runs in its own transaction with the version bump, so a failed upgrade leaves the
 * previous version intact. Migrations are frozen once released: their SQL is deliberately not
 * shared with the code that writes today's rows, because a later change there must not change
 * what an old migration does.
 */
import type { Database } from 'better-sqlite3';
import { storableText } from '../../../shared/userText';
import { DatabaseError } from './databaseErrors';

export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

export class SchemaTooNewError extends DatabaseError {
  override name = 'SchemaTooNewError';
  constructor(message: string) {
    super(message, 'too_new');
  }
}

const V1_SCHEMA = `
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('complete', 'partial')),
  catalog_edition TEXT NOT NULL,
  scan_age_days REAL NOT NULL,
  tool_version TEXT NOT NULL,
  label TEXT,
  client TEXT,
  engagement TEXT,
  -- No foreign key: a derived snapshot keeps naming its source after that one is deleted.
  derived_from INTEGER,
  node_count INTEGER NOT NULL
);
CREATE INDEX snapshot_started ON snapshot(started_at);

CREATE TABLE scope (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'cancelled')),
  error TEXT,
  nodes INTEGER NOT NULL,
  calls INTEGER NOT NULL,
  throttles INTEGER NOT NULL,
  gaps TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, account_id, region)
) WITHOUT ROWID;

-- Content-addressed facts (network, inventory) shared by nodes and snapshots.
CREATE TABLE fact_part (
  id INTEGER PRIMARY KEY,
  hash BLOB NOT NULL UNIQUE,
  data BLOB NOT NULL
);
-- Which parts a snapshot uses: deleting a snapshot cascades here, and unreferenced parts are
-- collected from this small table instead of scanning every node.
CREATE TABLE snapshot_part (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  part_id INTEGER NOT NULL REFERENCES fact_part(id),
  PRIMARY KEY (snapshot_id, part_id)
) WITHOUT ROWID;
CREATE INDEX snapshot_part_part ON snapshot_part(part_id);

-- Narrow rows for lists, filters and sorts; node.network_part / inventory_part point into
-- fact_part without a foreign key (snapshot_part guarantees the reference), because a foreign
-- key would make every part deletion scan this table.
CREATE TABLE node (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  name TEXT,
  ip_address TEXT,
  ping_status TEXT,
  agent_version TEXT,
  platform_type TEXT,
  platform_family TEXT,
  platform_version TEXT,
  statuses TEXT NOT NULL,
  missing_critical INTEGER,
  missing_security INTEGER,
  network_part INTEGER,
  inventory_part INTEGER,
  PRIMARY KEY (snapshot_id, seq)
) WITHOUT ROWID;
-- Node history across snapshots and node detail look-ups.
CREATE INDEX node_instance ON node(instance_id);

-- The packed remainder of the facts and the checks, read only for node detail, re-evaluation
-- and export, kept apart so list scans stay narrow. One row packs the nodes first_seq.. of a
-- snapshot together, so deflate learns from neighbouring, similar nodes.
CREATE TABLE node_detail (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  first_seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (snapshot_id, first_seq)
) WITHOUT ROWID;
`;

const V2_SUMMARIES = `
CREATE TABLE rule_summary (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  rule TEXT NOT NULL,
  pass INTEGER NOT NULL,
  fail INTEGER NOT NULL,
  warn INTEGER NOT NULL,
  unknown INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, account_id, region, rule)
) WITHOUT ROWID;

CREATE TABLE area_summary (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  nodes INTEGER NOT NULL,
  online INTEGER NOT NULL,
  compliant INTEGER NOT NULL,
  non_compliant INTEGER NOT NULL,
  missing_critical INTEGER NOT NULL,
  missing_security INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, account_id, region)
) WITHOUT ROWID;

WITH r(pos, rule) AS (VALUES
  (1, 'agent.version'), (2, 'agent.windows2008'), (3, 'os.supported'), (4, 'os.greengrass'),
  (5, 'python.version'), (6, 'network.patch-source'), (7, 'network.s3'), (8, 'node.online'),
  (9, 'patch.scanned'), (10, 'patch.scan-age'), (11, 'patch.compliant'), (12, 'patch.pending-reboot'))
INSERT INTO rule_summary
SELECT n.snapshot_id, n.account_id, n.region, r.rule,
  sum(substr(n.statuses, r.pos, 1) = '3'), sum(substr(n.statuses, r.pos, 1) = '0'),
  sum(substr(n.statuses, r.pos, 1) = '1'), sum(substr(n.statuses, r.pos, 1) = '2'),
  sum(substr(n.statuses, r.pos, 1) = '4')
FROM node n CROSS JOIN r
GROUP BY n.snapshot_id, n.account_id, n.region, r.rule;

INSERT INTO area_summary
SELECT snapshot_id, account_id, region, count(*),
  sum(substr(statuses, 8, 1) = '3'), sum(substr(statuses, 11, 1) = '3'),
  sum(substr(statuses, 11, 1) IN ('0', '1')),
  coalesce(sum(missing_critical), 0), coalesce(sum(missing_security), 0)
FROM node
GROUP BY snapshot_id, account_id, region;
`;

/** JSON columns; null for scopes saved before v3 (their English `error` text is still there). */
const V3_SCOPE_DETAILS = `
ALTER TABLE scope ADD COLUMN error_code TEXT;
ALTER TABLE scope ADD COLUMN error_params TEXT;
ALTER TABLE scope ADD COLUMN patching TEXT;
`;

/** JSON: why each gap's source could not be read; null for scopes saved before v4. */
const V4_GAP_ERRORS = `
ALTER TABLE scope ADD COLUMN gap_errors TEXT;
`;

/**
 * Ready nodes per area: none of the prerequisite checks (positions 1–7: agent.version to
 * network.s3) is a fail ('0'). Spelled out rather than taken from PREREQUISITE_RULE_IDS, which
 * may change after this migration was released; a test holds the two equal as of today.
 */
const V5_READY_NODES = `
ALTER TABLE area_summary ADD COLUMN ready INTEGER NOT NULL DEFAULT 0;

UPDATE area_summary SET ready = r.ready
FROM (
  SELECT snapshot_id, account_id, region,
    sum(substr(statuses, 1, 1) <> '0' AND substr(statuses, 2, 1) <> '0' AND substr(statuses, 3, 1) <> '0'
      AND substr(statuses, 4, 1) <> '0' AND substr(statuses, 5, 1) <> '0' AND substr(statuses, 6, 1) <> '0'
      AND substr(statuses, 7, 1) <> '0') AS ready
  FROM node
  GROUP BY snapshot_id, account_id, region
) r
WHERE area_summary.snapshot_id = r.snapshot_id AND area_summary.account_id = r.account_id AND area_summary.region = r.region;
`;

/**
 * Issue 19: the open CVE ids of each area (distinct, so trends can count them over any grouping)
 * and how many of its nodes had their patch detail read. Snapshots saved before have no patch
 * detail: 0 nodes read, so their CVE figures are unknown, never 0.
 */
const V6_OPEN_CVES = `
CREATE TABLE open_cve (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  cve TEXT NOT NULL,
  critical INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, account_id, region, cve)
) WITHOUT ROWID;
ALTER TABLE area_summary ADD COLUMN patch_detail_read INTEGER NOT NULL DEFAULT 0;
`;

/**
 * Issue 27: what the headline figures (shared/figures.ts) need of each area, so a 50,000-node
 * snapshot's figures are read from a few rows. `ready` becomes verified ready (every prerequisite,
 * positions 1–7, passes '3', warns '1' or does not apply '4'); `unverified` is none failed '0' and
 * not all verified; `patch_reported` is patch.scanned (9) passed; `compliant` follows AWS's rule.
 *
 * What the backfill approximates: node rows keep statuses, not the patch counts, so AWS's rule
 * is read as patch.compliant (11) passed under its old rule (Missing + Failed = 0) and
 * patch.pending-reboot (12) not warned (InstalledPendingRebootCount = 0); InstalledRejectedCount
 * is in the packed detail only, so a node compliant but for installed-rejected patches stays
 * compliant here. The node rows' own patch.compliant keeps its old verdict until the snapshot is
 * re-evaluated, which writes exact rows.
 */
const V7_HEADLINE_FIGURES = `
ALTER TABLE area_summary ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE area_summary ADD COLUMN patch_reported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE area_summary ADD COLUMN nodes_missing_critical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE area_summary ADD COLUMN nodes_missing_security INTEGER NOT NULL DEFAULT 0;
ALTER TABLE area_summary ADD COLUMN nodes_pending_reboot INTEGER NOT NULL DEFAULT 0;

UPDATE area_summary SET ready = f.ready, unverified = f.none_failed - f.ready, patch_reported = f.patch_reported,
  compliant = f.compliant, non_compliant = f.non_compliant, nodes_missing_critical = f.nodes_missing_critical,
  nodes_missing_security = f.nodes_missing_security, nodes_pending_reboot = f.nodes_pending_reboot
FROM (
  SELECT snapshot_id, account_id, region,
    sum(substr(statuses, 1, 1) IN ('1', '3', '4') AND substr(statuses, 2, 1) IN ('1', '3', '4')
      AND substr(statuses, 3, 1) IN ('1', '3', '4') AND substr(statuses, 4, 1) IN ('1', '3', '4')
      AND substr(statuses, 5, 1) IN ('1', '3', '4') AND substr(statuses, 6, 1) IN ('1', '3', '4')
      AND substr(statuses, 7, 1) IN ('1', '3', '4')) AS ready,
    sum(substr(statuses, 1, 1) <> '0' AND substr(statuses, 2, 1) <> '0' AND substr(statuses, 3, 1) <> '0'
      AND substr(statuses, 4, 1) <> '0' AND substr(statuses, 5, 1) <> '0' AND substr(statuses, 6, 1) <> '0'
      AND substr(statuses, 7, 1) <> '0') AS none_failed,
    sum(substr(statuses, 9, 1) = '3') AS patch_reported,
    sum(substr(statuses, 11, 1) = '3' AND substr(statuses, 12, 1) <> '1') AS compliant,
    sum(substr(statuses, 11, 1) IN ('0', '1') OR (substr(statuses, 11, 1) = '3' AND substr(statuses, 12, 1) = '1')) AS non_compliant,
    sum(coalesce(missing_critical, 0) > 0) AS nodes_missing_critical,
    sum(coalesce(missing_security, 0) > 0) AS nodes_missing_security,
    sum(substr(statuses, 12, 1) = '1') AS nodes_pending_reboot
  FROM node
  GROUP BY snapshot_id, account_id, region
) f
WHERE area_summary.snapshot_id = f.snapshot_id AND area_summary.account_id = f.account_id AND area_summary.region = f.region;
`;

/**
 * Issue 28: a scope's region may be null, an account-level failure (an account never reached
 * under `regions: 'all'`, whose regions are unknowable without it). SQLite cannot relax NOT NULL
 * in place, and a WITHOUT ROWID table's key cannot hold a null, so the table is rebuilt with a
 * rowid and a unique index that treats null as one value (a repeated split region is dropped). Runs before this version saved such
 * an account as one scope named by a placeholder, `all` or the listed regions joined by commas
 * (which its own import refused): those become what they were, null or one scope per region.
 */
const V8_ACCOUNT_LEVEL_SCOPES = `
CREATE TABLE scope_v8 (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  region TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'cancelled')),
  error TEXT,
  nodes INTEGER NOT NULL,
  calls INTEGER NOT NULL,
  throttles INTEGER NOT NULL,
  gaps TEXT NOT NULL,
  error_code TEXT,
  error_params TEXT,
  patching TEXT,
  gap_errors TEXT,
  CHECK (region IS NOT NULL OR (status <> 'ok' AND nodes = 0))
);
CREATE UNIQUE INDEX scope_key ON scope_v8(snapshot_id, account_id, ifnull(region, ''));
INSERT INTO scope_v8 (snapshot_id, account_id, region, status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors)
SELECT snapshot_id, account_id, CASE WHEN region = 'all' AND status <> 'ok' THEN NULL ELSE region END,
  status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors
FROM scope WHERE NOT (instr(region, ',') > 0 AND status <> 'ok');
WITH RECURSIVE split(snapshot_id, account_id, region, rest, status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors) AS (
  SELECT snapshot_id, account_id, NULL, region || ',', status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors
  FROM scope WHERE instr(region, ',') > 0 AND status <> 'ok'
  UNION ALL
  SELECT snapshot_id, account_id, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1),
    status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors
  FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO scope_v8 (snapshot_id, account_id, region, status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors)
SELECT snapshot_id, account_id, region, status, error, nodes, calls, throttles, gaps, error_code, error_params, patching, gap_errors
FROM split WHERE region IS NOT NULL AND region <> '';
DROP TABLE scope;
ALTER TABLE scope_v8 RENAME TO scope;
`;

/**
 * Issue 27: where an imported snapshot came from (the export file's name, never its folder, and
 * when it was imported), so every list can say so. Snapshots imported before are not known as
 * imported: their rows stay NULL.
 */
const V9_IMPORT_PROVENANCE = `
ALTER TABLE snapshot ADD COLUMN imported_from TEXT;
ALTER TABLE snapshot ADD COLUMN imported_at TEXT;
`;

/**
 * Issue 28: labels, client and engagement saved before the text rule (shared/userText.ts) may hold
 * zero-width joiners, bidi marks or U+FFFD ("Team 👩‍💻 week 4", "می‌خواهم"); the export wrote them and
 * the import refused the file, so such a backup never restored. Each is rewritten as the UI shows
 * it (⟨U+200D⟩), which the rule accepts. It calls today's `storableText` rather than a frozen copy
 * of it: what matters is that the stored text obeys the rule the import applies.
 */
function storedTextToRule(db: Database): void {
  const rows = db.prepare('SELECT id, label, client, engagement FROM snapshot').all() as {
    id: number;
    label: string | null;
    client: string | null;
    engagement: string | null;
  }[];
  const update = db.prepare('UPDATE snapshot SET label = ?, client = ?, engagement = ? WHERE id = ?');
  const fix = (text: string | null) => (text === null ? null : storableText(text));
  for (const row of rows) {
    const fixed = [fix(row.label), fix(row.client), fix(row.engagement)];
    if (fixed[0] !== row.label || fixed[1] !== row.client || fixed[2] !== row.engagement) update.run(...fixed, row.id);
  }
}

/**
 * Issue 30: the EC2 instances of a scope that are not managed nodes, with the facts their causes
 * are derived from (shared/ec2Coverage.ts derives the causes on read, so a better derivation
 * needs no migration); each scope's coverage (JSON `ScopeCoverage`, NULL when its instances were
 * not read); and per area the funnel's counts. `ec2_instances` and `unmanaged` are NULL for an
 * area whose instances were not read, which every snapshot before this version is.
 * `scanned_recently` (patch.scan-age passed, position 10) is backfilled from the statuses.
 */
const V11_EC2_COVERAGE = `
CREATE TABLE unmanaged_instance (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  name TEXT,
  state TEXT NOT NULL,
  platform TEXT,
  vpc_id TEXT,
  subnet_id TEXT,
  launched_at TEXT,
  instance_profile_arn TEXT,
  route TEXT NOT NULL,
  role_policy TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, account_id, region, instance_id)
) WITHOUT ROWID;
ALTER TABLE scope ADD COLUMN coverage TEXT;
ALTER TABLE area_summary ADD COLUMN ec2_instances INTEGER;
ALTER TABLE area_summary ADD COLUMN unmanaged INTEGER;
ALTER TABLE area_summary ADD COLUMN scanned_recently INTEGER NOT NULL DEFAULT 0;
UPDATE area_summary SET scanned_recently = f.n
FROM (
  SELECT snapshot_id, account_id, region, sum(substr(statuses, 10, 1) = '3') AS n
  FROM node
  GROUP BY snapshot_id, account_id, region
) f
WHERE area_summary.snapshot_id = f.snapshot_id AND area_summary.account_id = f.account_id AND area_summary.region = f.region;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'snapshots, scopes, nodes, packed details, content-addressed fact parts', up: (db) => db.exec(V1_SCHEMA) },
  {
    version: 2,
    description: 'per-area and per-rule summary rows for trends, backfilled from existing nodes',
    up: (db) => db.exec(V2_SUMMARIES),
  },
  {
    version: 3,
    description: 'scopes keep why they failed as a code with parameters, and how patching is set up there',
    up: (db) => db.exec(V3_SCOPE_DETAILS),
  },
  {
    version: 4,
    description: 'scopes keep the AWS error behind each data source they could not read',
    up: (db) => db.exec(V4_GAP_ERRORS),
  },
  {
    version: 5,
    description: 'per-area count of ready nodes (no failed prerequisite) for trends, backfilled from existing nodes',
    up: (db) => db.exec(V5_READY_NODES),
  },
  {
    version: 6,
    description: 'open CVE ids per area and the nodes whose patch detail was read, for trends',
    up: (db) => db.exec(V6_OPEN_CVES),
  },
  {
    version: 7,
    description: 'per-area verified-ready, not-verified, patch-reported, AWS-compliant, missing-critical and pending-reboot node counts',
    up: (db) => db.exec(V7_HEADLINE_FIGURES),
  },
  {
    version: 8,
    description: 'account-level scopes: an account never reached under all regions has region null, not a placeholder',
    up: (db) => db.exec(V8_ACCOUNT_LEVEL_SCOPES),
  },
  {
    version: 9,
    description: 'imported snapshots keep the name of the file they came from and when they were imported',
    up: (db) => db.exec(V9_IMPORT_PROVENANCE),
  },
  {
    version: 10,
    description: 'labels, client and engagement saved before the text rule are rewritten with hidden characters made visible',
    up: storedTextToRule,
  },
  {
    version: 11,
    description: 'EC2 instances that are not managed nodes, each scope’s EC2 coverage, and the coverage funnel per area',
    up: (db) => db.exec(V11_EC2_COVERAGE),
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to the last version of `migrations`; returns the version it started from. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new SchemaTooNewError(
      `This database was written by a newer Patch Auditor (schema v${from}; this version knows v${latest}). Update Patch Auditor to open it.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return from;
}
