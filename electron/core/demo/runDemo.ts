/**
 * The headless demo: the demo's history (demoHistory.ts) into a fresh database in the output
 * folder, through the same core as every host, then the client reports (ja, en) and exports
 * written beside it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { createCore } from '../createCore';
import type { Paper, Printer } from '../report';
import { recordDemoHistory, type DemoAudit } from './demoHistory';

export const DEMO_DB = 'patch-auditor-demo.sqlite';

export interface DemoOptions {
  outDir: string;
  /** Managed nodes in the first audit, spread over accounts × regions. */
  nodes?: number;
  /** Prints the reports to PDF; without one (no browser on the machine) they are written as HTML. */
  printer: Printer | null;
  log?: (line: string) => void;
  /** The time of the last audit (default: now). */
  now?: () => Date;
}

export interface DemoResult {
  dbPath: string;
  audits: DemoAudit[];
  files: { reports: Record<Lang, string>; csv: string[]; json: string };
}

const REPORTS: ReadonlyArray<{ lang: Lang; paper: Paper }> = [
  { lang: 'ja', paper: 'a4' },
  { lang: 'en', paper: 'letter' },
];

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? (() => {});
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const dbPath = join(outDir, DEMO_DB);
  // A fresh history every run: never the user's app database, never an earlier demo's.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  const core = createCore({
    dataDir: outDir,
    dbPath,
    host: { host: 'cli', versions: { 'patch-audit': TOOL_VERSION }, openExternal: async () => {} },
    log,
    ...(options.printer ? { printer: options.printer } : {}),
  });
  const { services } = core;
  try {
    const audits = await recordDemoHistory(services.snapshots, {
      ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
      log,
      ...(options.now ? { now: options.now } : {}),
    });
    const first = audits[0]!.snapshotId;
    const last = audits.at(-1)!.snapshotId;
    const reports = {} as Record<Lang, string>;
    for (const { lang, paper } of REPORTS) {
      const format = services.reports.canPrint ? 'pdf' : 'html';
      const request = { snapshotId: last, compareTo: first, lang, paper, format } as const;
      const file = join(outDir, `report-${lang}.${format}`);
      await services.reports.write(services.reports.prepare(request), request, file);
      reports[lang] = file;
      log(`wrote ${file}`);
    }
    const csv: string[] = [];
    for (const lang of ['ja', 'en'] as const) {
      for (const kind of ['nodes', 'checks'] as const) {
        const file = join(outDir, `${kind}-${lang}.csv`);
        services.reports.writeCsv(last, { lang, kind }, file);
        csv.push(file);
      }
    }
    const json = join(outDir, `snapshot-${last}.json`);
    services.reports.writeJson(last, json);
    return { dbPath, audits, files: { reports, csv, json } };
  } finally {
    await core.close();
  }
}
