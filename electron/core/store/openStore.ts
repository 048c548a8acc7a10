/**
 * Opens (creating if needed) the local history database (DESIGN §6) and exposes the store's
 * operations bound to it.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { compareSnapshots } from './compare';
import { migrate } from './migrations';
import { getSnapshot, listSnapshots, nodeDetail, queryNodes, ruleSummary, scopeSummary } from './queries';
import { applyRetention, deleteSnapshots } from './retention';
import { saveSnapshot, type SnapshotToSave } from './saveSnapshot';
import { trends } from './trends';
import type {
  Comparison,
  NodeDetail,
  NodeFilters,
  NodePage,
  NodeQuery,
  RetentionPolicy,
  RuleSummaryRow,
  ScopeSummaryRow,
  SnapshotDetail,
  SnapshotMeta,
  TrendPoint,
  TrendQuery,
} from './types';

export interface OpenStoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  clock?: () => Date;
}

export interface Store {
  readonly db: Db;
  readonly path: string;
  readonly clock: () => Date;
  saveSnapshot(input: SnapshotToSave): number;
  listSnapshots(): SnapshotMeta[];
  getSnapshot(id: number): SnapshotDetail | undefined;
  queryNodes(snapshotId: number, query?: NodeQuery): NodePage;
  ruleSummary(snapshotId: number, filters?: NodeFilters): RuleSummaryRow[];
  scopeSummary(snapshotId: number): ScopeSummaryRow[];
  nodeDetail(snapshotId: number, instanceId: string, accountId: string, region: string): NodeDetail | undefined;
  trends(query?: TrendQuery): TrendPoint[];
  compare(from: number, to: number, opts?: { limit?: number }): Comparison;
  /** Returns whether the snapshot existed. */
  deleteSnapshot(id: number): boolean;
  /** Returns the ids it deleted. */
  applyRetention(policy: RetentionPolicy): number[];
  close(): void;
}

/** Dotted numbers (versions, IPv4) compare part by part: 6.10 > 6.5, 2.0.1000.0 > 2.0.834.0. */
export function versionKey(value: string | null): string | null {
  return value === null ? null : value.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

/** The file holds client audit data: owner-only from its first byte, and again if it already existed. */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

export function openStore(opts: OpenStoreOptions): Store {
  const memory = opts.path === ':memory:';
  if (!memory) createPrivateFile(opts.path);
  const db = new Database(opts.path);
  try {
    // Must precede the first table; on an existing database it is a no-op.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints, not at every commit: a crash of the app or the OS
    // cannot corrupt the database or tear a transaction; a power cut may lose only the last
    // commits, which for saved audits means re-running one audit. It makes saves much cheaper.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.function('pa_version_key', { deterministic: true }, (v: unknown) => versionKey(typeof v === 'string' ? v : null));
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const clock = opts.clock ?? (() => new Date());
  return {
    db,
    path: opts.path,
    clock,
    saveSnapshot: (input) => saveSnapshot(db, input, clock().toISOString()),
    listSnapshots: () => listSnapshots(db),
    getSnapshot: (id) => getSnapshot(db, id),
    queryNodes: (id, q = {}) => queryNodes(db, id, q),
    ruleSummary: (id, f) => ruleSummary(db, id, f),
    scopeSummary: (id) => scopeSummary(db, id),
    nodeDetail: (id, instanceId, accountId, region) => nodeDetail(db, id, instanceId, accountId, region),
    trends: (q) => trends(db, q),
    compare: (from, to, o) => compareSnapshots(db, from, to, o),
    deleteSnapshot: (id) => deleteSnapshots(db, [id]).length > 0,
    applyRetention: (policy) => applyRetention(db, policy, clock()),
    close: () => db.close(),
  };
}
