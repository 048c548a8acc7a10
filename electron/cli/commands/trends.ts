/** `patch-audit trends`: nodes, ready nodes, compliance and missing patches over time, from the store. */
import { Option } from 'commander';
import { trendsText, validInput, type TrendQuery } from '../../core';
import { parseList } from '../options';
import { terminalValue } from '../terminal';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

interface TrendsOptions extends DbOptions {
  accounts?: string;
  regions?: string;
  rule?: string;
  from?: string;
  to?: string;
  groupBy: NonNullable<TrendQuery['groupBy']>;
}

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
  ).action((opts: TrendsOptions) =>
    useServices(opts, ({ fleet }) => {
      // The rule id, the lists and the dates are checked by the query's schema, as the app's are.
      const query = validInput('trends:query', {
        accountIds: parseList(opts.accounts),
        regions: parseList(opts.regions),
        groupBy: opts.groupBy,
        ...(opts.rule === undefined ? {} : { rules: [opts.rule] }),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
      });
      const points = fleet.trends(query);
      if (opts.json) return printJson(points);
      print(trendsText(points, query, terminalValue));
    }),
  );
};
