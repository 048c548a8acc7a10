/**
 * `patch-audit demo`: the whole product without an AWS account. Audits a simulated organization
 * weekly for five simulated weeks into a fresh database in the output folder, then writes the
 * PDF reports (ja, en), CSV and JSON there and prints where they are.
 */
import { relative } from 'node:path';
import { browserNotFoundMessage, findBrowser, runDemo, withChromiumPrinter } from '../../core';
import { UsageError } from '../io';
import { printErr, printOut } from '../terminal';
import type { RegisterCommand } from './index';

interface DemoOptions {
  out: string;
  nodes: string;
}

export const registerDemo: RegisterCommand = (program) => {
  program
    .command('demo')
    .description('Audit a simulated AWS organization over five weeks and write the reports and exports (no AWS account needed).')
    .option('--out <dir>', 'output folder (its demo database is replaced)', 'demo-output')
    .option('--nodes <n>', 'managed nodes in the first audit, over 3 accounts × 3 regions', '1800')
    .action(async (opts: DemoOptions) => {
      const nodes = Number(opts.nodes);
      if (!Number.isInteger(nodes) || nodes < 9 || nodes > 50_000)
        throw new UsageError(`--nodes must be an integer from 9 to 50000, got "${opts.nodes}"`);
      const started = Date.now();
      const log = (line: string) => printErr(line);
      // The quick start must work on a machine with no browser: everything but the PDF step needs
      // none, and the HTML report is the same document, ready for any browser's "Print to PDF".
      const browser = findBrowser();
      const result = browser
        ? await withChromiumPrinter((printer) => runDemo({ outDir: opts.out, nodes, printer, log }), browser)
        : await runDemo({ outDir: opts.out, nodes, printer: null, log });
      const show = (file: string) => {
        const rel = relative(process.cwd(), file);
        return rel && !rel.startsWith('..') ? rel : file;
      };
      const lines = [
        `Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.audits.length} weekly audits of a simulated organization.`,
        ...result.audits.map((a) => `  snapshot ${a.snapshotId}  ${a.startedAt.slice(0, 10)}  ${a.status.padEnd(8)}  ${a.nodes} nodes`),
        `Database: ${show(result.dbPath)}`,
        `Reports:  ${show(result.files.reports.ja)}  ${show(result.files.reports.en)}`,
        `CSV:      ${result.files.csv.map(show).join('  ')}`,
        `JSON:     ${show(result.files.json)}`,
        ...(browser ? [] : [`PDF:      not written. ${browserNotFoundMessage()} The reports above are the same documents as HTML.`]),
        `Try: patch-audit report ${result.audits.at(-1)?.snapshotId} --compare ${result.audits.at(-2)?.snapshotId} --lang en --db ${show(result.dbPath)} -o report.pdf`,
      ];
      printOut(lines.join('\n'));
    });
};
