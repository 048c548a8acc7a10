/**
 * The audit runner (docs/design.md §5): plan → accounts, resolved several at once → each one's
 * scopes, collected as soon as it is resolved and evaluated as each ends (`collectAccounts.ts`,
 * `evaluateAndPack.ts`) → one snapshot saved (`auditSnapshot.ts`). A failed scope is recorded with its reason while
 * the others complete; the snapshot is then `partial`. Cancelling stops new work, aborts calls
 * in flight, and saves what finished (also `partial`). Progress goes out as it runs
 * (`auditProgress.ts`).
 */
import { randomUUID } from 'node:crypto';
import { countScopes, type AuditOutcome, type AuditPlan, type AuditProgress } from '../../../shared/auditPlan';
import type { CatalogEdition } from '../../../shared/catalog';
import type { ScopeResult } from '../../../shared/model';
import { scopeRegionText } from '../../../shared/scopeErrors';
import { emptyCallStats } from '../aws/callStats';
import type { ClientOptions, Credentials } from '../aws/clients';
import { profileCredentials } from '../aws/credentials';
import { redact } from '../aws/redact';
import type { PackedSnapshotInput } from '../store';
import { progressReporter } from './auditProgress';
import { auditSnapshot } from './auditSnapshot';
import { collectAccounts, scopeResults, type Collection } from './collectAccounts';
import { ScopeEvaluator } from './evaluateAndPack';
import { AuditFailed, discoverAccounts, homeRegionOf, type Discovery, type ResolveContext } from './resolveScopes';

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
  const reporter = progressReporter({
    runId,
    startedAt,
    totals,
    onProgress: control.onProgress,
    intervalMs: control.progressIntervalMs ?? 100,
  });
  const fail = (message: string, failed: readonly ScopeResult[] = []): never => {
    reporter.phase('failed', message);
    log(`audit ${runId} failed: ${message}`);
    throw new AuditFailed(message, failed);
  };
  const cancelled = (message: string): never => {
    reporter.phase('cancelled');
    throw new AuditFailed(message);
  };
  try {
    const resolve: ResolveContext = {
      plan,
      credentials: auditCredentials(plan, deps),
      clientOptions: deps.clientOptions,
      stats: totals,
      signal,
    };
    reporter.emit(true);
    let discovery: Discovery = { callerAccount: '', accountIds: [] };
    try {
      discovery = await discoverAccounts(resolve);
    } catch (err) {
      if (signal.aborted) cancelled('The audit was cancelled before any scope was collected.');
      fail(err instanceof AuditFailed ? err.message : redact(String(err)));
    }
    reporter.progress.accountsTotal = discovery.accountIds.length;

    const evaluator = new ScopeEvaluator({ catalog: deps.catalog, scanAgeDays: deps.scanAgeDays, now });
    const collection = await collectAccounts({ resolve, discovery, reporter, evaluator, log, runId });
    const scopes = scopeResults(collection);
    const okScopes = collection.scopes.filter((s) => s.state === 'done');
    if (!okScopes.length) {
      if (signal.aborted) cancelled('The audit was cancelled before any scope finished; nothing was saved.');
      // One scope a line: several scopes' reasons run together are hard to tell apart.
      fail(`No scope could be audited.\n${failureLines(collection)}`, scopes);
    }

    reporter.phase('evaluating');
    // Stored in plan order, whatever order the scopes finished in.
    const packed = okScopes.flatMap((scope) => collection.collected.get(scope)!.packed);
    const unmanaged = okScopes.flatMap((scope) => collection.collected.get(scope)!.unmanaged);
    const nodes = okScopes.reduce((sum, scope) => sum + scope.nodes, 0);

    reporter.phase('saving');
    const snapshot = auditSnapshot({
      plan,
      catalog: deps.catalog,
      scanAgeDays: deps.scanAgeDays,
      startedAt,
      endedAt: now(),
      scopes,
      packed,
      unmanaged,
    });
    const snapshotId = deps.saveSnapshot(snapshot);
    const { status } = snapshot;
    reporter.phase(signal.aborted ? 'cancelled' : 'done');
    log(`audit ${runId} saved snapshot ${snapshotId} (${status}, ${nodes} nodes, ${collection.calls.calls} calls)`);
    return {
      runId,
      snapshotId,
      status,
      scopes,
      scopeCounts: countScopes(scopes),
      nodes,
      checks: evaluator.checks,
      calls: { ...collection.calls.byAction },
    };
  } finally {
    reporter.stop();
  }
}

/** The plan's profile, or the credentials the caller gave. */
function auditCredentials(plan: AuditPlan, deps: AuditDeps): Credentials {
  return (
    deps.credentials ??
    profileCredentials({
      ...(plan.profile ? { profile: plan.profile } : {}),
      ...(deps.mfaCodeProvider ? { mfaCodeProvider: deps.mfaCodeProvider } : {}),
      clientOptions: deps.clientOptions,
      region: homeRegionOf(plan),
    })
  );
}

/** Each scope and why it was not audited, a line each. */
const failureLines = ({ scopes }: Collection): string =>
  scopes.map((s) => `${s.accountId}/${scopeRegionText(s.region, 'en')}: ${s.error ?? s.state}`).join('\n');
