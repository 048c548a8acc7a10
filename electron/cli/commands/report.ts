/**
 * `patch-audit report`, `export-csv` and `export-json`: a saved snapshot as the client's PDF (or
 * its HTML), as a spreadsheet, or as one JSON document. Exit 0 on success, 2 on bad options or an
 * unknown snapshot.
 */
import { Option } from 'commander';
import type { Lang } from '../../../shared/model';
import { REPORT_APPENDIX_MODES, type ReportAppendixMode } from '../../../shared/reportSections';
import type { Paper } from '../../core';
import { withCore } from '../cliCore';
import { UsageError } from '../io';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';

function snapshotId(value: string, what = 'SNAPSHOT'): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${what} must be a snapshot id (a positive integer), got "${value}"`);
  return id;
}

const langOption = () => new Option('--lang <lang>', 'language of the texts').choices(['ja', 'en']).default('ja');

interface ReportOptions {
  compare?: string;
  lang: Lang;
  paper: Paper;
  appendix: ReportAppendixMode;
  db?: string;
  output: string;
  html?: boolean;
}

export const registerReport: RegisterCommand = (program) => {
  program
    .command('report')
    .description('Write the client report of a snapshot as PDF (or HTML with --html).')
    .argument('<snapshot>', 'snapshot id')
    .option('--compare <snapshot>', 'an earlier snapshot to compare with')
    .addOption(langOption())
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .addOption(
      new Option(
        '--appendix <nodes>',
        'which nodes the appendix lists: all, not-ready (a prerequisite failed or could not be checked: a shorter PDF for a big fleet) or none; the other sections always cover every node',
      )
        .choices(REPORT_APPENDIX_MODES)
        .default('all'),
    )
    .option('--db <path>', 'database file (default: the app database)')
    .option('--html', 'write the HTML document instead of the PDF')
    .requiredOption('-o, --output <file>', 'file to write')
    .action(async (snapshot: string, opts: ReportOptions) => {
      const id = snapshotId(snapshot);
      const compareTo = opts.compare === undefined ? undefined : snapshotId(opts.compare, '--compare');
      await withCore({ db: opts.db }, async ({ services: { reports } }) => {
        const request = {
          snapshotId: id,
          ...(compareTo !== undefined ? { compareTo } : {}),
          lang: opts.lang,
          paper: opts.paper,
          appendix: opts.appendix,
          format: opts.html ? 'html' : 'pdf',
        } as const;
        await reports.write(reports.prepare(request), request, opts.output);
      });
      printOut(opts.output);
    });
};

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
    .option('--db <path>', 'database file (default: the app database)')
    .requiredOption('-o, --output <file>', 'file to write')
    .action(async (snapshot: string, opts: ExportOptions) => {
      const id = snapshotId(snapshot);
      await withCore({ db: opts.db }, ({ services }) => services.reports.writeCsv(id, { lang: opts.lang, kind: opts.kind }, opts.output));
      printOut(opts.output);
    });
};

export const registerExportJson: RegisterCommand = (program) => {
  program
    .command('export-json')
    .description('Export a snapshot (scopes, node facts, checks with messages in Japanese and English) as JSON.')
    .argument('<snapshot>', 'snapshot id')
    .option('--db <path>', 'database file (default: the app database)')
    .requiredOption('-o, --output <file>', 'file to write')
    .action(async (snapshot: string, opts: Omit<ExportOptions, 'lang' | 'kind'>) => {
      const id = snapshotId(snapshot);
      await withCore({ db: opts.db }, ({ services }) => services.reports.writeJson(id, opts.output));
      printOut(opts.output);
    });
};
