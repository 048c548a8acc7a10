/**
 * The audit's collection step (docs/design.md §5): accounts resolved several at once, each one's
 * scopes collected as soon as it is resolved, under a global limit and per-account and per-region
 * caps (`scopeScheduler.ts`), and evaluated as each ends. A failed scope is recorded with its
 * reason while the others complete; cancelling stops new work and aborts calls in flight.
 */
import pLimit from 'p-limit';
import { DEFAULT_CONCURRENCY, type ScopeProgress } from '../../../shared/auditPlan';
import type { PlacedUnmanagedInstance, ScopeCoverage } from '../../../shared/ec2Coverage';
import type { ScopeResult } from '../../../shared/model';
import { emptyCallStats, mergeCallStats, type CallStats } from '../aws/callStats';
import { createClients, type AwsClients } from '../aws/clients';
import type { NodeBatches } from '../store';
import type { ProgressReporter } from './auditProgress';
import { collectScope, type PatchingSetup } from './collectScope';
import { classifyScopeError, isAborted, type ScopeErrorInfo } from '../aws/errors';
import { ScopeFailure } from './errors';
import { ScopeEstimate } from './estimate';
import type { ScopeEvaluator } from './evaluateAndPack';
import { listedRegions, resolveAccount, type AccountTarget, type Discovery, type ResolveContext } from './resolveScopes';
import { createScopeScheduler, scopeCaps } from './scopeScheduler';
import { AccountCache, placed } from './sources';

/**
 * Accounts resolved at once (AssumeRole, then DescribeRegions). Every AssumeRole is the caller's
 * and shares its STS rate; eight keep the scopes fed (each account brings up to 17 regions)
 * long before that rate matters.
 */
const RESOLVE_CONCURRENCY = 8;

export interface CollectAccountsContext {
  resolve: ResolveContext;
  discovery: Discovery;
  reporter: ProgressReporter;
  evaluator: ScopeEvaluator;
  log: (line: string) => void;
  runId: string;
}

interface CollectedScope {
  packed: NodeBatches;
  patching: Partial<PatchingSetup>;
  coverage?: ScopeCoverage;
  unmanaged: PlacedUnmanagedInstance[];
}

export interface Collection {
  /** Every scope, in plan order, in its final state. */
  scopes: ScopeProgress[];
  /** What the scopes that ended `done` collected, evaluated and packed. */
  collected: ReadonlyMap<ScopeProgress, CollectedScope>;
  /**
   * Every call of the audit: resolving (`resolve.stats`) and every scope's. A new total, not
   * added into `resolve.stats`: progress adds the scopes' own counts to that, and would count
   * each scope's calls twice in the events after collection.
   */
  calls: CallStats;
}

