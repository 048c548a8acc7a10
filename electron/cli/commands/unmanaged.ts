/**
 * `patch-audit unmanaged <snapshot>`: the EC2 instances that are not managed nodes and why
 * (issue 30), with the filters of the app's page, through the same `unmanaged:list` call. The
 * options are plural, as `trends`' are, so a refused value is named as the option it came from.
 */
import { Option } from 'commander';
import type { Lang } from '../../../shared/model';
import { unmanagedText, validInput } from '../../core';
import { parseId, parseList, parseNumber } from '../options';
import { terminalValue } from '../terminal';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

interface UnmanagedOptions extends DbOptions {
  accounts?: string;
  regions?: string;
  causes?: string;
  states?: string;
  search?: string;
  offset?: string;
  limit: string;
  lang: Lang;
}

export const registerUnmanaged: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('unmanaged')
      .argument('<snapshot>', 'the snapshot id')
      .description('the EC2 instances of a snapshot that are not managed by Systems Manager, each with why, and what to do per cause')
      .option('--accounts <ids>', 'comma-separated account ids')
      .option('--regions <names>', 'comma-separated regions')
      .option('--causes <ids>', 'comma-separated causes: stopped, noProfile, roleWithoutPolicy, noRoute, notDetermined')
      .option('--states <states>', 'comma-separated EC2 states: pending, running, shutting-down, stopping, stopped')
      .option('--search <text>', 'part of an instance id, Name tag, platform, VPC or subnet id')
      .option('--offset <n>', 'skip this many instances')
      .option('--limit <n>', 'list at most this many instances', '100')
      .addOption(new Option('--lang <lang>', 'language of the causes and what to do').choices(['en', 'ja']).default('en')),
  ).action((snapshot: string, opts: UnmanagedOptions) =>
    useServices(opts, ({ fleet }) => {
      // The causes, states and bounds are checked by the call's schema, as the app's page's are.
      const query = validInput('unmanaged:list', {
        snapshotId: parseId(snapshot),
        filters: {
          accountIds: parseList(opts.accounts),
          regions: parseList(opts.regions),
          causes: parseList(opts.causes),
          states: parseList(opts.states),
          ...(opts.search ? { search: opts.search } : {}),
        },
        ...(opts.offset === undefined ? {} : { offset: parseNumber(opts.offset) }),
        limit: parseNumber(opts.limit),
      });
      const page = fleet.unmanaged(query);
      if (opts.json) return printJson(page);
      print(unmanagedText(page, query.filters ?? {}, opts.lang, terminalValue));
    }),
  );
};
