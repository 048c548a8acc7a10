/**
 * `patch-audit export ID... -o FILE`, `patch-audit import FILE` and `patch-audit reevaluate ID`:
 * moving snapshots between machines and judging them again offline.
 */
import { resolve } from 'node:path';
import { editionList, editionWithId } from '../../../shared/catalog';
import { UsageError } from '../io';
import type { RegisterCommand } from './index';
import { parseId, parseScanAgeDays, print, printJson, useServices, withDbOptions } from './storeOptions';
import type { DbOptions } from './storeOptions';

export const registerArchive: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('export')
      .argument('<id...>', 'snapshot ids')
      .requiredOption('-o, --output <file>', 'the export file to write')
      .description('export snapshots to one portable file (gzip, checksummed)'),
  ).action((ids: string[], opts: DbOptions & { output: string }) =>
    useServices(opts, ({ snapshots }) => {
      const wanted = ids.map((id) => parseId(id));
      const file = resolve(opts.output);
      snapshots.exportTo(wanted, file);
      if (opts.json) return printJson({ file, snapshots: wanted });
      print(`Exported ${wanted.length} snapshot(s) to ${file}.`);
    }),
  );

  withDbOptions(
    program.command('import').argument('<file>', 'an export file').description('import the snapshots of an export file (all or nothing)'),
  ).action((file: string, opts: DbOptions) =>
    useServices(
      opts,
      async ({ snapshots }) => {
        const { imported, alreadyPresent, repeatedInFile } = await snapshots.importFile(file);
        if (opts.json) return printJson({ imported, alreadyPresent, repeatedInFile });
        const ids = (list: readonly number[]) => list.map((id) => `#${id}`).join(', ');
        print(`Imported ${imported.length} snapshot(s)${imported.length ? `: ${ids(imported)}` : ''}.`);
        if (alreadyPresent.length) print(`Already present, not added again: ${ids(alreadyPresent)}.`);
        if (repeatedInFile.length) print(`Held more than once in the file, added once: ${ids(repeatedInFile)}.`);
      },
      true,
    ),
  );

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
      const scanAgeDays = opts.scanAgeDays === undefined ? undefined : parseScanAgeDays(opts.scanAgeDays);
      const now = opts.now === undefined ? undefined : new Date(opts.now);
      if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO 8601 time, got "${opts.now}"`);
      const sourceId = parseId(id);
      const derived = snapshots.reevaluate(sourceId, {
        catalogEdition: opts.catalog,
        ...(scanAgeDays === undefined ? {} : { scanAgeDays }),
        ...(now ? { now } : {}),
      });
      if (opts.json) return printJson({ snapshot: derived.id, derivedFrom: sourceId });
      print(
        `Re-evaluated #${sourceId} with ${editionWithId(derived.catalogEdition, 'en')} (scan age ${derived.scanAgeDays} days) into #${derived.id}.`,
      );
    }),
  );
};
