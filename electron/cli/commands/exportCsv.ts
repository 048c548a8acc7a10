/** `patch-audit export-csv`: the nodes (or checks) of a snapshot as a spreadsheet. */
import { Option } from 'commander';
import type { Lang } from '../../../shared/model';
import { withCore } from '../cliCore';
import { parseId } from '../options';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';
import { dbOption } from './storeOptions';
import { langOption } from './report';

interface ExportOptions {
  lang: Lang;
  kind: 'nodes' | 'checks';
  db?: string;
  output: string;
}

export const registerExportCsv: RegisterCommand = (program) => {
  program
    .command('export-csv')
    .description('Export the nodes (or the checks) of a snapshot as CSV for Excel (UTF-8 with BOM).')
    .argument('<snapshot>', 'snapshot id')
    .addOption(langOption())
    .addOption(new Option('--kind <kind>', 'one row per node, or one row per node and rule').choices(['nodes', 'checks']).default('nodes'))
    .addOption(dbOption())
    .requiredOption('-o, --output <file>', 'file to write')
    .action(async (snapshot: string, opts: ExportOptions) => {
      const id = parseId(snapshot);
      await withCore({ db: opts.db }, ({ services }) => services.reports.writeCsv(id, { lang: opts.lang, kind: opts.kind }, opts.output));
      printOut(opts.output);
    });
};
