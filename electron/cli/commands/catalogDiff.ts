/** `patch-audit catalog-diff S`: what changes for a snapshot's nodes under another catalog edition, offline. */
import { Option } from 'commander';
import { CATALOG_EDITIONS, CURRENT_CATALOG_ID, editionList } from '../../../shared/catalog';
import { editionChangesText } from '../../core';
import { parseId, parseNumber } from '../options';
import { terminalValue } from '../terminal';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

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
      print(editionChangesText(c, terminalValue));
    }),
  );
};
