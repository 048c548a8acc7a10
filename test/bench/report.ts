/**
 * Report figures (docs/design.md §8, §10): the PDF of one snapshot through the headless Chromium
 * printer, from the store to the PDF's bytes (Chromium's own start is timed apart), with every
 * node in the appendix and with only the nodes not ready or not verified (`--appendix not-ready`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCatalog } from '../../shared/catalog';
import { evaluateNode } from '../../shared/evaluate';
import type { NodeFacts } from '../../shared/model';
import type { ReportAppendixMode } from '../../shared/reportSections';
import { buildReportModel, renderReportPdf } from '../../electron/core/report';
import { chromiumPrinter } from '../../electron/core/report/chromiumPrinter';
import { CHROMIUM_PATH, launchChromium } from '../../electron/core/report/launchChromium';
import { openStore } from '../../electron/core/store';
import { makeSnapshot } from '../fixtures/makeSnapshot';
import type { Figure } from './figures';

/** Page objects in a PDF (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

export async function benchReport(nodes: number): Promise<Figure[]> {
  const group = 'report';
  const label = nodes.toLocaleString('en');
  if (!existsSync(CHROMIUM_PATH)) {
    const note = `no Chromium at ${CHROMIUM_PATH}`;
    return [
      { group, name: `PDF of a ${label}-node snapshot`, unit: 's', target: 20, note },
      { group, name: `PDF of a ${label}-node snapshot, appendix not ready or not verified`, unit: 's', target: 20, note },
    ];
  }
  const catalog = getCatalog('seed-2022');
  if (!catalog) throw new Error('catalog seed-2022 is missing');
  const evaluate = (facts: NodeFacts, now: Date) => evaluateNode(facts, { catalog, now, scanAgeDays: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-report-'));
  const store = openStore({ path: join(dir, 'report.sqlite') });
  try {
    const id = store.saveSnapshot(makeSnapshot({ nodes, seed: 11, evaluate }));
    // Each PDF in a Chromium of its own, as each `patch-audit report` prints: in one browser the
    // second 10k-node print ran 5-6 s faster than the first, whichever appendix it had.
    const print = async (appendix: ReportAppendixMode) => {
      const launched = performance.now();
      const browser = await launchChromium();
      const launchMs = performance.now() - launched;
      try {
        const t = performance.now();
        const model = buildReportModel(store, id, { lang: 'en', appendix });
        const pdf = await renderReportPdf(model, chromiumPrinter(browser), { lang: 'en', paper: 'a4' });
        const seconds = (performance.now() - t) / 1000;
        return { seconds, launchMs, pages: pdfPageCount(pdf), bytes: pdf.length, listed: model.nodes.length };
      } finally {
        await browser.close();
      }
    };
    const all = await print('all');
    const short = await print('not-ready');
    return [
      { group, name: `PDF of a ${label}-node snapshot (model + HTML + print)`, value: all.seconds, unit: 's', target: 20 },
      { group, name: 'pages', value: all.pages, unit: '' },
      { group, name: 'pages per second', value: all.pages / all.seconds, unit: '/s' },
      { group, name: 'PDF size', value: all.bytes / 2 ** 20, unit: 'MB' },
      {
        group,
        name: `PDF of a ${label}-node snapshot, appendix not ready or not verified`,
        value: short.seconds,
        unit: 's',
        target: 20,
      },
      // The synthetic fleet is far less ready than a real one, so this appendix is long.
      { group, name: 'nodes in that appendix', value: short.listed, unit: '' },
      { group, name: 'pages of that PDF', value: short.pages, unit: '' },
      { group, name: 'Chromium start (not in the PDF time)', value: all.launchMs / 1000, unit: 's' },
    ];
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
