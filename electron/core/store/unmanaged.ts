/**
 * The unmanaged EC2 instances of a snapshot (issue 30), filtered and paged, with the causes
 * shared/ec2Coverage.ts derives from their stored facts and their scope's Default Host Management
 * Configuration: causes are never stored, so a better derivation reads old snapshots anew.
 *
 * Account, region and state filter in SQL, over the table's primary key (snapshot, account,
 * region, instance id), which is also the list's order: no sort. The search and the causes are
 * matched in JavaScript, as `byCause` needs every row's causes anyway and SQLite's `lower()`
 * folds ASCII only. Rows are read with `all()`, which took half the time of `iterate()` for
 * 12,000 instances; a page over them answers in 50–75 ms on the shared 2-core machine under load
 * (README.md, Figures), with no index but the primary key.
 */
import type { Database } from 'better-sqlite3';
import {
  causesOf,
  UNMANAGED_CAUSES,
  type HostManagement,
  type PlacedUnmanagedInstance,
  type UnmanagedCause,
  type UnmanagedFilters,
  type UnmanagedPage,
  type UnmanagedRow,
} from '../../../shared/ec2Coverage';
import { coverageOf, toUnmanaged } from './fromRows';
import type { Row } from './rows';

export interface UnmanagedQuery {
  filters?: UnmanagedFilters | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** Rows of one page, as many as a node page (queries.ts MAX_PAGE) and the contract's list limit. */
const MAX_PAGE = 10_000;
const DEFAULT_PAGE = 100;

const areaKey = (accountId: string, region: string): string => `${accountId}\u0000${region}`;

/** Every unmanaged instance of the snapshot, in the list's order (account, region, instance id). */
export function loadUnmanaged(db: Database, snapshotId: number): PlacedUnmanagedInstance[] {
  return db
    .prepare<[number], Row<'unmanaged_instance'>>(
      'SELECT * FROM unmanaged_instance WHERE snapshot_id = ? ORDER BY account_id, region, instance_id',
    )
    .all(snapshotId)
    .map(toUnmanaged);
}

interface ScopesRead {
  read: number;
  notRead: number;
  hostManagement: Map<string, HostManagement>;
}

/** The snapshot's regional scopes, read or not, and each read one's host management (an account-level scope has no instances to read). */
function scopesOf(db: Database, snapshotId: number): ScopesRead {
  const rows = db
    .prepare<[number], Pick<Row<'scope'>, 'account_id' | 'region' | 'coverage'>>(
      'SELECT account_id, region, coverage FROM scope WHERE snapshot_id = ? AND region IS NOT NULL',
    )
    .all(snapshotId);
  const out: ScopesRead = { read: 0, notRead: 0, hostManagement: new Map() };
  for (const r of rows) {
    const coverage = coverageOf(r.coverage);
    if (!coverage) {
      out.notRead += 1;
      continue;
    }
    out.read += 1;
    out.hostManagement.set(areaKey(r.account_id, r.region!), coverage.hostManagement);
  }
  return out;
}

/** The SQL part of the filters (account, region, state): a seek in the primary key, in its order (queryPlan.test.ts). */
export function unmanagedWhere(snapshotId: number, f: UnmanagedFilters): { sql: string; params: Array<string | number> } {
  const clauses = ['snapshot_id = ?'];
  const params: Array<string | number> = [snapshotId];
  const anyOf = (column: string, values: readonly string[] | undefined): void => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('account_id', f.accountIds);
  anyOf('region', f.regions);
  anyOf('state', f.states);
  return { sql: clauses.join(' AND '), params };
}

const SEARCHED = ['instanceId', 'name', 'platform', 'vpcId', 'subnetId'] as const;

function matchesSearch(instance: PlacedUnmanagedInstance, needle: string): boolean {
  return SEARCHED.some((field) => instance[field]?.toLowerCase().includes(needle) === true);
}

export function unmanagedInstances(db: Database, snapshotId: number, query: UnmanagedQuery = {}): UnmanagedPage {
  const filters = query.filters ?? {};
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_PAGE), 0), MAX_PAGE);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  const scopes = scopesOf(db, snapshotId);
  const where = unmanagedWhere(snapshotId, filters);
  const needle = filters.search?.trim().toLowerCase() ?? '';
  const wanted = filters.causes?.length ? new Set<UnmanagedCause>(filters.causes) : undefined;
  const byCause = Object.fromEntries(UNMANAGED_CAUSES.map((c) => [c, 0])) as Record<UnmanagedCause, number>;
  const rows: UnmanagedRow[] = [];
  let total = 0;
  const records = db
    .prepare<Array<string | number>, Row<'unmanaged_instance'>>(
      `SELECT * FROM unmanaged_instance WHERE ${where.sql} ORDER BY account_id, region, instance_id`,
    )
    .all(...where.params);
  for (const record of records) {
    const instance = toUnmanaged(record);
    if (needle && !matchesSearch(instance, needle)) continue;
    // A scope that was not read cannot say whether its host management is on.
    const hostManagement = scopes.hostManagement.get(areaKey(instance.accountId, instance.region)) ?? 'unknown';
    const { causes, unchecked } = causesOf(instance, hostManagement);
    for (const cause of causes) byCause[cause] += 1;
    if (wanted && !causes.some((c) => wanted.has(c))) continue;
    if (total >= offset && rows.length < limit) rows.push({ ...instance, hostManagement, causes, unchecked });
    total += 1;
  }
  return { total, rows, byCause, scopesRead: scopes.read, scopesNotRead: scopes.notRead };
}
