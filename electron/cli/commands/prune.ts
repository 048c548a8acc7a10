/** `patch-audit prune`: a retention policy applied to the local history. */
import { deletedText } from '../../core';
import { UsageError } from '../io';
import { parseNumber } from '../options';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerPrune: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('prune')
      .description('apply a retention policy: delete snapshots beyond the newest N and/or older than D days')
      .option('--keep-last <n>', 'keep the newest n snapshots')
      .option('--max-age-days <d>', 'delete snapshots started more than d days ago'),
  ).action((opts: DbOptions & { keepLast?: string; maxAgeDays?: string }) =>
    useServices(opts, ({ snapshots }) => {
      if (opts.keepLast === undefined && opts.maxAgeDays === undefined) throw new UsageError('give --keep-last, --max-age-days or both');
      let deleted: number[];
      try {
        deleted = snapshots.prune({
          ...(opts.keepLast === undefined ? {} : { keepLast: parseNumber(opts.keepLast) }),
          ...(opts.maxAgeDays === undefined ? {} : { maxAgeDays: parseNumber(opts.maxAgeDays) }),
        });
      } catch (err) {
        if (err instanceof RangeError) throw new UsageError(err.message);
        throw err;
      }
      if (opts.json) return printJson({ deleted });
      print(deletedText(deleted));
    }),
  );
};
