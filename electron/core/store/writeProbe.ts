/**
 * Seams for fault tests. Crash tests (test/integration/store/killDuringWrite.test.ts): a temporary trigger
 * on the store's connection calls back from inside the saving transaction, so a test can
 * SIGKILL the process at a known row of a save instead of after a guessed delay. The table
 * names stay in here; nothing in the app calls it.
 */
import type { Store } from './openStore';
import { databaseOf } from './handle';

/** The node row with this sequence number (0 is a save's first), or every area summary row. */
export type WriteProbePoint = { table: 'node'; seq: number } | { table: 'area_summary' };

/** Calls `reached` each time a row at `point` is inserted; once per store, for its lifetime. */
export function probeWrites(store: Store, point: WriteProbePoint, reached: () => void): void {
  if (point.table === 'node' && !Number.isSafeInteger(point.seq)) throw new RangeError(`not a node sequence number: ${point.seq}`);
  const db = databaseOf(store);
  db.function('pa_write_probe', () => {
    reached();
    return null;
  });
  const when = point.table === 'node' ? `NEW.seq = ${point.seq}` : '1';
  db.exec(`CREATE TEMP TRIGGER pa_write_probe AFTER INSERT ON main.${point.table} WHEN ${when} BEGIN SELECT pa_write_probe(); END`);
}

/**
 * A full disk for disk-full tests (test/integration/store/diskFull.test.ts): the connection may
 * not grow the file past its current pages, so the next write that needs a page fails with
 * SQLITE_FULL, exactly as when the disk has no room left.
 */
export function capAtCurrentSize(store: Store): void {
  const db = databaseOf(store);
  db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
}
