/** `patch-audit export ID... -o FILE`: snapshots to one portable file, to move them between machines. */
import { resolve } from 'node:path';
import { parseId } from '../options';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerExport: RegisterCommand = (program) => {
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
};
