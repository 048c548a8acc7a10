/**
 * `patch-audit export ID... -o FILE`, `patch-audit import FILE` and `patch-audit reevaluate ID`:
 * moving snapshots between machines and judging them again offline.
 */
import { resolve } from 'node:path';
import { CATALOG_EDITIONS, getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import { ExportTooLargeError, ImportError, exportSnapshots, importArchive, reevaluate } from '../../core/store';
import { UsageError } from '../io';
import type { RegisterCommand } from './index';
import { parseId, print, printJson, useStore, withDbOptions } from './storeOptions';
import type { DbOptions } from './storeOptions';

export const registerArchive: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('export')
      .argument('<id...>', 'snapshot ids')
      .requiredOption('-o, --output <file>', 'the export file to write')
      .description('export snapshots to one portable file (gzip, checksummed)'),
  ).action((ids: string[], opts: DbOptions & { output: string }) =>
    useStore(opts, (store) => {
      const wanted = ids.map((id) => parseId(id));
      const missing = wanted.filter((id) => !store.getSnapshot(id));
      if (missing.length) throw new UsageError(`snapshot ${missing.join(', ')} does not exist`);
      const file = resolve(opts.output);
      try {
        exportSnapshots(store, wanted, file);
      } catch (err) {
        if (err instanceof ExportTooLargeError) throw new UsageError(err.message);
        throw err;
      }
      if (opts.json) return printJson({ file, snapshots: wanted });
      print(`Exported ${wanted.length} snapshot(s) to ${file}.`);
    }),
  );

  withDbOptions(
    program.command('import').argument('<file>', 'an export file').description('import the snapshots of an export file (all or nothing)'),
  ).action((file: string, opts: DbOptions) =>
    useStore(
      opts,
      (store) => {
        let result: { ids: number[]; alreadyPresent: number[] };
        try {
          result = importArchive(store, file, { skipDuplicates: true });
        } catch (err) {
          if (err instanceof ImportError) throw new UsageError(`cannot import ${file}: ${err.message}`);
          throw err;
        }
        const imported = [...new Set(result.ids.filter((id) => !result.alreadyPresent.includes(id)))];
        if (opts.json) return printJson({ imported, alreadyPresent: result.alreadyPresent });
        print(`Imported ${imported.length} snapshot(s)${imported.length ? `: ${imported.map((id) => `#${id}`).join(', ')}` : ''}.`);
        if (result.alreadyPresent.length) {
          print(`Already present, not added again: ${result.alreadyPresent.map((id) => `#${id}`).join(', ')}.`);
        }
      },
      true,
    ),
  );

  withDbOptions(
    program
      .command('reevaluate')
      .argument('<id>', 'snapshot id')
      .requiredOption('--catalog <edition>', `catalog edition (${CATALOG_EDITIONS.map((e) => e.id).join(', ')})`)
      .option('--scan-age-days <n>', 'patch.scan-age threshold (default: the snapshot’s)')
      .option('--now <time>', 'measure scan age from this ISO time (default: when the audit finished)')
      .description('evaluate a saved snapshot again, offline, into a new derived snapshot'),
  ).action((id: string, opts: DbOptions & { catalog: string; scanAgeDays?: string; now?: string }) =>
    useStore(opts, (store) => {
      const catalog = getCatalog(opts.catalog);
      if (!catalog)
        throw new UsageError(`unknown catalog edition "${opts.catalog}" (available: ${CATALOG_EDITIONS.map((e) => e.id).join(', ')})`);
      const source = store.getSnapshot(parseId(id));
      if (!source) throw new UsageError(`snapshot ${id} does not exist`);
      const scanAgeDays = opts.scanAgeDays === undefined ? source.scanAgeDays : Number(opts.scanAgeDays);
      if (!Number.isFinite(scanAgeDays) || scanAgeDays <= 0)
        throw new UsageError(`--scan-age-days must be a positive number, got "${opts.scanAgeDays}"`);
      const now = opts.now === undefined ? undefined : new Date(opts.now);
      if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO 8601 time, got "${opts.now}"`);
      const derived = reevaluate(
        store,
        source.id,
        { catalogEdition: catalog.id, scanAgeDays, normalize: platformOf, ...(now ? { now } : {}) },
        (facts, o) => evaluateNode(facts, { catalog, now: o.now, scanAgeDays: o.scanAgeDays }),
      );
      if (opts.json) return printJson({ snapshot: derived, derivedFrom: source.id });
      print(`Re-evaluated #${source.id} with ${catalog.id} (scan age ${scanAgeDays} days) into #${derived}.`);
    }),
  );
};
