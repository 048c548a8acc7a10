/** `patch-audit export-json`: a snapshot as one JSON document, messages in Japanese and English. */
import { withCore } from '../cliCore';
import { parseId } from '../options';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';
import { dbOption } from './storeOptions';

export const registerExportJson: RegisterCommand = (program) => {
  program
    .command('export-json')
    .description('Export a snapshot (scopes, node facts, checks with messages in Japanese and English) as JSON.')
    .argument('<snapshot>', 'snapshot id')
    .addOption(dbOption())
    .requiredOption('-o, --output <file>', 'file to write')
    .action(async (snapshot: string, opts: { db?: string; output: string }) => {
      const id = parseId(snapshot);
      await withCore({ db: opts.db }, ({ services }) => services.reports.writeJson(id, opts.output));
      printOut(opts.output);
    });
};
