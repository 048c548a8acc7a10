/**
 * The audit runner (docs/design.md §5): plan → scopes → collect concurrently under a global limit →
 * evaluate with the catalog → save one snapshot. A failed scope is recorded with its reason
 * while the others complete; the snapshot is then `partial`. Cancelling stops new work,
 * aborts calls in flight, and saves what finished (also `partial`).
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { AuditOutcome, AuditPlan, AuditProgress, ScopeProgress } from '../../../shared/auditPlan';
import type { CatalogEdition } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import { CHECK_STATUSES, type CheckStatus, type NodeFacts, type ScopeResult } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { emptyCallStats, mergeCallStats, type CallStats } from '../aws/callStats';
import { createClients, type ClientOptions, type Credentials } from '../aws/clients';
import { profileCredentials } from '../aws/credentials';
import { redact } from '../aws/redact';
import { PACK_BATCH_NODES, packNodes, type PackedNodes, type PackedSnapshotInput } from '../store';
import { collectScope, type PatchingSetup } from './collectScope';
import { classifyScopeError, isAborted, ScopeFailure, type ScopeErrorInfo } from './errors';
import { AuditFailed, homeRegionOf, resolveAccounts, type AccountTarget } from './resolveScopes';

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

export async function runAudit(plan: AuditPlan, deps: AuditDeps, control: AuditControl = {}): Promise<AuditOutcome> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const signal = control.signal ?? new AbortController().signal;
  const runId = randomUUID();
  const startedAt = now();
  const totals = emptyCallStats();
  const scopes: ScopeProgress[] = [];
  const progress: AuditProgress = {
    runId,
    phase: 'resolving',
    startedAt: startedAt.toISOString(),
    scopesTotal: 0,
    scopesDone: 0,
    nodes: 0,
    calls: 0,
    throttles: 0,
    errors: 0,
    scopes,
  };
  let lastEmit = 0;
  const emit = (force = false) => {
    const t = Date.now();
    if (!force && t - lastEmit < (control.progressIntervalMs ?? 100)) return;
    lastEmit = t;
    const scopeCalls = scopes.reduce((sum, s) => sum + s.calls, 0);
    progress.calls = totals.calls + scopeCalls;
    progress.throttles = totals.throttles + scopes.reduce((sum, s) => sum + s.throttles, 0);
    progress.nodes = scopes.reduce((sum, s) => sum + s.nodes, 0);
    progress.errors = scopes.filter((s) => s.state === 'failed').length;
    progress.scopesDone = scopes.filter((s) => s.state !== 'pending' && s.state !== 'running').length;
    control.onProgress?.(structuredClone(progress));
  };
  const fail = (message: string, failed: readonly ScopeResult[] = []): never => {
    progress.phase = 'failed';
    progress.message = message;
    emit(true);
    log(`audit ${runId} failed: ${message}`);
    throw new AuditFailed(message, failed);
  };

  const credentials =
    deps.credentials ??
    profileCredentials({
      ...(plan.profile ? { profile: plan.profile } : {}),
      ...(deps.mfaCodeProvider ? { mfaCodeProvider: deps.mfaCodeProvider } : {}),
      clientOptions: deps.clientOptions,
      region: homeRegionOf(plan),
    });
  emit(true);
  let accounts: AccountTarget[] = [];
  try {
    ({ accounts } = await resolveAccounts({ plan, credentials, clientOptions: deps.clientOptions, stats: totals, signal }));
  } catch (err) {
    if (signal.aborted) {
      progress.phase = 'cancelled';
      emit(true);
      throw new AuditFailed('The audit was cancelled before any scope was collected.');
    }
    fail(err instanceof AuditFailed ? err.message : redact(String(err)));
  }

  const work: { account: AccountTarget; scope: ScopeProgress; stats: CallStats }[] = [];
  for (const account of accounts) {
    const regions = account.regions.length ? account.regions : [Array.isArray(plan.regions) ? plan.regions.join(',') : 'all'];
    for (const region of regions) {
      const scope: ScopeProgress = {
        accountId: account.accountId,
        region,
        state: account.error ? 'failed' : 'pending',
        nodes: 0,
        calls: 0,
        throttles: 0,
        gaps: [],
        ...(account.error ? errorFields(account.error) : {}),
      };
      scopes.push(scope);
      if (!account.error) work.push({ account, scope, stats: emptyCallStats() });
    }
  }
  progress.scopesTotal = scopes.length;
  progress.phase = 'collecting';
  emit(true);
  log(`audit ${runId}: ${scopes.length} scopes over ${accounts.length} accounts`);

  const checks = Object.fromEntries(CHECK_STATUSES.map((status) => [status, 0])) as Record<CheckStatus, number>;
  /**
   * Each scope is evaluated and packed as soon as it is collected, in batches with a turn of
   * the event loop between them (other scopes' responses keep flowing): its raw facts and
   * checks (several KB a node) are then garbage, and a large fleet is never held whole.
   */
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
      packed.push(packNodes(nodes));
    }
    return packed;
  };
  const collected = new Map<ScopeProgress, { packed: PackedNodes[]; patching: Partial<PatchingSetup> }>();
  const durations: number[] = [];
  const limit = pLimit(plan.concurrency ?? 4);
  await Promise.all(
    work.map(({ account, scope, stats }) =>
      limit(async () => {
        if (signal.aborted) {
          scope.state = 'cancelled';
          return;
        }
        scope.state = 'running';
        emit();
        const began = Date.now();
        const clients = createClients(scope.region, account.credentials, deps.clientOptions, stats);
        const sync = () => {
          scope.calls = stats.calls;
          scope.throttles = stats.throttles;
        };
        const onAbort = () => clients.destroy();
        signal.addEventListener('abort', onAbort, { once: true });
        try {
          const result = await collectScope({
            accountId: account.accountId,
            region: scope.region,
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
            Object.assign(scope, errorFields(err instanceof ScopeFailure ? err.info : classifyScopeError(err, 'collection', scope.region)));
            log(`scope ${scope.accountId}/${scope.region} failed: ${scope.error}`);
          }
        } finally {
          signal.removeEventListener('abort', onAbort);
          clients.destroy();
          sync();
          durations.push(Date.now() - began);
          const pending = scopes.filter((s) => s.state === 'pending' || s.state === 'running').length;
          const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
          progress.etaMs = Math.round((pending * mean) / (plan.concurrency ?? 4));
          emit(true);
        }
      }),
    ),
  );
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
    fail(`No scope could be audited.\n${scopes.map((s) => `${s.accountId}/${s.region}: ${s.error ?? s.state}`).join('\n')}`, scopeResults);
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
  const snapshotId = deps.saveSnapshot({
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
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
  return { runId, snapshotId, status, scopes: scopeResults, nodes: nodeCount, checks, calls: { ...totals.byAction } };
}

const errorFields = (info: ScopeErrorInfo) => ({ error: info.message, errorCode: info.code, errorParams: info.params });
