/** What the demo leaves, as terminal text: its audits, the files it wrote and a command to try next. */
import { browserNotFoundMessage } from '../report/launchChromium';
import type { DemoResult } from './runDemo';

export interface DemoTextOptions {
  seconds: number;
  /** Whether the reports were printed to PDF (a browser was found). */
  pdf: boolean;
  /** A file as the user should read it (relative to where they are, when inside it). */
  show: (file: string) => string;
}

export function demoText(result: DemoResult, { seconds, pdf, show }: DemoTextOptions): string {
  return [
    `Demo finished in ${seconds.toFixed(1)} s: ${result.audits.length} weekly audits of a simulated organization.`,
    ...result.audits.map((a) => `  snapshot ${a.snapshotId}  ${a.startedAt.slice(0, 10)}  ${a.status.padEnd(8)}  ${a.nodes} nodes`),
    `Database: ${show(result.dbPath)}`,
    `Reports:  ${show(result.files.reports.ja)}  ${show(result.files.reports.en)}`,
    `CSV:      ${result.files.csv.map(show).join('  ')}`,
    `JSON:     ${show(result.files.json)}`,
    ...(pdf ? [] : [`PDF:      not written. ${browserNotFoundMessage()} The reports above are the same documents as HTML.`]),
    `Try: patch-audit report ${result.audits.at(-1)?.snapshotId} --compare ${result.audits.at(-2)?.snapshotId} --lang en --db ${show(result.dbPath)} -o report.pdf`,
  ].join('\n');
}
