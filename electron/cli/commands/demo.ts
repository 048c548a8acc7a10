/**
 * `patch-audit demo`: the whole product without an AWS account. Audits a simulated organization
 * weekly for five simulated weeks into a fresh database in the output folder, then writes the
 * PDF reports (ja, en), CSV and JSON there and prints where they are.
 */
import { relative } from 'node:path';
import { demoText, findBrowser, runDemo, withChromiumPrinter } from '../../core';
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
      printOut(demoText(result, { seconds: (Date.now() - started) / 1000, pdf: Boolean(browser), show }));
    });
};
