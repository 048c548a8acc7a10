/**
 * `patch-audit audit`: the same audit as the desktop app, headless. Progress goes to stderr as
 * a progress bar when it is a terminal; `--json` prints one document at the end, also when
 * nothing could be audited (then with the reasons, so a script reads them the same way). Exit 0
 * when a snapshot was saved (even partial) or, the disk being full, kept in an export file
 * (`spillFile` in the JSON), 1 when nothing could be audited or kept, 2 on bad options.
 */
import { createInterface } from 'node:readline/promises';
import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import {
  AuditPlan,
  countScopes,
  DEFAULT_CONCURRENCY,
  settledScopes,
  type AuditOutcome,
  type AuditProgress,
  type ScopeCounts,
} from '../../../shared/auditPlan';
import type { ScopeResult } from '../../../shared/model';
import { scopeErrorText, scopeRegionText } from '../../../shared/scopeErrors';
import { CATALOG_EDITIONS, editionList } from '../../../shared/catalog';
import { AuditFailed, SnapshotSpilledError, type Services } from '../../core';
import { withCore } from '../cliCore';
import { UsageError, type SetExitCode } from '../io';
import { printErr, printOut, terminalJson } from '../terminal';
import type { RegisterCommand } from './index';
import { parseScanAgeDays } from './storeOptions';

interface AuditOptions {
  profile?: string;
  regions: string;
  homeRegion?: string;
  accounts?: string;
  org?: boolean;
  include?: string;
  exclude?: string;
  roleName?: string;
  externalId?: string;
  concurrency: string;
  catalog?: string;
  scanAgeDays?: string;
  label?: string;
  client?: string;
  engagement?: string;
  db?: string;
  json?: boolean;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function planFromOptions(opts: AuditOptions, env: NodeJS.ProcessEnv = process.env): AuditPlan {
  if (opts.accounts && opts.org) throw new UsageError('use either --accounts or --org, not both');
  const externalId = opts.externalId ?? env.PATCH_AUDIT_EXTERNAL_ID;
  let targets: unknown = { kind: 'self' };
  if (opts.accounts || opts.org) {
    if (!opts.roleName) throw new UsageError('--role-name is required with --accounts or --org');
    targets = opts.accounts
      ? { kind: 'accounts', accountIds: list(opts.accounts), roleName: opts.roleName, ...(externalId ? { externalId } : {}) }
      : {
          kind: 'organization',
          roleName: opts.roleName,
          ...(externalId ? { externalId } : {}),
          ...(opts.include ? { include: list(opts.include) } : {}),
          ...(opts.exclude ? { exclude: list(opts.exclude) } : {}),
        };
  }
  const parsed = AuditPlan.safeParse({
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.homeRegion ? { homeRegion: opts.homeRegion } : {}),
    regions: opts.regions === 'all' ? 'all' : list(opts.regions),
    targets,
    concurrency: Number(opts.concurrency),
    ...(opts.label ? { label: opts.label } : {}),
    ...(opts.client ? { client: opts.client } : {}),
    ...(opts.engagement ? { engagement: opts.engagement } : {}),
  });
  if (!parsed.success) {
    // Issues name the field, never echo the external id's value.
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

function progressBar(enabled: boolean) {
  if (!enabled) return { update: (_p: AuditProgress) => {}, stop: () => {} };
  const bar = new SingleBar({
    format:
      ' {bar} {percentage}% | scopes {value}/{total} | {nodes} nodes | {calls} calls | {throttles} throttled | {errors} failed | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: false,
    stream: process.stderr,
  });
  let started = false;
  return {
    update: (p: AuditProgress) => {
      const c = p.scopeCounts;
      const payload = { nodes: p.nodes, calls: p.calls, throttles: p.throttles, errors: c.failed };
      if (!started && c.total > 0) {
        bar.start(c.total, settledScopes(c), payload);
        started = true;
      } else if (started) {
        // Scopes are known account by account as each is resolved, while the first ones already run.
        if (c.total !== bar.getTotal()) bar.setTotal(c.total);
        bar.update(settledScopes(c), payload);
      }
    },
    stop: () => started && bar.stop(),
  };
}

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
export function failureDocument(err: AuditFailed) {
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
export function spilledDocument(err: SnapshotSpilledError) {
  return { snapshotId: null, status: 'kept', error: err.message, spillFile: err.spillFile };
}

async function askMfa(serial: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`the profile needs an MFA code for ${serial}, but there is no terminal to ask on`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`MFA code for ${serial}: `)).trim();
  } finally {
    rl.close();
  }
}

