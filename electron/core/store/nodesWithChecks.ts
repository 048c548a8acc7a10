/**
 * Every node of a snapshot with its facts and checks, read in batches by sequence number so a
 * 50,000-node snapshot never sits unpacked in memory at once. The paged node queries return
 * statuses only; reports and exports need the check codes and params behind them.
 */
import type { Database } from 'better-sqlite3';
import { toNodeRow } from './fromRows';
import { nodeWhere } from './nodeFilters';
import { loadNodes } from './queries';
import type { NodeFilters, NodeWithChecks } from './types';

const BATCH = 2000;

export function* nodesWithChecks(db: Database, snapshotId: number, filters: NodeFilters = {}): Generator<NodeWithChecks> {
  const where = nodeWhere(snapshotId, filters);
  const { last } = db.prepare('SELECT max(seq) AS last FROM node WHERE snapshot_id = ?').get(snapshotId) as { last: number | null };
  if (last === null) return;
  for (let from = 0; from <= last; from += BATCH) {
    for (const node of loadNodes(db, `${where.sql} AND n.seq >= ? AND n.seq < ?`, [...where.params, from, from + BATCH])) {
      yield { row: toNodeRow(node.record), facts: node.facts, checks: node.checks };
    }
  }
}
