/**
 * Opens (creating if needed) the local history database (docs/design.md §6) and exposes the store's
 * operations bound to it. The connection itself stays inside this folder (handle.ts): callers
 * get operations, never SQL.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FigureInput } from '../../../shared/figures';
import type { RuleId, SnapshotInput } from '../../../shared/model';
import { annotateSnapshot, type Annotation } from './annotate';
import { compareSnapshots } from './compare';
import { figureInput } from './figures';
import { sealHandle } from './handle';
import { loadSnapshotInput } from './loadSnapshotInput';
import { checkIntegrity, checkpoint, connectionSettings } from './maintenance';
import { migrate } from './migrations';
import { nodesWithChecks } from './nodesWithChecks';
import { getSnapshot, listSnapshots, missingSnapshots, nodeDetail, queryNodes, ruleSummary, scopeSummary } from './queries';
import { readinessByScope } from './readiness';
import { applyRetention, deleteSnapshots } from './retention';
import { saveSnapshot, type SnapshotToSave } from './saveSnapshot';
import { trends } from './trends';
import type {
  Comparison,
  ConnectionSettings,
  NodeDetail,
  NodeFilters,
  NodePage,
  NodeQuery,
  NodeWithChecks,
  RetentionPolicy,
  RuleSummaryRow,
  ScopeReadiness,
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
  readonly path: string;
  readonly clock: () => Date;
  saveSnapshot(input: SnapshotToSave): number;
  listSnapshots(): SnapshotMeta[];
  getSnapshot(id: number): SnapshotDetail | undefined;
  /** The ids of `ids` that name no snapshot. */
  missingSnapshots(ids: readonly number[]): number[];
  /** The snapshot rebuilt as the input it was saved from; throws SnapshotNotFoundError. */
  loadSnapshotInput(id: number): { meta: SnapshotMeta; input: SnapshotInput };
  /** Returns whether the snapshot exists (see annotate.ts for how fields are set and cleared). */
  annotateSnapshot(id: number, annotation: Annotation): boolean;
  queryNodes(snapshotId: number, query?: NodeQuery): NodePage;
  /** Every matching node with its facts and checks, in batches (reports and exports). */
  nodesWithChecks(snapshotId: number, filters?: NodeFilters): Generator<NodeWithChecks>;
  /** What the headline figures are computed from (shared/figures.ts): summary rows, never the nodes. */
  figureInput(snapshotId: number): FigureInput;
  /** Per account × region: nodes, those verified ready and those not verified among `prerequisites`. */
  readinessByScope(snapshotId: number, prerequisites: readonly RuleId[]): ScopeReadiness[];
  ruleSummary(snapshotId: number, filters?: NodeFilters): RuleSummaryRow[];
  scopeSummary(snapshotId: number): ScopeSummaryRow[];
  nodeDetail(snapshotId: number, instanceId: string, accountId: string, region: string): NodeDetail | undefined;
  trends(query?: TrendQuery): TrendPoint[];
  compare(from: number, to: number, opts?: { limit?: number }): Comparison;
  /** Returns whether the snapshot existed. */
  deleteSnapshot(id: number): boolean;
  /** Returns the ids it deleted. */
  applyRetention(policy: RetentionPolicy): number[];
  /** Writes the WAL back into the database file, e.g. before the file is copied or read. */
  checkpoint(): void;
  /** SQLite's integrity and foreign-key problems; empty when the database is sound. */
  checkIntegrity(): string[];
  connectionSettings(): ConnectionSettings;
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
  const store: Store = {
    path: opts.path,
    clock,
    saveSnapshot: (input) => saveSnapshot(db, input, clock().toISOString()),
    listSnapshots: () => listSnapshots(db),
    getSnapshot: (id) => getSnapshot(db, id),
    missingSnapshots: (ids) => missingSnapshots(db, ids),
    loadSnapshotInput: (id) => loadSnapshotInput(db, id),
    annotateSnapshot: (id, annotation) => annotateSnapshot(db, id, annotation),
    queryNodes: (id, q = {}) => queryNodes(db, id, q),
    nodesWithChecks: (id, f) => nodesWithChecks(db, id, f),
    figureInput: (id) => figureInput(db, id),
    readinessByScope: (id, prerequisites) => readinessByScope(db, id, prerequisites),
    ruleSummary: (id, f) => ruleSummary(db, id, f),
    scopeSummary: (id) => scopeSummary(db, id),
    nodeDetail: (id, instanceId, accountId, region) => nodeDetail(db, id, instanceId, accountId, region),
    trends: (q) => trends(db, q),
    compare: (from, to, o) => compareSnapshots(db, from, to, o),
    deleteSnapshot: (id) => deleteSnapshots(db, [id]).length > 0,
    applyRetention: (policy) => applyRetention(db, policy, clock()),
    checkpoint: () => checkpoint(db),
    checkIntegrity: () => checkIntegrity(db),
    connectionSettings: () => connectionSettings(db),
    close: () => db.close(),
  };
  return sealHandle(store, db);
}
