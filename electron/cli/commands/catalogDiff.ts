/** `patch-audit catalog-diff S`: what changes for a snapshot's nodes under another catalog edition, offline. */
import { Option } from 'commander';
import { CATALOG_EDITIONS, CURRENT_CATALOG_ID, editionList, editionWithId } from '../../../shared/catalog';
import { parseId, parseNumber } from '../options';
import type { RegisterCommand } from './index';
import { print, printJson, table, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerCatalogDiff: RegisterCommand = (program) => {
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
      const c = fleet.editionChanges(parseId(snapshot), opts.catalog, parseNumber(opts.limit));
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
};
