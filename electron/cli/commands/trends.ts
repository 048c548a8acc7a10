/** `patch-audit trends`: nodes, ready nodes, compliance and missing patches over time, from the store. */
import { Option } from 'commander';
import { RuleId } from '../../../shared/model';
import type { TrendQuery } from '../../core';
import { UsageError } from '../io';
import { parseList } from '../options';
import type { RegisterCommand } from './index';
import { countOrUnknown, patchBasis, pct, print, printJson, table, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerTrends: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('trends')
      .description('nodes, ready nodes, compliance and missing patches over time, from every saved snapshot')
      .option('--accounts <ids>', 'comma-separated account ids')
      .option('--regions <names>', 'comma-separated regions')
      .option('--rule <rule>', 'also show pass/fail counts of this rule')
      .option('--from <date>', 'from this ISO date')
      .option('--to <date>', 'up to this ISO date')
      .addOption(new Option('--group-by <what>', 'one series per').choices(['total', 'account', 'region', 'area']).default('total')),
  ).action(
    (
      opts: DbOptions & {
        accounts?: string;
        regions?: string;
        rule?: string;
        from?: string;
        to?: string;
        groupBy: NonNullable<TrendQuery['groupBy']>;
      },
    ) =>
      useServices(opts, ({ fleet }) => {
        const rule = opts.rule === undefined ? undefined : RuleId.safeParse(opts.rule);
        if (rule && !rule.success) throw new UsageError(`unknown rule "${opts.rule}" (rules: ${RuleId.options.join(', ')})`);
        const points = fleet.trends({
          accountIds: parseList(opts.accounts),
          regions: parseList(opts.regions),
          groupBy: opts.groupBy,
          ...(rule?.data ? { rules: [rule.data] } : {}),
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
        });
        if (opts.json) return printJson(points);
        if (!points.length) return print('No snapshots match.');
        const r = rule?.data;
        const head = [
          'SNAPSHOT',
          'STARTED',
          ...(opts.groupBy === 'account' || opts.groupBy === 'area' ? ['ACCOUNT'] : []),
          ...(opts.groupBy === 'region' || opts.groupBy === 'area' ? ['REGION'] : []),
          'NODES',
          'READY',
          'PATCH READ',
          'COMPLIANT',
          'MISSING CRIT',
          'MISSING SEC',
          'OPEN CVES',
          'CRITICAL CVES',
          ...(r ? [`${r} PASS`, `${r} FAIL`] : []),
        ];
        print(
          table(
            head,
            points.map((p) => [
              p.snapshotId,
              p.startedAt,
              ...(p.accountId === undefined ? [] : [p.accountId]),
              ...(p.region === undefined ? [] : [p.region]),
              p.nodes,
              p.ready,
              patchBasis(p),
              pct(p.compliancePct),
              countOrUnknown(p.missingCritical),
              countOrUnknown(p.missingSecurity),
              countOrUnknown(p.openCves),
              countOrUnknown(p.openCriticalCves),
              ...(r ? [p.rules[r]?.pass ?? 0, (p.rules[r]?.fail ?? 0) + (p.rules[r]?.warn ?? 0)] : []),
            ]),
          ),
        );
      }),
  );
};
