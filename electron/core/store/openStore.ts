/**
 * Opens (creating if needed) the local history database (docs/design.md §6) and exposes the store's
 * operations bound to it. The connection itself stays inside this folder (handle.ts): callers
 * get operations, never SQL.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { FigureInput } from '../../../shared/figures';
import type { RuleId, SnapshotInput } from '../../../shared/model';
import { annotateSnapshot, type Annotation } from './annotate';
import { compareSnapshots } from './compare';
import { asDatabaseError, DatabaseError, damagedMessage } from './databaseErrors';
import { figureInput } from './figures';
import { sealHandle } from './handle';
import { loadSnapshotInput } from './loadSnapshotInput';
import { checkIntegrity, checkpoint, connectionSettings } from './maintenance';
import { migrate, SCHEMA_VERSION } from './migrations';
import { nodesWithChecks } from './nodesWithChecks';
import { getSnapshot, listSnapshots, missingSnapshots, nodeDetail, queryNodes, ruleSummary, scopeSummary } from './queries';
import { readinessByScope } from './readiness';
import { applyRetention, deleteSnapshots } from './retention';
import { saveSnapshot, type SnapshotToSave } from './saveSnapshot';
import { trends } from './trends';
import { unmanagedInstances, type UnmanagedQuery } from './unmanaged';
import type { UnmanagedPage } from '../../../shared/ec2Coverage';
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
  /** The snapshot's EC2 instances that are not managed nodes, with their causes (shared/ec2Coverage.ts). */
  unmanagedInstances(snapshotId: number, query?: UnmanagedQuery): UnmanagedPage;
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

/**
 * A client's archived database may be kept read-only (file mode 0444, or a folder without write
 * access): it is then opened read-only, never chmod-ed back to writable. The mode bits count
 * besides access(2), which grants root everything. Says what is read-only, or undefined.
 */
