/** A stored snapshot rebuilt as the input it was saved from (for re-evaluation and export). */
import type { Database } from 'better-sqlite3';
import type { SnapshotInput } from '../../../shared/model';
import { toNodeRow } from './fromRows';
import { getSnapshot, loadNodes } from './queries';
import type { SnapshotMeta } from './types';
import { loadUnmanaged } from './unmanaged';

export class SnapshotNotFoundError extends Error {
  override name = 'SnapshotNotFoundError';
  constructor(readonly snapshotId: number) {
    super(`Snapshot ${snapshotId} does not exist.`);
  }
}

export function loadSnapshotInput(db: Database, id: number): { meta: SnapshotMeta; input: SnapshotInput } {
  const snap = getSnapshot(db, id);
  if (!snap) throw new SnapshotNotFoundError(id);
  // What the store derives (counts) or records of this database alone (where an import came from) is not input.
  const {
    scopes,
    id: _id,
    savedAt: _savedAt,
    nodeCount: _count,
    scopeCount: _scopes,
    failedScopes: _failed,
    importedFrom: _from,
    importedAt: _at,
    ...meta
  } = snap;
  const nodes = loadNodes(db, 'n.snapshot_id = ?', [id]).map(({ record, facts, checks }): SnapshotInput['nodes'][number] => {
    const { platform } = toNodeRow(record);
    return platform ? { facts, checks, platform } : { facts, checks };
  });
  // Absent when none, as before issue 30: a snapshot's content hash (contentHash.ts) stays what it was.
  const unmanaged = loadUnmanaged(db, id);
  return { meta: snap, input: { ...meta, scopes, nodes, ...(unmanaged.length ? { unmanaged } : {}) } };
}
