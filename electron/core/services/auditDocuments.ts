/**
 * What an audit outcome is as a document: the `--json` documents of an outcome, of an audit that
 * failed and of one kept in a file, and its plain-text summary (`patch-audit audit` prints them).
 */
import { countScopes, type AuditOutcome, type ScopeCounts } from '../../../shared/auditPlan';
import type { ScopeResult } from '../../../shared/model';
import { scopeErrorText, scopeRegionText } from '../../../shared/scopeErrors';
import { AuditFailed } from '../audit/runAudit';
import { SnapshotSpilledError } from '../errors';

/** Why a source could not be read: the AWS error code and the reason in English. */
function gapReasons(s: ScopeResult) {
  return Object.fromEntries(
    s.gaps.flatMap((gap) => {
      const reason = s.gapErrors?.[gap];
      return reason ? [[gap, { code: reason.errorParams.name ?? reason.errorCode, message: scopeErrorText(reason, 'en') }]] : [];
    }),
  );
}

function scopeDocument(s: ScopeResult) {
  return {
    account: s.accountId,
    region: s.region,
    status: s.status,
    ...(s.error ? { error: s.error } : {}),
    ...(s.errorCode ? { errorCode: s.errorCode } : {}),
    nodes: s.nodes,
    ...(s.gaps.length ? { gaps: s.gaps, gapErrors: gapReasons(s) } : {}),
  };
}

export function outcomeDocument(outcome: AuditOutcome) {
  return {
    snapshotId: outcome.snapshotId,
    status: outcome.status,
    scopes: outcome.scopes.map(scopeDocument),
    scopeCounts: outcome.scopeCounts,
    nodes: outcome.nodes,
    checks: outcome.checks,
    calls: outcome.calls,
  };
}

/** The `--json` document when nothing could be audited: no snapshot, the reason, each scope's. */
function failureDocument(err: AuditFailed) {
  const [headline = ''] = err.message.split('\n');
  return {
    snapshotId: null,
    status: 'failed',
    error: headline,
    scopes: err.scopes.map(scopeDocument),
    scopeCounts: countScopes(err.scopes),
    nodes: 0,
  };
}

/** The `--json` document when the disk was full: no snapshot, the reason, and the file that keeps the audit. */
function spilledDocument(err: SnapshotSpilledError) {
  return { snapshotId: null, status: 'kept', error: err.message, spillFile: err.spillFile };
}

/**
 * What an audit that saved no snapshot leaves to report: its message (one reason per line, the
 * scopes' indented), its `--json` document, and whether the audit is kept in a file (then it
 * still counts as done); undefined for an error that is not an audit's outcome.
 */
export function auditErrorReport(err: unknown): { message: string; document: object; kept: boolean } | undefined {
  if (err instanceof AuditFailed) return { message: err.message.replace(/\n/g, '\n  '), document: failureDocument(err), kept: false };
  if (err instanceof SnapshotSpilledError) return { message: err.message, document: spilledDocument(err), kept: true };
  return undefined;
}

/** Every scope counted as what it is (issue 27): only collected scopes finished. */
function scopeCountsText(c: ScopeCounts): string {
  const line = `Scopes: ${c.collected} of ${c.total} collected, ${c.failed} failed, ${c.cancelled} cancelled`;
  if (!c.accountLevel) return line;
  return `${line}\n  ${c.accountLevel} of them ${c.accountLevel === 1 ? 'is an account' : 'are accounts'} never reached under --regions all: one scope each, its regions unknown without the account`;
}

export function auditSummaryText(outcome: AuditOutcome): string {
  const lines = [
    `Snapshot ${outcome.snapshotId} saved (${outcome.status === 'complete' ? 'complete' : 'partial: finished with gaps'}): ${outcome.nodes} nodes`,
    scopeCountsText(outcome.scopeCounts),
  ];
  for (const s of outcome.scopes) {
    lines.push(
      `  ${s.accountId} ${scopeRegionText(s.region, 'en').padEnd(16)} ${s.status.padEnd(9)} ${String(s.nodes).padStart(6)} nodes${s.error ? `  ${s.error}` : ''}`,
    );
    // Each source that could not be read on its own line, with why: the checks that need it are unknown.
    const reasons = gapReasons(s);
    for (const gap of s.gaps) lines.push(`      not read: ${gap}${reasons[gap] ? ` — ${reasons[gap].message}` : ''}`);
  }
  lines.push(
    `Checks: ${Object.entries(outcome.checks)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ')}`,
  );
  lines.push(`Calls: ${Object.values(outcome.calls).reduce((a, b) => a + b, 0)}`);
  return `${lines.join('\n')}\n`;
}
