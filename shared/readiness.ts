/**
 * Readiness: a node is ready for Patch Manager when no prerequisite check fails. The
 * prerequisites are the rules that cite the seed (P1–P7); the compliance rules cite none.
 */
import { z } from 'zod';
import { ruleSources } from './messages';
import { type Check, RULE_IDS, type RuleId } from './model';

export const PREREQUISITE_RULE_IDS: readonly RuleId[] = RULE_IDS.filter((rule) => ruleSources(rule).length > 0);

const PREREQUISITES = new Set(PREREQUISITE_RULE_IDS);

/** The same test as the store's readiness counts, on a node's checks in memory. */
export function isReady(checks: readonly Check[]): boolean {
  return checks.every((check) => check.status !== 'fail' || !PREREQUISITES.has(check.rule));
}

/** Share of the nodes that are ready, in percent; null without nodes. */
export function readyPct({ nodes, ready }: { nodes: number; ready: number }): number | null {
  return nodes > 0 ? (ready / nodes) * 100 : null;
}

const Counts = z.object({ nodes: z.number().int().nonnegative(), ready: z.number().int().nonnegative() });

export const Readiness = Counts.extend({
  scopes: z.array(Counts.extend({ accountId: z.string(), region: z.string() })),
});
export type Readiness = z.infer<typeof Readiness>;
