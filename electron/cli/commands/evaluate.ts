/**
 * `patch-audit evaluate`: evaluates saved AWS CLI outputs against a catalog edition, offline.
 * Exit 0 when it evaluated (findings or not), 1 when --fail-on is met, 2 on bad input.
 */
import { Option } from 'commander';
import { CATALOG_EDITIONS, DEFAULT_CATALOG_ID, getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import type { Lang } from '../../../shared/model';
import { readAwsCliFiles } from '../awsCliFiles';
import { nodeFactsFromAwsCli } from '../awsCliNodeFacts';
import { type EvaluatedNode, toJsonDocument, toTable } from '../evaluateOutput';
import { UsageError } from '../io';
import { printErr, printOut, terminalJson } from '../terminal';
import type { RegisterCommand } from './index';

interface EvaluateOptions {
  catalog: string;
  now?: string;
  scanAgeDays: string;
  json?: boolean;
  failOn?: 'fail' | 'warn';
  lang: Lang;
}

function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  // Only full ISO 8601 date-times: Date.parse would also accept ambiguous local formats.
  const date = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? new Date(value)
    : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO 8601 time such as 2022-06-15T09:00:00Z, got "${value}"`);
  return date;
}

function parseScanAgeDays(value: string): number {
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new UsageError(`--scan-age-days must be a positive number, got "${value}"`);
  return days;
}

export const registerEvaluate: RegisterCommand = (program, setExitCode) => {
  program
    .command('evaluate')
    .description(
      'Evaluate AWS CLI JSON outputs (describe-instance-information, describe-instance-patch-states, get-inventory, and optionally ec2 describe-instances / describe-route-tables / describe-vpc-endpoints) against the prerequisites.',
    )
    .argument('<file...>', 'JSON files as the AWS CLI writes them')
    .option('--catalog <edition>', `catalog edition (${CATALOG_EDITIONS.map((edition) => edition.id).join(', ')})`, DEFAULT_CATALOG_ID)
    .option('--now <time>', 'evaluate as of this ISO 8601 time (default: now)')
    .option('--scan-age-days <n>', 'a patch scan older than this many days fails patch.scan-age', '7')
    .option('--json', 'print one JSON document')
    .addOption(new Option('--fail-on <status>', 'exit 1 when any check has this status (warn includes fail)').choices(['fail', 'warn']))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'ja']).default('en'))
    .action(async (files: string[], opts: EvaluateOptions) => {
      const catalog = getCatalog(opts.catalog);
      if (!catalog) {
        throw new UsageError(
          `unknown catalog edition "${opts.catalog}" (available: ${CATALOG_EDITIONS.map((edition) => edition.id).join(', ')})`,
        );
      }
      const now = parseNow(opts.now);
      const scanAgeDays = parseScanAgeDays(opts.scanAgeDays);
      const { facts, notes } = nodeFactsFromAwsCli(await readAwsCliFiles(files));
      for (const note of notes) printErr(`patch-audit: ${note}`);

      const nodes: EvaluatedNode[] = facts.map((node) => ({
        instanceId: node.instanceId,
        name: node.name,
        platform: platformOf(node),
        checks: evaluateNode(node, { catalog, now, scanAgeDays }),
      }));
      printOut(
        opts.json ? terminalJson(toJsonDocument(catalog.id, now, scanAgeDays, nodes, opts.lang)) : toTable(catalog.id, nodes, opts.lang),
      );
      const failing = opts.failOn === 'warn' ? ['fail', 'warn'] : opts.failOn === 'fail' ? ['fail'] : [];
      if (nodes.some((node) => node.checks.some((check) => failing.includes(check.status)))) setExitCode(1);
    });
};
