/**
 * Readiness (issue 27) has three parts, over the prerequisites (the rules that cite the seed,
 * P1–P7; the compliance rules cite none): a node is verified ready when every prerequisite check
 * passes, warns or does not apply; not ready when one fails; not verified when none fails and at
 * least one could not be checked (unknown, or not evaluated). No count of "ready" includes a node
 * nobody could verify.
 */
import { z } from 'zod';
import { ruleSources } from './messages';
import { type Check, type CheckStatus, RULE_IDS, type RuleId } from './model';

export const PREREQUISITE_RULE_IDS: readonly RuleId[] = RULE_IDS.filter((rule) => ruleSources(rule).length > 0);

export type ReadinessClass = 'ready' | 'notReady' | 'unverified';

const VERIFIED: ReadonlySet<CheckStatus> = new Set(['pass', 'warn', 'not_applicable']);

/** The readiness of a node whose prerequisite statuses `statusOf` gives (undefined: not evaluated). */
export function readinessClass(statusOf: (rule: RuleId) => CheckStatus | undefined): ReadinessClass {
  let unverified = false;
  for (const rule of PREREQUISITE_RULE_IDS) {
    const status = statusOf(rule);
    if (status === 'fail') return 'notReady';
    if (status === undefined || !VERIFIED.has(status)) unverified = true;
  }
  return unverified ? 'unverified' : 'ready';
}

/** Verified ready, the same test as the store's readiness counts, on a node's checks in memory. */
export function isReady(checks: readonly Check[]): boolean {
  const statuses = new Map(checks.map((check) => [check.rule, check.status]));
  return readinessClass((rule) => statuses.get(rule)) === 'ready';
}

/** Share of the managed nodes that are verified ready, in percent; null without nodes. */
export function readyPct({ nodes, ready }: { nodes: number; ready: number }): number | null {
  return nodes > 0 ? (ready / nodes) * 100 : null;
}

const Counts = z.object({
  nodes: z.number().int().nonnegative(),
  /** Verified ready. */
  ready: z.number().int().nonnegative(),
  /** No prerequisite fails, at least one could not be checked. */
  unverified: z.number().int().nonnegative(),
});

export const Readiness = Counts.extend({
  scopes: z.array(Counts.extend({ accountId: z.string(), region: z.string() })),
});
export type Readiness = z.infer<typeof Readiness>;