export const registerAudit: RegisterCommand = (program, setExitCode) => {
  program
    .command('audit')
    .description('Audit managed nodes in one or more accounts and regions (read-only) and save a snapshot.')
    .option('--profile <name>', 'AWS profile from the shared config files (default: the standard credential chain)')
    .option('--regions <list>', 'comma-separated regions, or "all" for every enabled region', 'all')
    .option('--home-region <region>', 'region for STS and Organizations calls (default: first region, or us-east-1)')
    .option('--accounts <ids>', 'comma-separated account ids to audit through --role-name')
    .option('--org', 'discover the accounts with AWS Organizations (management or delegated account)')
    .option('--include <ids>', 'with --org: only these account ids')
    .option('--exclude <ids>', 'with --org: skip these account ids')
    .option('--role-name <name>', 'role to assume in each audited account')
    .option('--external-id <id>', 'external id the role requires (or set PATCH_AUDIT_EXTERNAL_ID to keep it out of the process list)')
    .option('--concurrency <n>', 'scopes (account × region) collected at once', String(DEFAULT_CONCURRENCY))
    .addOption(
      new Option('--catalog <edition>', `catalog edition (default: the app setting): ${editionList('en')}`).choices(
        CATALOG_EDITIONS.map((e) => e.id),
      ),
    )
    .option('--scan-age-days <n>', 'patch.scan-age threshold (default: the app setting)')
    .option('--label <text>', 'snapshot label')
    .option('--client <text>', 'client name recorded with the snapshot')
    .option('--engagement <text>', 'engagement recorded with the snapshot')
    .option('--db <path>', 'database file (default: the app database)')
    .option('--json', 'print one JSON document at the end')
    .action(async (opts: AuditOptions) => {
      const plan = planFromOptions(opts);
      const scanAgeDays = opts.scanAgeDays === undefined ? undefined : parseScanAgeDays(opts.scanAgeDays);
      await withCore({ db: opts.db, create: true }, (core) => runCliAudit(core.services.audits, plan, opts, scanAgeDays, setExitCode));
    });
};

async function runCliAudit(
  audits: Services['audits'],
  plan: AuditPlan,
  opts: AuditOptions,
  scanAgeDays: number | undefined,
  setExitCode: SetExitCode,
): Promise<void> {
  const bar = progressBar(Boolean(process.stderr.isTTY));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const outcome = await audits.run(plan, {
      ...(opts.catalog ? { catalogEdition: opts.catalog } : {}),
      ...(scanAgeDays === undefined ? {} : { scanAgeDays }),
      mfaCodeProvider: askMfa,
      signal: controller.signal,
      onProgress: bar.update,
      progressIntervalMs: 200,
    });
    bar.stop();
    printOut(opts.json ? terminalJson(outcomeDocument(outcome)) : summaryText(outcome));
  } catch (err) {
    bar.stop();
    if (err instanceof AuditFailed) {
      printErr(`patch-audit: ${err.message.replace(/\n/g, '\n  ')}`);
      if (opts.json) printOut(terminalJson(failureDocument(err)));
      setExitCode(1);
      return;
    }
    if (err instanceof SnapshotSpilledError) {
      // Kept, not lost: the usual error line, and exit 0 as for any audit whose result exists.
      printErr(`patch-audit: ${err.message}`);
      if (opts.json) printOut(terminalJson(spilledDocument(err)));
      return;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Every scope counted as what it is (issue 27): only collected scopes finished. */
export function scopeCountsText(c: ScopeCounts): string {
  const line = `Scopes: ${c.collected} of ${c.total} collected, ${c.failed} failed, ${c.cancelled} cancelled`;
  if (!c.accountLevel) return line;
  return `${line}\n  ${c.accountLevel} of them ${c.accountLevel === 1 ? 'is an account' : 'are accounts'} never reached under --regions all: one scope each, its regions unknown without the account`;
}

function summaryText(outcome: AuditOutcome): string {
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