/** Collects every scope of the discovered accounts. */
export async function collectAccounts(ctx: CollectAccountsContext): Promise<Collection> {
  const { resolve, discovery, reporter, log } = ctx;
  const { plan, signal } = resolve;
  const { progress } = reporter;
  const collected = new Map<ScopeProgress, CollectedScope>();
  const work: CallStats[] = [];
  // One abort listener for every scope in flight: one each would pass Node's listener-leak warning at eleven.
  const inFlight = new Set<AwsClients>();
  const onAbort = () => inFlight.forEach((clients) => clients.destroy());
  signal.addEventListener('abort', onAbort, { once: true });
  const concurrency = plan.concurrency ?? DEFAULT_CONCURRENCY;
  const estimate = new ScopeEstimate(concurrency);
  const scheduler = createScopeScheduler(scopeCaps(concurrency));

  const collectOne = async (
    account: AccountTarget,
    cache: AccountCache,
    scope: ScopeProgress,
    region: string,
    stats: CallStats,
  ): Promise<void> => {
    if (signal.aborted) {
      scope.state = 'cancelled';
      return;
    }
    scope.state = 'running';
    reporter.emit();
    const began = Date.now();
    const clients = createClients(region, account.credentials, resolve.clientOptions, stats);
    inFlight.add(clients);
    const sync = () => {
      scope.calls = stats.calls;
      scope.throttles = stats.throttles;
    };
    try {
      const result = await collectScope({
        accountId: account.accountId,
        region,
        clients,
        signal,
        account: cache,
        onNodes: (n) => {
          scope.nodes = n;
          sync();
          reporter.emit();
        },
      });
      collected.set(scope, {
        packed: await ctx.evaluator.evaluateAndPack(result.facts),
        patching: result.patching,
        ...(result.coverage ? { coverage: result.coverage } : {}),
        unmanaged: placed(result.unmanaged, { accountId: account.accountId, region }),
      });
      scope.nodes = result.facts.length;
      scope.gaps = result.gaps;
      if (result.gaps.length) scope.gapErrors = result.gapErrors;
      scope.state = 'done';
    } catch (err) {
      if (signal.aborted || isAborted(err)) {
        scope.state = 'cancelled';
      } else {
        scope.state = 'failed';
        Object.assign(scope, errorFields(err instanceof ScopeFailure ? err.info : classifyScopeError(err, 'collection', region)));
        log(`scope ${scope.accountId}/${region} failed: ${scope.error}`);
      }
    } finally {
      inFlight.delete(clients);
      clients.destroy();
      sync();
      progress.etaMs = estimate.finished(Date.now() - began);
      // Not forced: thousands of mostly empty scopes end within seconds, and each event clones every scope's progress.
      reporter.emit();
    }
  };

  // Per account in plan order, whatever order the accounts are resolved in.
  const accountScopes: ScopeProgress[][] = discovery.accountIds.map(() => []);
  let scopes: ScopeProgress[] = [];
  /**
   * An account's scopes, in the plan's region order: failed with the account's reason when it
   * could not be reached, cancelled when the audit was cancelled before it was, else queued.
   * An account never reached is one scope per listed region, or under `regions: 'all'` (its
   * regions unknowable without it) one account-level scope, region null (issue 28).
   */
  const addScopes = (index: number, account: AccountTarget, state: 'pending' | 'failed' | 'cancelled'): Promise<void>[] => {
    const regions: (string | null)[] = account.regions.length ? account.regions : (listedRegions(plan) ?? [null]);
    const added = regions.map((region): ScopeProgress => ({
      accountId: account.accountId,
      region,
      state,
      nodes: 0,
      calls: 0,
      throttles: 0,
      gaps: [],
      ...(account.error ? errorFields(account.error) : {}),
    }));
    accountScopes[index] = added;
    progress.accountsResolved += 1;
    scopes = accountScopes.flat();
    reporter.setScopes(scopes);
    if (progress.phase === 'resolving') reporter.phase('collecting');
    else reporter.emit();
    if (state !== 'pending') return [];
    // IAM's answers are the account's: its regions share them (issue 30).
    const cache = new AccountCache();
    return added.map((scope, i) => {
      const stats = emptyCallStats();
      work.push(stats);
      estimate.queued();
      const region = account.regions[i]!;
      return scheduler.run(account.accountId, region, () => collectOne(account, cache, scope, region, stats));
    });
  };

  // Accounts are resolved several at once and each one's scopes start as soon as it is: with
  // hundreds of accounts, resolving them one after another first cost two round trips each
  // before any scope began (issue 20).
  const resolveLimit = pLimit(RESOLVE_CONCURRENCY);
  const collecting: Promise<void>[] = [];
  try {
    await Promise.all(
      discovery.accountIds.map((accountId, index) =>
        resolveLimit(async () => {
          const unreached: AccountTarget = { accountId, credentials: resolve.credentials, regions: [] };
          if (signal.aborted) return void addScopes(index, unreached, 'cancelled');
          const account = await resolveAccount(resolve, discovery, accountId);
          if (signal.aborted) return void addScopes(index, account.error ? unreached : account, 'cancelled');
          collecting.push(...addScopes(index, account, account.error ? 'failed' : 'pending'));
        }),
      ),
    );
    log(`audit ${ctx.runId}: ${scopes.length} scopes over ${discovery.accountIds.length} accounts`);
    await Promise.all(collecting);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const calls = emptyCallStats();
  for (const stats of [resolve.stats, ...work]) mergeCallStats(calls, stats);
  return { scopes, collected, calls };
}

/** What the snapshot records of each scope: a scope never finished (pending, cancelled) is `cancelled`. */
export function scopeResults({ scopes, collected }: Collection): ScopeResult[] {
  return scopes.map((s) => {
    const { patching, coverage } = collected.get(s) ?? {};
    return {
      accountId: s.accountId,
      region: s.region,
      status: s.state === 'done' ? 'ok' : s.state === 'cancelled' || s.state === 'pending' ? 'cancelled' : 'failed',
      ...(s.error ? { error: s.error } : {}),
      ...(s.errorCode ? { errorCode: s.errorCode, errorParams: s.errorParams ?? {} } : {}),
      nodes: s.nodes,
      calls: s.calls,
      throttles: s.throttles,
      gaps: s.gaps,
      ...(s.gapErrors ? { gapErrors: s.gapErrors } : {}),
      ...(patching ? { patching } : {}),
      ...(coverage ? { coverage } : {}),
    };
  });
}

const errorFields = (info: ScopeErrorInfo) => ({ error: info.message, errorCode: info.code, errorParams: info.params });
