/** `patch-audit import FILE`: the snapshots of an export file, all or nothing, each content once. */
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

const idList = (ids: readonly number[]): string => ids.map((id) => `#${id}`).join(', ');

export const registerImport: RegisterCommand = (program) => {
  withDbOptions(
    program.command('import').argument('<file>', 'an export file').description('import the snapshots of an export file (all or nothing)'),
  ).action((file: string, opts: DbOptions) =>
    useServices(
      opts,
      async ({ snapshots }) => {
        const { imported, alreadyPresent, repeatedInFile } = await snapshots.importFile(file);
        if (opts.json) return printJson({ imported, alreadyPresent, repeatedInFile });
        print(`Imported ${imported.length} snapshot(s)${imported.length ? `: ${idList(imported)}` : ''}.`);
        if (alreadyPresent.length) print(`Already present, not added again: ${idList(alreadyPresent)}.`);
        if (repeatedInFile.length) print(`Held more than once in the file, added once: ${idList(repeatedInFile)}.`);
      },
      true,
    ),
  );
};
