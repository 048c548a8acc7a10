/**
 * `patch-audit evaluate`: evaluates saved AWS CLI outputs against a catalog edition, offline.
 * Exit 0 when it evaluated (findings or not), 1 when --fail-on is met, 2 on bad input.
 */
import { Option } from 'commander';
import { DEFAULT_CATALOG_ID, editionList } from '../../../shared/catalog';
import type { Lang } from '../../../shared/model';
import { COLLECT_COMMANDS, evaluateAwsCliFiles, evaluationText, requireCatalog } from '../../core';
import { parseNow, parseNumber } from '../options';
import { printErr, printOut, terminalJson, terminalValue } from '../terminal';
import type { RegisterCommand } from './index';

interface EvaluateOptions {
  catalog: string;
  now?: string;
  scanAgeDays: string;
  json?: boolean;
  failOn?: 'fail' | 'warn';
  lang: Lang;
}

export const registerEvaluate: RegisterCommand = (program, setExitCode) => {
  program
    .command('evaluate')
    .description(
      'Evaluate AWS CLI JSON outputs (describe-instance-information, describe-instance-patch-states, get-inventory, and optionally describe-instance-patches per node, ec2 describe-instances / describe-route-tables / describe-vpc-endpoints, ssm get-service-setting) against the prerequisites, and list the EC2 instances that are not managed nodes with their causes.',
    )
    .argument('<file...>', 'JSON files as the AWS CLI writes them')
    .addHelpText('after', COLLECT_COMMANDS)
    .option('--catalog <edition>', `catalog edition: ${editionList('en')}`, DEFAULT_CATALOG_ID)
    .option('--now <time>', 'evaluate as of this ISO 8601 time (default: now)')
    .option('--scan-age-days <n>', 'a patch scan older than this many whole days (1–365) fails patch.scan-age', '7')
    .option('--json', 'print one JSON document')
    .addOption(new Option('--fail-on <status>', 'exit 1 when any check has this status (warn includes fail)').choices(['fail', 'warn']))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'ja']).default('en'))
    .action(async (files: string[], opts: EvaluateOptions) => {
      const catalog = requireCatalog(opts.catalog);
      const now = opts.now === undefined ? new Date() : parseNow(opts.now);
      const scanAgeDays = parseNumber(opts.scanAgeDays);
      const { nodes, unmanaged, notes, document } = await evaluateAwsCliFiles({ files, catalog, now, scanAgeDays, lang: opts.lang });
      for (const note of notes) printErr(`patch-audit: ${note}`);
      printOut(opts.json ? terminalJson(document) : evaluationText(catalog.id, nodes, opts.lang, terminalValue, unmanaged));
      const failing = opts.failOn === 'warn' ? ['fail', 'warn'] : opts.failOn === 'fail' ? ['fail'] : [];
      if (nodes.some((node) => node.checks.some((check) => failing.includes(check.status)))) setExitCode(1);
    });
};
