/**
 * `patch-audit diff A B`, `patch-audit catalog-diff S` and `patch-audit trends`: history
 * questions answered from the store.
 */
import { Option } from 'commander';
import { CATALOG_EDITIONS, CURRENT_CATALOG_ID, editionList, editionWithId } from '../../../shared/catalog';
import { RuleId } from '../../../shared/model';
import type { TrendQuery } from '../../core';
import { UsageError } from '../io';
import type { RegisterCommand } from './index';
import { countOrUnknown, parseId, patchBasis, pct, print, printJson, table, useServices, withDbOptions } from './storeOptions';
import type { DbOptions } from './storeOptions';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const registerHistory: RegisterCommand = (program) => {
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
      const limit = parseId(opts.limit, '--limit');
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

  withDbOptions(
    program
      .command('catalog-diff')
      .argument('<snapshot>', 'the snapshot id')
      .description(
        "what changes for a snapshot's nodes under another catalog edition (no AWS call): checks, ready nodes per rule, platform and account",
      )
      .addOption(
        new Option('--catalog <edition>', `the edition to compare with: ${editionList('en')}`)
          .choices(CATALOG_EDITIONS.map((edition) => edition.id))
          .default(CURRENT_CATALOG_ID),
      )
      .option('--limit <n>', 'list at most n changed checks', '20'),
  ).action((snapshot: string, opts: DbOptions & { catalog: string; limit: string }) =>
    useServices(opts, ({ fleet }) => {
      const c = fleet.editionChanges(parseId(snapshot), opts.catalog, parseId(opts.limit, '--limit'));
      if (opts.json) return printJson(c);
      const t = c.totals;
      print(
        `#${c.snapshotId} under ${editionWithId(c.from, 'en')} → ${editionWithId(c.to, 'en')}: ${t.changedNodes} of ${t.nodes} nodes change (${t.changedChecks} checks); ready ${t.readyBefore} → ${t.readyAfter}`,
      );
      if (c.byRule.length) {
        print('');
        print(
          table(
            ['RULE', 'CHANGED', 'TRANSITIONS'],
            c.byRule.map((r) => [r.rule, r.changed, r.transitions.map((x) => `${x.before}→${x.after} ${x.nodes}`).join(', ')]),
          ),
        );
      }
      const groups = [
        { head: 'PLATFORM', rows: c.byPlatform.map((p) => ({ name: p.platform, ...p })) },
        { head: 'ACCOUNT', rows: c.byAccount.map((a) => ({ name: a.accountId, ...a })) },
      ];
      for (const { head, rows } of groups) {
        if (!rows.length) continue;
        print('');
        print(
          table(
            [head, 'NODES', 'CHANGED', 'READY BEFORE', 'READY AFTER'],
            rows.map((r) => [r.name, r.nodes, r.changedNodes, r.readyBefore, r.readyAfter]),
          ),
        );
      }
      if (c.changes.length) {
        print('');
        print(
          table(
            ['ACCOUNT', 'REGION', 'INSTANCE', 'NAME', 'RULE', 'BEFORE', 'AFTER', 'CODE AFTER'],
            c.changes.map((x) => [x.accountId, x.region, x.instanceId, x.name ?? '', x.rule, x.before ?? '-', x.after ?? '-', x.afterCode]),
          ),
        );
      }
    }),
  );

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
          accountIds: list(opts.accounts),
          regions: list(opts.regions),
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
