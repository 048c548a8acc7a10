/**
 * Each table's row, declared once (issue 29): its columns as `SELECT *` returns them, in schema
 * order, with their types. The schema is `migrations.ts`; `rows.test.ts` holds the two equal.
 * Reads pick their columns from these types, writes fill them (`rowInserter`), and the
 * contract's shapes are mapped from them in one place (`fromRows.ts`).
 */
import type { Database, RunResult } from 'better-sqlite3';
import type { EndpointRoute, InstanceState, RolePolicy } from '../../../shared/ec2Coverage';
import type { NormalizedPlatform, RuleId, ScopeResult, SnapshotStatus } from '../../../shared/model';

/** A column of type T: only its name exists at run time (the test and the inserts read the names). */
const column = <T>(): T => undefined as T;

export const TABLES = {
  snapshot: {
    id: column<number>(),
    started_at: column<string>(),
    finished_at: column<string>(),
    saved_at: column<string>(),
    status: column<SnapshotStatus>(),
    catalog_edition: column<string>(),
    scan_age_days: column<number>(),
    tool_version: column<string>(),
    label: column<string | null>(),
    client: column<string | null>(),
    engagement: column<string | null>(),
    derived_from: column<number | null>(),
    node_count: column<number>(),
    imported_from: column<string | null>(),
    imported_at: column<string | null>(),
  },
  scope: {
    snapshot_id: column<number>(),
    account_id: column<string>(),
    /** Null: an account never reached under `regions: 'all'` (schema v8). */
    region: column<string | null>(),
    status: column<ScopeResult['status']>(),
    error: column<string | null>(),
    nodes: column<number>(),
    calls: column<number>(),
    throttles: column<number>(),
    /** JSON lists and objects, parsed where they are read. */
    gaps: column<string>(),
    error_code: column<string | null>(),
    error_params: column<string | null>(),
    patching: column<string | null>(),
    gap_errors: column<string | null>(),
    /** JSON `ScopeCoverage` (issue 30); null when the scope's EC2 instances were not read. */
    coverage: column<string | null>(),
  },
  fact_part: {
    id: column<number>(),
    /** The first 16 bytes of the SHA-256 of the part's JSON. */
    hash: column<Buffer>(),
    data: column<Buffer>(),
  },
  snapshot_part: {
    snapshot_id: column<number>(),
    part_id: column<number>(),
  },
  node: {
    snapshot_id: column<number>(),
    seq: column<number>(),
    account_id: column<string>(),
    region: column<string>(),
    instance_id: column<string>(),
    name: column<string | null>(),
    ip_address: column<string | null>(),
    ping_status: column<string | null>(),
    agent_version: column<string | null>(),
    platform_type: column<NormalizedPlatform['type'] | null>(),
    platform_family: column<string | null>(),
    platform_version: column<string | null>(),
    /** One character per rule, in `RULE_IDS` order (codec.ts). */
    statuses: column<string>(),
    missing_critical: column<number | null>(),
    missing_security: column<number | null>(),
    network_part: column<number | null>(),
    inventory_part: column<number | null>(),
  },
  node_detail: {
    snapshot_id: column<number>(),
    first_seq: column<number>(),
    data: column<Buffer>(),
  },
  rule_summary: {
    snapshot_id: column<number>(),
    account_id: column<string>(),
    region: column<string>(),
    rule: column<RuleId>(),
    pass: column<number>(),
    fail: column<number>(),
    warn: column<number>(),
    unknown: column<number>(),
    not_applicable: column<number>(),
  },
  area_summary: {
    snapshot_id: column<number>(),
    account_id: column<string>(),
    region: column<string>(),
    nodes: column<number>(),
    online: column<number>(),
    compliant: column<number>(),
    non_compliant: column<number>(),
    missing_critical: column<number>(),
    missing_security: column<number>(),
    ready: column<number>(),
    patch_detail_read: column<number>(),
    unverified: column<number>(),
    patch_reported: column<number>(),
    nodes_missing_critical: column<number>(),
    nodes_missing_security: column<number>(),
    nodes_pending_reboot: column<number>(),
    /** Null when the area's EC2 instances were not read (schema v11). */
    ec2_instances: column<number | null>(),
    unmanaged: column<number | null>(),
    scanned_recently: column<number>(),
  },
  unmanaged_instance: {
    snapshot_id: column<number>(),
    account_id: column<string>(),
    region: column<string>(),
    instance_id: column<string>(),
    name: column<string | null>(),
    state: column<InstanceState>(),
    platform: column<string | null>(),
    vpc_id: column<string | null>(),
    subnet_id: column<string | null>(),
    launched_at: column<string | null>(),
    instance_profile_arn: column<string | null>(),
    route: column<EndpointRoute>(),
    role_policy: column<RolePolicy>(),
  },
  open_cve: {
    snapshot_id: column<number>(),
    account_id: column<string>(),
    region: column<string>(),
    cve: column<string>(),
    /** 1 when a Critical patch names the CVE. */
    critical: column<number>(),
  },
};

/** Each table's row. */
export type Rows = typeof TABLES;

export type Table = keyof Rows;
export type Row<T extends Table> = Rows[T];
export type Column<T extends Table> = keyof Rows[T] & string;

/**
 * A prepared INSERT into `table` of `columns`, or of all its columns: it takes a row and binds
 * those columns, in that order.
 */
export function rowInserter<T extends Table>(db: Database, table: T): (row: Row<T>) => RunResult;
export function rowInserter<T extends Table, C extends Column<T>>(
  db: Database,
  table: T,
  columns: readonly C[],
): (row: Pick<Row<T>, C>) => RunResult;
export function rowInserter<T extends Table>(
  db: Database,
  table: T,
  columns: readonly Column<T>[] = Object.keys(TABLES[table]) as Column<T>[],
): (row: Row<T>) => RunResult {
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (row) => insert.run(...columns.map((c) => row[c]));
}
