/**
 * `patch-audit audit`: the same audit as the desktop app, headless. Progress goes to stderr as
 * a progress bar when it is a terminal; `--json` prints one document at the end, also when
 * nothing could be audited (then with the reasons, so a script reads them the same way). Exit 0
 * when a snapshot was saved (even partial) or, the disk being full, kept in an export file
 * (`spillFile` in the JSON), 1 when nothing could be audited or kept, 2 on bad options.
 */
import { createInterface } from 'node:readline/promises';
import { Option } from 'commander';
import { DEFAULT_CONCURRENCY, type AuditPlan } from '../../../shared/auditPlan';
import { CATALOG_EDITIONS, editionList } from '../../../shared/catalog';
import { auditErrorReport, auditSummaryText, outcomeDocument, validInput, validRunOverrides, type Services } from '../../core';
import { progressBar } from '../progressBar';
import { withCore } from '../cliCore';
import { UsageError, type SetExitCode } from '../io';
import { parseList, parseNumber } from '../options';
import { printErr, printOut, terminalJson } from '../terminal';
import type { RegisterCommand } from './index';
import { dbOption } from './storeOptions';

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

export function planFromOptions(opts: AuditOptions, env: NodeJS.ProcessEnv = process.env): AuditPlan {
  if (opts.accounts && opts.org) throw new UsageError('use either --accounts or --org, not both');
  const externalId = opts.externalId ?? env.PATCH_AUDIT_EXTERNAL_ID;
  let targets: unknown = { kind: 'self' };
  if (opts.accounts || opts.org) {
    if (!opts.roleName) throw new UsageError('--role-name is required with --accounts or --org');
    targets = opts.accounts
      ? { kind: 'accounts', accountIds: parseList(opts.accounts), roleName: opts.roleName, ...(externalId ? { externalId } : {}) }
      : {
          kind: 'organization',
          roleName: opts.roleName,
          ...(externalId ? { externalId } : {}),
          ...(opts.include ? { include: parseList(opts.include) } : {}),
          ...(opts.exclude ? { exclude: parseList(opts.exclude) } : {}),
        };
  }
  // Checked before the database is opened, with the audit service's own check and message.
  return validInput('audit:start', {
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.homeRegion ? { homeRegion: opts.homeRegion } : {}),
    regions: opts.regions === 'all' ? 'all' : parseList(opts.regions),
    targets,
    concurrency: parseNumber(opts.concurrency),
    ...(opts.label ? { label: opts.label } : {}),
    ...(opts.client ? { client: opts.client } : {}),
    ...(opts.engagement ? { engagement: opts.engagement } : {}),
  });
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
    .addOption(dbOption())
    .option('--json', 'print one JSON document at the end')
    .action(async (opts: AuditOptions) => {
      const plan = planFromOptions(opts);
      const { scanAgeDays } = validRunOverrides(opts.scanAgeDays === undefined ? {} : { scanAgeDays: parseNumber(opts.scanAgeDays) });
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
    printOut(opts.json ? terminalJson(outcomeDocument(outcome)) : auditSummaryText(outcome));
  } catch (err) {
    bar.stop();
    const failed = auditErrorReport(err);
    if (!failed) throw err;
    printErr(`patch-audit: ${failed.message}`);
    if (opts.json) printOut(terminalJson(failed.document));
    // A spilled audit is kept, not lost: exit 0 as for any audit whose result exists.
    if (!failed.kept) setExitCode(1);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
