/**
 * Re-evaluating a stored snapshot offline with another catalog edition or scan-age threshold
 * (docs/design.md §1): the raw facts are stored, so no AWS call is needed. The rules engine is
 * injected, which keeps the store independent of the catalog.
 */
import type { Check, NodeFacts, NormalizedPlatform, SnapshotInput } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { contentHashOf } from './contentHash';
import type { Store } from './openStore';
import { StoredContentHashes } from './sameContent';

export interface EvaluateOptions {
  catalogEdition: string;
  scanAgeDays: number;
  now: Date;
}

export type Evaluate = (facts: NodeFacts, opts: EvaluateOptions) => Check[];

export interface ReevaluateOptions {
  catalogEdition: string;
  scanAgeDays: number;
  /** The moment scan age is measured from; by default the source audit's end, as it was judged then. */
  now?: Date;
  /** Another edition may normalize platforms differently; by default the source's platforms are kept. */
  normalize?: (facts: NodeFacts) => NormalizedPlatform;
}

/**
 * Returns the id of the new snapshot, which records `derivedFrom: snapshotId`; or of the
 * re-evaluation of `snapshotId` already saved with the same content, which stands instead: two
 * snapshots alike in content and derivation would be one after a backup and its restore.
 */
export function reevaluate(store: Store, snapshotId: number, opts: ReevaluateOptions, evaluate: Evaluate): number {
  const { input } = store.loadSnapshotInput(snapshotId);
  const now = opts.now ?? new Date(input.finishedAt);
  const evalOpts: EvaluateOptions = { catalogEdition: opts.catalogEdition, scanAgeDays: opts.scanAgeDays, now };
  const derived: SnapshotInput = {
    ...input,
    catalogEdition: opts.catalogEdition,
    scanAgeDays: opts.scanAgeDays,
    toolVersion: TOOL_VERSION,
    derivedFrom: snapshotId,
    nodes: input.nodes.map((n) => {
      const platform = opts.normalize ? opts.normalize(n.facts) : n.platform;
      const checks = evaluate(n.facts, evalOpts);
      return platform ? { facts: n.facts, checks, platform } : { facts: n.facts, checks };
    }),
  };
  // Hashed only when an earlier re-evaluation under the same edition and threshold could match:
  // hashing a 50,000-node snapshot takes seconds.
  const earlier = store
    .listSnapshots()
    .filter((s) => s.derivedFrom === snapshotId && s.catalogEdition === opts.catalogEdition && s.scanAgeDays === opts.scanAgeDays);
  if (earlier.length > 0) {
    const hashes = new StoredContentHashes(store);
    const hash = contentHashOf(derived, hashes.of(snapshotId));
    const same = earlier.find((s) => hashes.of(s.id) === hash);
    if (same) return same.id;
  }
  return store.saveSnapshot(derived);
}
