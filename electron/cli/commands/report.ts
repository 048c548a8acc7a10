/**
 * `patch-audit report`: a saved snapshot as the client's PDF (or its HTML). Exit 0 on success, 2 on
 * bad options or an unknown snapshot.
 */
import { Option } from 'commander';
import type { Lang } from '../../../shared/model';
import { REPORT_APPENDIX_MODES, type ReportAppendixMode } from '../../../shared/reportSections';
import type { Paper } from '../../core';
import { withCore } from '../cliCore';
import { parseId } from '../options';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';
import { dbOption } from './storeOptions';

export const langOption = (): Option => new Option('--lang <lang>', 'language of the texts').choices(['ja', 'en']).default('ja');

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
    .addOption(dbOption())
    .option('--html', 'write the HTML document instead of the PDF')
    .requiredOption('-o, --output <file>', 'file to write')
    .action(async (snapshot: string, opts: ReportOptions) => {
      const id = parseId(snapshot);
      const compareTo = opts.compare === undefined ? undefined : parseId(opts.compare, '--compare');
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
