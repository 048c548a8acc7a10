/**
 * What to audit (a plan) and how an audit is going (progress). Both cross the contract, so
 * both are schemas; neither holds a credential. The external id is an input only: it is never
 * echoed in progress, results, snapshots or logs.
 */
import { z } from 'zod';
import { UserText } from './userText';
import { CheckStatus, ScopeResult, SnapshotStatus } from './model';
import { GapErrors, ScopeErrorCode, ScopeErrorParams } from './scopeErrors';

export const AccountId = z.string().regex(/^\d{12}$/, 'an account id is 12 digits');
export const RegionName = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'not a region name such as eu-west-1');
/** IAM role names: 1–64 of `\w+=,.@-`. */
export const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'not an IAM role name');
/** STS ExternalId: 2–1224 of `\w+=,.@:/-`. */
export const ExternalId = z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, 'not a valid external id');

export const AuditTargets = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }).strict(),
  z
    .object({
      kind: z.literal('accounts'),
      accountIds: z.array(AccountId).min(1).max(5000),
      roleName: RoleName,
      externalId: ExternalId.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('organization'),
      roleName: RoleName,
      externalId: ExternalId.optional(),
      include: z.array(AccountId).max(5000).optional(),
      exclude: z.array(AccountId).max(5000).optional(),
    })
    .strict(),
]);
export type AuditTargets = z.infer<typeof AuditTargets>;

/**
 * Scopes (account × region) at once when the plan does not say. AWS throttles per account ×
 * region (per API), so a scope's calls contend only with its own, and an organization's scopes
 * are mostly empty regions costing one round trip each: a many-account audit is latency-bound,
 * and more slots are nearly free time. On the 200-account fan-out bench (2 cores) 4 took 160 s,
 * 8 took 84 s, 16 took 56 s and 32 took 60 s, the client's CPU then the limit (docs/design.md §5).
 */
export const DEFAULT_CONCURRENCY = 16;

export const AuditPlan = z
  .object({
    /** A profile of the shared config files; absent means the default credential chain. */
    profile: z
      .string()
      .regex(/^[\w.@+=,/-]{1,128}$/, 'not a profile name')
      .optional(),
    /** Where STS and Organizations are called; defaults to the first audited region or us-east-1. */
    homeRegion: RegionName.optional(),
    regions: z.union([z.literal('all'), z.array(RegionName).min(1).max(64)]),
    targets: AuditTargets,
    /** Scopes collected at once (the audit's global limit; the runner also caps each account and region). */
    concurrency: z.number().int().min(1).max(32).optional(),
    /** The catalog edition the nodes are judged under; absent: the app's setting at run time. */
    catalogEdition: z.string().min(1).max(64).optional(),
    label: UserText.optional(),
    client: UserText.optional(),
    engagement: UserText.optional(),
  })
  .strict();
export type AuditPlan = z.infer<typeof AuditPlan>;

export const ScopeProgress = z.object({
  accountId: z.string(),
  /** Null for an account-level failure (ScopeResult's `region`). */
  region: z.string().nullable(),
  state: z.enum(['pending', 'running', 'done', 'failed', 'cancelled']),
  nodes: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
  throttles: z.number().int().nonnegative(),
  gaps: z.array(z.string()),
  gapErrors: GapErrors.optional(),
  error: z.string().optional(),
  errorCode: ScopeErrorCode.optional(),
  errorParams: ScopeErrorParams.optional(),
});
export type ScopeProgress = z.infer<typeof ScopeProgress>;

/**
 * How an audit's scopes stand, each counted as a scope (issue 27): an account never reached in 4
 * listed regions is 4 failed scopes; under `regions: 'all'` it is one account-level scope
 * (`accountLevel`, also counted in failed or cancelled). Only `collected` scopes finished.
 */
export const ScopeCounts = z.object({
  total: z.number().int().nonnegative(),
  collected: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  accountLevel: z.number().int().nonnegative(),
});
export type ScopeCounts = z.infer<typeof ScopeCounts>;

type ScopeEnd = 'collected' | 'failed' | 'cancelled' | 'open';
const endOf = (s: ScopeProgress | ScopeResult): ScopeEnd => {
  const state = 'state' in s ? s.state : s.status;
  if (state === 'done' || state === 'ok') return 'collected';
  if (state === 'failed' || state === 'cancelled') return state;
  return 'open';
};

/** The one count of scopes the Run page, the CLI and the outcome show: from progress or from results alike. */
export function countScopes(scopes: readonly (ScopeProgress | ScopeResult)[]): ScopeCounts {
  const counts: ScopeCounts = { total: scopes.length, collected: 0, failed: 0, cancelled: 0, accountLevel: 0 };
  for (const s of scopes) {
    const end = endOf(s);
    if (end !== 'open') counts[end] += 1;
    if (s.region === null) counts.accountLevel += 1;
  }
  return counts;
}

/** Scopes no longer waiting or running, whichever way they ended: the progress bar's position, not a count of finished scopes. */
export const settledScopes = (c: ScopeCounts): number => c.collected + c.failed + c.cancelled;

/** Percent of scopes settled, for a progress bar. */
export const settledPct = (c: ScopeCounts): number => (c.total > 0 ? Math.round((settledScopes(c) / c.total) * 100) : 0);

export type RunBadge = AuditProgress['phase'] | 'doneWithGaps';

/** The run's badge: an audit that ended with any scope not collected never reads "Finished". */
export function runBadge(progress: Pick<AuditProgress, 'phase' | 'scopeCounts'>): RunBadge {
  const c = progress.scopeCounts;
  return progress.phase === 'done' && c.collected < c.total ? 'doneWithGaps' : progress.phase;
}

export const AuditProgress = z.object({
  runId: z.string(),
  phase: z.enum(['resolving', 'collecting', 'evaluating', 'saving', 'done', 'failed', 'cancelled']),
  startedAt: z.string(),
  /** Accounts the plan names, and how many have been reached (role assumed, regions listed) or found unreachable. */
  accountsTotal: z.number().int().nonnegative(),
  accountsResolved: z.number().int().nonnegative(),
  /** Grows while accounts are resolved: each adds its regions' scopes as it is reached (issue 20). */
  scopeCounts: ScopeCounts,
  nodes: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
  throttles: z.number().int().nonnegative(),
  /** Estimated milliseconds left, once at least one scope has finished. */
  etaMs: z.number().nonnegative().optional(),
  scopes: z.array(ScopeProgress),
  message: z.string().optional(),
});
export type AuditProgress = z.infer<typeof AuditProgress>;

export const AuditOutcome = z.object({
  runId: z.string(),
  snapshotId: z.number().int().optional(),
  status: SnapshotStatus,
  scopes: z.array(ScopeResult),
  /** `countScopes(scopes)`. */
  scopeCounts: ScopeCounts,
  nodes: z.number().int().nonnegative(),
  checks: z.record(CheckStatus, z.number().int().nonnegative()),
  calls: z.record(z.string(), z.number().int().nonnegative()),
});
export type AuditOutcome = z.infer<typeof AuditOutcome>;
