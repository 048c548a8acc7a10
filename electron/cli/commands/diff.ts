/** `patch-audit diff A B`: two snapshots compared, nodes added and removed, checks fixed and regressed. */
import { parseId, parseNumber } from '../options';
import type { RegisterCommand } from './index';
import { print, printJson, table, useServices, withDbOptions, type DbOptions } from './storeOptions';

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
      const a = parseId(from);
      const b = parseId(to);
      const limit = parseNumber(opts.limit);
      const c = fleet.compare(a, b, limit);
      if (opts.json) return printJson(c);
      const t = c.totals;
      print(
        `#${a} → #${b}: ${t.added} added, ${t.removed} removed, ${t.fixed} fixed, ${t.regressions} regressions, ${t.newFailures} new failures`,
      );
      if (c.byArea.length) {
        print('');
        print(
          table(
            ['ACCOUNT', 'REGION', 'ADDED', 'REMOVED', 'FIXED', 'REGRESSIONS', 'NEW FAILURES'],
            c.byArea.map((r) => [r.accountId, r.region, r.added, r.removed, r.fixed, r.regressions, r.newFailures]),
          ),
        );
      }
      const changes = [
        ...c.regressions.map((x) => ({ kind: 'regression', ...x })),
        ...c.newFailures.map((x) => ({ kind: 'new failure', ...x })),
        ...c.fixed.map((x) => ({ kind: 'fixed', ...x })),
      ];
      if (changes.length) {
        print('');
        print(
          table(
            ['CHANGE', 'ACCOUNT', 'REGION', 'INSTANCE', 'NAME', 'RULE', 'BEFORE', 'AFTER'],
            changes.map((x) => [x.kind, x.accountId, x.region, x.instanceId, x.name ?? '', x.rule, x.before ?? '-', x.after ?? '-']),
          ),
        );
      }
    }),
  );
};
