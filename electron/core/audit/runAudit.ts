/**
 * The audit runner (docs/design.md §5): plan → accounts, resolved several at once → each one's
 * scopes, collected as soon as it is resolved under a global limit and per-account and
 * per-region caps (`scopeScheduler.ts`) → evaluate with the catalog → save one snapshot. A failed scope is recorded with its reason
 * while the others complete; the snapshot is then `partial`. Cancelling stops new work,
 * aborts calls in flight, and saves what finished (also `partial`).
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import {
  countScopes,
  DEFAULT_CONCURRENCY,
  type AuditOutcome,
  type AuditPlan,
  type AuditProgress,
  type ScopeProgress,
} from '../../../shared/auditPlan';
import type { CatalogEdition } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import { CHECK_STATUSES, type CheckStatus, type NodeFacts, type ScopeResult } from '../../../shared/model';
import { scopeRegionText } from '../../../shared/scopeErrors';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { emptyCallStats, mergeCallStats, type CallStats } from '../aws/callStats';
import { createClients, type AwsClients, type ClientOptions, type Credentials } from '../aws/clients';
import { profileCredentials } from '../aws/credentials';
import { redact } from '../aws/redact';
import { PACK_BATCH_NODES, packNodes, type PackedNodes, type PackedSnapshotInput, type PartCache } from '../store';
import { collectScope, type PatchingSetup } from './collectScope';
import { createScopeScheduler, scopeCaps } from './scopeScheduler';
import { classifyScopeError, isAborted, ScopeFailure, type ScopeErrorInfo } from './errors';
import {
  AuditFailed,
  discoverAccounts,
  homeRegionOf,
  listedRegions,
  resolveAccount,
  type AccountTarget,
  type Discovery,
} from './resolveScopes';

export interface AuditDeps {
  clientOptions: ClientOptions;
  /** Credentials to use instead of the plan's profile (tests, embedding). */
  credentials?: Credentials;
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  saveSnapshot: (input: PackedSnapshotInput) => number;
  catalog: CatalogEdition;
  scanAgeDays: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface AuditControl {
  signal?: AbortSignal;
  onProgress?: (progress: AuditProgress) => void;
  /** Minimum milliseconds between two progress events (phase changes always go out). */
  progressIntervalMs?: number;
}

export { AuditFailed };

/**
 * Accounts resolved at once (AssumeRole, then DescribeRegions). Every AssumeRole is the caller's
 * and shares its STS rate; eight keep the scopes fed (each account brings up to 17 regions)
 * long before that rate matters.
 */
export const RESOLVE_CONCURRENCY = 8;

