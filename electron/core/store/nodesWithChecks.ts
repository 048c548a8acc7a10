/**
 * Every node of a snapshot with its facts and checks, read in batches by sequence number so a
 * 50,000-node snapshot never sits unpacked in memory at once. The store's public queries return
 * statuses only; reports and exports need the check codes and params behind them.
 */
import type { Check, NodeFacts } from '../../../shared/model';
import type { Store } from '../store/openStore';
import { nodeWhere, toNodeRow } from '../store/nodeFilters';
import { loadNodes } from '../store/queries';
import type { NodeFilters, NodeRow } from '../store/types';

export interface SnapshotNode {
  row: NodeRow;
  facts: NodeFacts;
  checks: Check[];
}

const BATCH = 2000;

export function* snapshotNodes(store: Store, snapshotId: number, filters: NodeFilters = {}): Generator<SnapshotNode> {
  const where = nodeWhere(snapshotId, filters);
  const { last } = store.db.prepare('SELECT max(seq) AS last FROM node WHERE snapshot_id = ?').get(snapshotId) as { last: number | null };
  if (last === null) return;
  for (let from = 0; from <= last; from += BATCH) {
    for (const node of loadNodes(store.db, `${where.sql} AND n.seq >= ? AND n.seq < ?`, [...where.params, from, from + BATCH])) {
      yield { row: toNodeRow(node.record), facts: node.facts, checks: node.checks };
    }
  }
}
