/**
 * `patch-audit evaluate`: evaluates saved AWS CLI outputs against a catalog edition, offline.
 * Exit 0 when it evaluated (findings or not), 1 when --fail-on is met, 2 on bad input.
 */
import { Option } from 'commander';
import { DEFAULT_CATALOG_ID, editionList } from '../../../shared/catalog';
import { evaluateAwsCliFiles, INVENTORY_COMMAND, PATCHES_COMMAND, requireCatalog } from '../../core';
import type { Lang } from '../../../shared/model';
import { toTable } from '../evaluateOutput';
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

/**
 * The exact commands to hand a client, per shell, so the files arrive complete. The AWS CLI pages
 * through describe-instance-information and get-inventory itself; describe-instance-patch-states
 * requires instance ids (50 at most a call, as the live audit batches them), one file per batch;
 * describe-instance-patches answers for one node, so each node's file is named after it.
 */
export const COLLECT_COMMANDS = String.raw`
Collecting the files (one region at a time; add --region R --profile P as needed):

  bash:
    aws ssm describe-instance-information --output json > instance-information.json
    aws ssm describe-instance-information --query 'InstanceInformationList[].InstanceId' --output text \
      | tr '\t' '\n' | split -l 50 - ids-
    for f in ids-*; do aws ssm describe-instance-patch-states --output json --instance-ids $(cat "$f") > "patch-states-$f.json"; done
    for id in $(cat ids-*); do ${PATCHES_COMMAND} --output json > "patches-$id.json"; done
    ${INVENTORY_COMMAND} --output json > inventory.json
    aws ec2 describe-instances --output json > instances.json        # optional, with the next two
    aws ec2 describe-route-tables --output json > route-tables.json
    aws ec2 describe-vpc-endpoints --output json > vpc-endpoints.json
    patch-audit evaluate *.json

  PowerShell (Windows PowerShell 5.1 writes UTF-16; both that and UTF-8 are read):
    aws ssm describe-instance-information --output json > instance-information.json
    $ids = @((aws ssm describe-instance-information --query 'InstanceInformationList[].InstanceId' --output text) -split '\s+' | Where-Object { $_ })
    for ($i = 0; $i -lt $ids.Count; $i += 50) {
      aws ssm describe-instance-patch-states --output json --instance-ids $ids[$i..([Math]::Min($i + 49, $ids.Count - 1))] > "patch-states-$i.json"
    }
    foreach ($id in $ids) { ${PATCHES_COMMAND} --output json > "patches-$id.json" }
    ${INVENTORY_COMMAND} --output json > inventory.json
    aws ec2 describe-instances --output json > instances.json
    aws ec2 describe-route-tables --output json > route-tables.json
    aws ec2 describe-vpc-endpoints --output json > vpc-endpoints.json
    patch-audit evaluate (Get-ChildItem *.json)
`;

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
      'Evaluate AWS CLI JSON outputs (describe-instance-information, describe-instance-patch-states, get-inventory, and optionally describe-instance-patches per node, ec2 describe-instances / describe-route-tables / describe-vpc-endpoints) against the prerequisites.',
    )
    .argument('<file...>', 'JSON files as the AWS CLI writes them')
    .addHelpText('after', COLLECT_COMMANDS)
    .option('--catalog <edition>', `catalog edition: ${editionList('en')}`, DEFAULT_CATALOG_ID)
    .option('--now <time>', 'evaluate as of this ISO 8601 time (default: now)')
    .option('--scan-age-days <n>', 'a patch scan older than this many days fails patch.scan-age', '7')
    .option('--json', 'print one JSON document')
    .addOption(new Option('--fail-on <status>', 'exit 1 when any check has this status (warn includes fail)').choices(['fail', 'warn']))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'ja']).default('en'))
    .action(async (files: string[], opts: EvaluateOptions) => {
      const catalog = requireCatalog(opts.catalog);
      const now = parseNow(opts.now);
      const scanAgeDays = parseScanAgeDays(opts.scanAgeDays);
      const { nodes, notes, document } = await evaluateAwsCliFiles({ files, catalog, now, scanAgeDays, lang: opts.lang });
      for (const note of notes) printErr(`patch-audit: ${note}`);
      printOut(opts.json ? terminalJson(document) : toTable(catalog.id, nodes, opts.lang));
      const failing = opts.failOn === 'warn' ? ['fail', 'warn'] : opts.failOn === 'fail' ? ['fail'] : [];
      if (nodes.some((node) => node.checks.some((check) => failing.includes(check.status)))) setExitCode(1);
    });
};
