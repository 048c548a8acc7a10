/**
 * Each scope is evaluated with the catalog as soon as it is collected and handed to the store,
 * which packs it batch by batch (`SnapshotNodes`): its raw facts and checks are then garbage, and
 * a large fleet is never held whole.
 */
import type { CatalogEdition } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import { CHECK_STATUSES, type CheckStatus, type NodeFacts } from '../../../shared/model';
import { SnapshotNodes, type NodeBatches } from '../store';

export interface EvaluationOptions {
  catalog: CatalogEdition;
  scanAgeDays: number;
  now: () => Date;
}

export class ScopeEvaluator {
  /** The checks of every node evaluated so far, by status (the audit's outcome). */
  readonly checks = Object.fromEntries(CHECK_STATUSES.map((status) => [status, 0])) as Record<CheckStatus, number>;
  readonly #nodes = new SnapshotNodes();

  constructor(private readonly options: EvaluationOptions) {}

  /** One scope's nodes, evaluated at one instant, packed for the save. */
  evaluateAndPack(facts: readonly NodeFacts[]): Promise<NodeBatches> {
    const { catalog, scanAgeDays } = this.options;
    const now = this.options.now();
    return this.#nodes.add(facts, (f) => {
      const checks = evaluateNode(f, { catalog, now, scanAgeDays });
      for (const check of checks) this.checks[check.status] += 1;
      return { facts: f, checks, platform: platformOf(f) };
    });
  }
}
