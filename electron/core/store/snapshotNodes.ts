/**
 * How a caller with many nodes (the audit) hands them to the store (docs/design.md §6): raw facts,
 * group by group (the audit's scopes) as they come, with its own evaluation of a node. The store
 * evaluates and packs each group here in batches, with a turn of the event loop between two
 * batches so the caller's other work (other scopes' responses) keeps flowing: a node's facts and
 * checks (several KB) are garbage once its batch is packed, and a large fleet is never held
 * whole. What comes back is opaque outside the store; the caller saves it as the `packed` of a
 * `PackedSnapshotInput`, in the order the nodes are to be stored.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SnapshotInput } from '../../../shared/model';
import { PACK_BATCH_NODES, packNodes, type PackedNodes, type PartCache } from './saveSnapshot';

/** A node as saved: its raw facts, its checks and its normalized platform. */
export type EvaluatedNode = SnapshotInput['nodes'][number];

/** Nodes of one group, packed for a save. */
export type NodeBatches = readonly PackedNodes[];

export class SnapshotNodes {
  /** One for the snapshot: a subnet's network facts are then one part however many batches name it. */
  readonly #parts: PartCache = new Map();

  /** Evaluates `items` (through `evaluate`) and packs them, batch by batch, in their order. */
  async add<T>(items: readonly T[], evaluate: (item: T) => EvaluatedNode): Promise<NodeBatches> {
    const batches: PackedNodes[] = [];
    for (let first = 0; first < items.length; first += PACK_BATCH_NODES) {
      if (first > 0) await nextTurn();
      batches.push(packNodes(items.slice(first, first + PACK_BATCH_NODES).map(evaluate), this.#parts));
    }
    return batches;
  }
}