export async function runAudit(plan: AuditPlan, deps: AuditDeps, control: AuditControl = {}): Promise<AuditOutcome> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const signal = control.signal ?? new AbortController().signal;
  const runId = randomUUID();
  const startedAt = now();
  const totals = emptyCallStats();
  let scopes: ScopeProgress[] = [];
  const progress: AuditProgress = {
    runId,
    phase: 'resolving',
    startedAt: startedAt.toISOString(),
    accountsTotal: 0,
    accountsResolved: 0,
    scopeCounts: countScopes(scopes),
    nodes: 0,
    calls: 0,
    throttles: 0,
    scopes,
  };
  let lastEmit = 0;
  let trailing: NodeJS.Timeout | undefined;
  const emit = (force = false) => {
    const interval = control.progressIntervalMs ?? 100;
    const t = Date.now();
    if (!force && t - lastEmit < interval) {
      // The last change of a burst still goes out once the interval has passed: a scope that
      // ends just after another, followed by a long wait (a region that does not answer), would
      // otherwise show one scope too few until the next event.
      trailing ??= setTimeout(
        () => {
          trailing = undefined;
          emit(true);
        },
        interval - (t - lastEmit),
      );
      return;
    }
    clearTimeout(trailing);
    trailing = undefined;
    lastEmit = t;
    const scopeCalls = scopes.reduce((sum, s) => sum + s.calls, 0);
    progress.calls = totals.calls + scopeCalls;
    progress.throttles = totals.throttles + scopes.reduce((sum, s) => sum + s.throttles, 0);
    progress.nodes = scopes.reduce((sum, s) => sum + s.nodes, 0);
    progress.scopeCounts = countScopes(scopes);
    control.onProgress?.(structuredClone(progress));
  };
  const fail = (message: string, failed: readonly ScopeResult[] = []): never => {
    progress.phase = 'failed';
    progress.message = message;
    emit(true);
    log(`audit ${runId} failed: ${message}`);
    throw new AuditFailed(message, failed);
  };
  // No progress after the end, whichever way it ends: a pending trailing event would be stale.
  try {
    const credentials =
      deps.credentials ??
      profileCredentials({
        ...(plan.profile ? { profile: plan.profile } : {}),
        ...(deps.mfaCodeProvider ? { mfaCodeProvider: deps.mfaCodeProvider } : {}),
        clientOptions: deps.clientOptions,
        region: homeRegionOf(plan),
      });
    emit(true);
    const resolveCtx = { plan, credentials, clientOptions: deps.clientOptions, stats: totals, signal };
    let discovery: Discovery = { callerAccount: '', accountIds: [] };
    try {
      discovery = await discoverAccounts(resolveCtx);
    } catch (err) {
      if (signal.aborted) {
        progress.phase = 'cancelled';
        emit(true);
        throw new AuditFailed('The audit was cancelled before any scope was collected.');
      }
      fail(err instanceof AuditFailed ? err.message : redact(String(err)));
    }
    progress.accountsTotal = discovery.accountIds.length;

    const checks = Object.fromEntries(CHECK_STATUSES.map((status) => [status, 0])) as Record<CheckStatus, number>;
    /**
     * Each scope is evaluated and packed as soon as it is collected, in batches with a turn of
     * the event loop between them (other scopes' responses keep flowing): its raw facts and
     * checks (several KB a node) are then garbage, and a large fleet is never held whole.
     */
    // One for the audit: a subnet's network facts are then one part however many batches name it.
    const parts: PartCache = new Map();
    const evaluateScope = async (facts: readonly NodeFacts[]): Promise<PackedNodes[]> => {
      const evaluatedAt = now();
      const packed: PackedNodes[] = [];
      for (let first = 0; first < facts.length; first += PACK_BATCH_NODES) {
        if (first > 0) await nextTurn();
        const nodes = facts.slice(first, first + PACK_BATCH_NODES).map((f) => {
          const nodeChecks = evaluateNode(f, { catalog: deps.catalog, now: evaluatedAt, scanAgeDays: deps.scanAgeDays });
          for (const check of nodeChecks) checks[check.status] += 1;
          return { facts: f, checks: nodeChecks, platform: platformOf(f) };
        });
        packed.push(packNodes(nodes, parts));
      }
      return packed;
    };
    const collected = new Map<ScopeProgress, { packed: PackedNodes[]; patching: Partial<PatchingSetup> }>();
    const work: { scope: ScopeProgress; stats: CallStats }[] = [];
    // One abort listener for every scope in flight: one each would pass Node's listener-leak warning at eleven.
    const inFlight = new Set<AwsClients>();
    const onAbort = () => inFlight.forEach((clients) => clients.destroy());
    signal.addEventListener('abort', onAbort, { once: true });
    let durationSum = 0;
    let finished = 0;
    let queued = 0;
    const concurrency = plan.concurrency ?? DEFAULT_CONCURRENCY;
    const scheduler = createScopeScheduler(scopeCaps(concurrency));

    const collectOne = async (account: AccountTarget, scope: ScopeProgress, region: string, stats: CallStats): Promise<void> => {
      if (signal.aborted) {
        scope.state = 'cancelled';
        return;
      }
      scope.state = 'running';
      emit();
      const began = Date.now();
      const clients = createClients(region, account.credentials, deps.clientOptions, stats);
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
          onNodes: (n) => {
            scope.nodes = n;
            sync();
            emit();
          },
        });
        collected.set(scope, { packed: await evaluateScope(result.facts), patching: result.patching });
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
        durationSum += Date.now() - began;
        finished += 1;
        // Scopes of accounts not resolved yet are not counted: the estimate grows with the audit.
        // The last few run side by side only as far as there are that many: one scope left takes
        // a whole scope's time, not a sixteenth of it.
        const left = queued - finished;
        progress.etaMs = Math.round((left * (durationSum / finished)) / Math.max(1, Math.min(concurrency, left)));
        // Not forced: thousands of mostly empty scopes end within seconds, and each event clones every scope's progress.
        emit();
      }
    };

    // Per account in plan order, whatever order the accounts are resolved in.
    const accountScopes: ScopeProgress[][] = discovery.accountIds.map(() => []);
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
      progress.scopes = scopes;
      if (progress.phase === 'resolving') {
        progress.phase = 'collecting';
        emit(true);
      } else emit();
      if (state !== 'pending') return [];
      return added.map((scope, i) => {
        const stats = emptyCallStats();
        work.push({ scope, stats });
        queued += 1;
        const region = account.regions[i]!;
        return scheduler.run(account.accountId, region, () => collectOne(account, scope, region, stats));
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
            const unreached: AccountTarget = { accountId, credentials, regions: [] };
            if (signal.aborted) return void addScopes(index, unreached, 'cancelled');
            const account = await resolveAccount(resolveCtx, discovery, accountId);
            if (signal.aborted) return void addScopes(index, account.error ? unreached : account, 'cancelled');
            collecting.push(...addScopes(index, account, account.error ? 'failed' : 'pending'));
          }),
        ),
      );
      log(`audit ${runId}: ${scopes.length} scopes over ${discovery.accountIds.length} accounts`);
      await Promise.all(collecting);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    for (const { stats } of work) mergeCallStats(totals, stats);

    const scopeResults: ScopeResult[] = scopes.map((s) => {
      const patching = collected.get(s)?.patching;
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
      };
    });
    const okScopes = scopes.filter((s) => s.state === 'done');
    if (!okScopes.length) {
      if (signal.aborted) {
        progress.phase = 'cancelled';
        emit(true);
        throw new AuditFailed('The audit was cancelled before any scope finished; nothing was saved.');
      }
      // One scope a line: several scopes' reasons run together are hard to tell apart.
      fail(
        `No scope could be audited.\n${scopes.map((s) => `${s.accountId}/${scopeRegionText(s.region, 'en')}: ${s.error ?? s.state}`).join('\n')}`,
        scopeResults,
      );
    }

    progress.phase = 'evaluating';
    emit(true);
    // Stored in plan order, whatever order the scopes finished in.
    const packed = okScopes.flatMap((scope) => collected.get(scope)!.packed);
    const nodeCount = okScopes.reduce((sum, scope) => sum + scope.nodes, 0);

    // Gaps (denied optional sources) are recorded per scope and turn checks `unknown`; only a
    // scope that could not be collected makes the snapshot partial.
    const status = scopeResults.every((s) => s.status === 'ok') ? 'complete' : 'partial';

    progress.phase = 'saving';
    emit(true);
    // A wall clock stepped back during the audit (NTP, a VM resumed) must not save an end
    // before the start, which the snapshot's own import refuses as inconsistent.
    const finishedAt = new Date(Math.max(startedAt.getTime(), now().getTime()));
    const snapshotId = deps.saveSnapshot({
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      status,
      catalogEdition: deps.catalog.id,
      scanAgeDays: deps.scanAgeDays,
      toolVersion: TOOL_VERSION,
      ...(plan.label ? { label: plan.label } : {}),
      ...(plan.client ? { client: plan.client } : {}),
      ...(plan.engagement ? { engagement: plan.engagement } : {}),
      scopes: scopeResults,
      packed,
    });
    progress.phase = signal.aborted ? 'cancelled' : 'done';
    emit(true);
    log(`audit ${runId} saved snapshot ${snapshotId} (${status}, ${nodeCount} nodes, ${totals.calls} calls)`);
    return {
      runId,
      snapshotId,
      status,
      scopes: scopeResults,
      scopeCounts: countScopes(scopeResults),
      nodes: nodeCount,
      checks,
      calls: { ...totals.byAction },
    };
  } finally {
    clearTimeout(trailing);
  }
}

const errorFields = (info: ScopeErrorInfo) => ({ error: info.message, errorCode: info.code, errorParams: info.params });
