/** Deleting snapshots, one by one or by a retention policy. */
import type { Database } from 'better-sqlite3';
import type { Row } from './rows';
import type { RetentionPolicy } from './types';

/** Parts no snapshot uses any more (snapshot_part rows went with their snapshot). */
function collectParts(db: Database): void {
  db.prepare('DELETE FROM fact_part WHERE NOT EXISTS (SELECT 1 FROM snapshot_part sp WHERE sp.part_id = fact_part.id)').run();
}

/** Gives freed pages back to the file system so the data folder shrinks after a delete. */
function releaseSpace(db: Database): void {
  db.pragma('incremental_vacuum');
}

export function deleteSnapshots(db: Database, ids: readonly number[]): number[] {
  const del = db.prepare('DELETE FROM snapshot WHERE id = ?');
  const deleted = db.transaction(() => {
    const done = ids.filter((id) => del.run(id).changes > 0);
    if (done.length) collectParts(db);
    return done;
  })();
  if (deleted.length) releaseSpace(db);
  return deleted;
}

/** Deletes every snapshot that breaks a given rule: beyond the newest `keepLast`, or older than `maxAgeDays`. */
export function applyRetention(db: Database, policy: RetentionPolicy, now: Date): number[] {
  const { keepLast, maxAgeDays } = policy;
  if (keepLast !== undefined && !(Number.isInteger(keepLast) && keepLast >= 1))
    throw new RangeError('keepLast must be a whole number of at least 1');
  if (maxAgeDays !== undefined && !(Number.isFinite(maxAgeDays) && maxAgeDays > 0))
    throw new RangeError('maxAgeDays must be a positive number of days');
  const rows = db
    .prepare<[], Pick<Row<'snapshot'>, 'id' | 'started_at'>>('SELECT id, started_at FROM snapshot ORDER BY started_at DESC, id DESC')
    .all();
  const cutoff = maxAgeDays === undefined ? undefined : now.getTime() - maxAgeDays * 86_400_000;
  const doomed = rows
    .filter((r, i) => (keepLast !== undefined && i >= keepLast) || (cutoff !== undefined && Date.parse(r.started_at) < cutoff))
    .map((r) => r.id);
  return doomed.length ? deleteSnapshots(db, doomed) : [];
}
