/** `patch-audit import FILE`: the snapshots of an export file, all or nothing, each content once. */
import { importText } from '../../core';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerImport: RegisterCommand = (program) => {
  withDbOptions(
    program.command('import').argument('<file>', 'an export file').description('import the snapshots of an export file (all or nothing)'),
  ).action((file: string, opts: DbOptions) =>
    useServices(
      opts,
      async ({ snapshots }) => {
        const { imported, alreadyPresent, repeatedInFile } = await snapshots.importFile(file);
        if (opts.json) return printJson({ imported, alreadyPresent, repeatedInFile });
        print(importText({ imported, alreadyPresent, repeatedInFile }));
      },
      true,
    ),
  );
};