function readOnlyPart(path: string): 'file' | 'folder' | undefined {
  let file: Stats;
  try {
    file = statSync(path);
  } catch {
    return undefined;
  }
  const folder = dirname(path);
  const writable = (target: string, mode: number): boolean => {
    if ((mode & 0o200) === 0) return false;
    try {
      accessSync(target, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (!writable(folder, statSync(folder).mode)) return 'folder';
  return writable(path, file.mode) ? undefined : 'file';
}

/**
 * quick_check reads every page (B-tree structure, not index contents) at about 3–5 ms a MB on
 * the shared 2-core machine here (49–79 ms for a 16.4 MB database holding two 25,000-node
 * snapshots), so a 64 MiB database waits at most about a quarter of a second each time it is
 * opened. A bigger one would hold every open (each CLI command, the app's start) for seconds: it
 * is not checked as a whole, and damage is found where it is read instead (SQLite's corruption
 * errors become DatabaseError, a node chunk that does not decode SnapshotDamagedError).
 */
const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

function fileBytes(path: string): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return size(path) + size(`${path}-wal`);
}

function assertSound(db: Database.Database, path: string): void {
  if (path !== ':memory:' && fileBytes(path) > QUICK_CHECK_MAX_BYTES) return;
  // The first problem is enough to refuse; its text (page and tree numbers) means nothing to a user.
  const [first] = db.pragma('quick_check(1)') as Array<{ quick_check: string }>;
  if (first?.quick_check !== 'ok') throw new DatabaseError(damagedMessage(path), 'damaged');
}

interface Connection {
  db: Database.Database;
  /** Run after the connection is closed: removes a read-only database's private copy. */
  dispose: () => void;
}

const registerFunctions = (db: Database.Database): void => {
  db.function('pa_version_key', { deterministic: true }, (v: unknown) => versionKey(typeof v === 'string' ? v : null));
};

function withConnection(db: Database.Database, prepare: (db: Database.Database) => void): Database.Database {
  try {
    prepare(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function openWritable(path: string): Connection {
  if (path !== ':memory:') createPrivateFile(path);
  const db = withConnection(new Database(path), (db) => {
    assertSound(db, path);
    // Must precede the first table; on an existing database it is a no-op.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints, not at every commit: a crash of the app or the OS
    // cannot corrupt the database or tear a transaction; a power cut may lose only the last
    // commits, which for saved audits means re-running one audit. It makes saves much cheaper.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    registerFunctions(db);
    migrate(db);
  });
  return { db, dispose: () => {} };
}

/** A read-only connection cannot migrate: only a database already at this version is read. */
function prepareReadOnly(db: Database.Database, path: string): void {
  assertSound(db, path);
  const version = db.pragma('user_version', { simple: true }) as number;
  // Refuses a newer schema with SchemaTooNewError, as a writable open does.
  if (version > SCHEMA_VERSION) migrate(db);
  if (version < SCHEMA_VERSION) {
    throw new DatabaseError(
      `The database ${path} is read-only and was written by an older Patch Auditor (schema v${version}): it must be upgraded before it can be read, which needs write access. Copy it to a folder you can write to and open the copy.`,
      'read_only',
    );
  }
  db.pragma('foreign_keys = ON');
  registerFunctions(db);
}

const cannotOpenInPlace = (err: unknown): boolean => {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN';
};

function openReadOnly(path: string, part: 'file' | 'folder'): Connection {
  if (part === 'file') {
    try {
      const db = withConnection(new Database(path, { readonly: true, fileMustExist: true }), (db) => prepareReadOnly(db, path));
      return { db, dispose: () => {} };
    } catch (err) {
      if (!cannotOpenInPlace(err)) throw err;
    }
  }
  // A WAL database needs its shared-memory index (-shm) beside it even to be read, and a folder
  // that may not be written has none (and gets none: the folder stays as it was): read a private
  // copy (owner-only, removed on close) instead.
  const copyDir = mkdtempSync(join(tmpdir(), 'patch-audit-readonly-'));
  try {
    const copy = join(copyDir, basename(path));
    for (const suffix of ['', '-wal']) {
      if (!existsSync(`${path}${suffix}`)) continue;
      copyFileSync(`${path}${suffix}`, `${copy}${suffix}`);
      chmodSync(`${copy}${suffix}`, 0o600);
    }
    const db = withConnection(new Database(copy, { readonly: true, fileMustExist: true }), (db) => prepareReadOnly(db, path));
    return { db, dispose: () => rmSync(copyDir, { recursive: true, force: true }) };
  } catch (err) {
    rmSync(copyDir, { recursive: true, force: true });
    throw err;
  }
}

/** Refused with a DatabaseError (damaged, from a newer version, a full disk) rather than SQLite's own words. */
export function openStore(opts: OpenStoreOptions): Store {
  const readOnly = opts.path === ':memory:' ? undefined : readOnlyPart(opts.path);
  let connection: Connection;
  try {
    connection = readOnly ? openReadOnly(opts.path, readOnly) : openWritable(opts.path);
  } catch (err) {
    throw asDatabaseError(err, opts.path);
  }
  return storeOver(connection, opts);
}

/** Wraps operations so SQLite's faults (a full disk, a damaged page found late) reach callers as DatabaseErrors. */
function faultsAsDatabaseErrors(path: string) {
  return <A extends unknown[], R>(operation: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return operation(...args);
      } catch (err) {
        throw asDatabaseError(err, path);
      }
    };
}

function* guardedNodes(nodes: Generator<NodeWithChecks>, path: string): Generator<NodeWithChecks> {
  try {
    yield* nodes;
  } catch (err) {
    throw asDatabaseError(err, path);
  }
}

function storeOver({ db, dispose }: Connection, opts: OpenStoreOptions): Store {
  const guard = faultsAsDatabaseErrors(opts.path);
  const clock = opts.clock ?? (() => new Date());
  const store: Store = {
    path: opts.path,
    clock,
    saveSnapshot: guard((input: SnapshotToSave) => saveSnapshot(db, input, clock().toISOString())),
    listSnapshots: guard(() => listSnapshots(db)),
    getSnapshot: guard((id: number) => getSnapshot(db, id)),
    missingSnapshots: guard((ids: readonly number[]) => missingSnapshots(db, ids)),
    loadSnapshotInput: guard((id: number) => loadSnapshotInput(db, id)),
    annotateSnapshot: guard((id: number, annotation: Annotation) => annotateSnapshot(db, id, annotation)),
    queryNodes: guard((id: number, q: NodeQuery = {}) => queryNodes(db, id, q)),
    nodesWithChecks: (id, f) => guardedNodes(nodesWithChecks(db, id, f), opts.path),
    figureInput: guard((id: number) => figureInput(db, id)),
    readinessByScope: guard((id: number, prerequisites: readonly RuleId[]) => readinessByScope(db, id, prerequisites)),
    ruleSummary: guard((id: number, f?: NodeFilters) => ruleSummary(db, id, f)),
    scopeSummary: guard((id: number) => scopeSummary(db, id)),
    nodeDetail: guard((id: number, instanceId: string, accountId: string, region: string) =>
      nodeDetail(db, id, instanceId, accountId, region),
    ),
    trends: guard((q?: TrendQuery) => trends(db, q)),
    compare: guard((from: number, to: number, o?: { limit?: number }) => compareSnapshots(db, from, to, o)),
    unmanagedInstances: guard((snapshotId: number, q?: UnmanagedQuery) => unmanagedInstances(db, snapshotId, q)),
    deleteSnapshot: guard((id: number) => deleteSnapshots(db, [id]).length > 0),
    applyRetention: guard((policy: RetentionPolicy) => applyRetention(db, policy, clock())),
    checkpoint: guard(() => checkpoint(db)),
    checkIntegrity: () => checkIntegrity(db),
    connectionSettings: () => connectionSettings(db),
    close: () => {
      db.close();
      dispose();
    },
  };
  return sealHandle(store, db);
}
