/** `patch-audit diff A B`: two snapshots compared, nodes added and removed, checks fixed and regressed. */
import { comparisonText } from '../../core';
import { parseId, parseNumber } from '../options';
import { terminalValue } from '../terminal';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerDiff: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('diff')
      .argument('<from>', 'the earlier snapshot id')
      .argument('<to>', 'the later snapshot id')
      .description('compare two snapshots: nodes added and removed, checks fixed, regressions, new failures')
      .option('--limit <n>', 'list at most n entries of each kind', '20'),
  ).action((from: string, to: string, opts: DbOptions & { limit: string }) =>
    useServices(opts, ({ fleet }) => {
      const comparison = fleet.compare(parseId(from), parseId(to), parseNumber(opts.limit));
      if (opts.json) return printJson(comparison);
      print(comparisonText(comparison, terminalValue));
    }),
  );
};
