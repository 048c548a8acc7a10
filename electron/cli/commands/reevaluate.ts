/** `patch-audit reevaluate ID`: a saved snapshot judged again offline, into a new derived snapshot. */
import { editionList, editionWithId } from '../../../shared/catalog';
import { parseId, parseNow, parseNumber } from '../options';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerReevaluate: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('reevaluate')
      .argument('<id>', 'snapshot id')
      .requiredOption('--catalog <edition>', `catalog edition: ${editionList('en')}`)
      .option('--scan-age-days <n>', 'patch.scan-age threshold (default: the snapshot’s)')
      .option('--now <time>', 'measure scan age from this ISO time (default: when the audit finished)')
      .description('evaluate a saved snapshot again, offline, into a new derived snapshot'),
  ).action((id: string, opts: DbOptions & { catalog: string; scanAgeDays?: string; now?: string }) =>
    useServices(opts, ({ snapshots }) => {
      const sourceId = parseId(id);
      const derived = snapshots.reevaluate(sourceId, {
        catalogEdition: opts.catalog,
        ...(opts.scanAgeDays === undefined ? {} : { scanAgeDays: parseNumber(opts.scanAgeDays) }),
        ...(opts.now === undefined ? {} : { now: parseNow(opts.now) }),
      });
      if (opts.json) return printJson({ snapshot: derived.id, derivedFrom: sourceId });
      print(
        `Re-evaluated #${sourceId} with ${editionWithId(derived.catalogEdition, 'en')} (scan age ${derived.scanAgeDays} days) into #${derived.id}.`,
      );
    }),
  );
};
