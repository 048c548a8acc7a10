/**
 * Report figures (docs/design.md §8, §10): the PDF of one snapshot through the headless Chromium
 * printer, from the store to the PDF's bytes (Chromium's own start is timed apart).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCatalog } from '../../shared/catalog';
import { evaluateNode } from '../../shared/evaluate';
import type { NodeFacts } from '../../shared/model';
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
    return [{ group, name: `PDF of a ${label}-node snapshot`, unit: 's', target: 20, note: `no Chromium at ${CHROMIUM_PATH}` }];
  }
  const catalog = getCatalog('seed-2022');
  if (!catalog) throw new Error('catalog seed-2022 is missing');
  const evaluate = (facts: NodeFacts, now: Date) => evaluateNode(facts, { catalog, now, scanAgeDays: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-report-'));
  const store = openStore({ path: join(dir, 'report.sqlite') });
  try {
    const id = store.saveSnapshot(makeSnapshot({ nodes, seed: 11, evaluate }));
    const launched = performance.now();
    const browser = await launchChromium();
    const launchMs = performance.now() - launched;
    try {
      const t = performance.now();
      const model = buildReportModel(store, id, { lang: 'en' });
      const pdf = await renderReportPdf(model, chromiumPrinter(browser), { lang: 'en', paper: 'a4' });
      const seconds = (performance.now() - t) / 1000;
      const pages = pdfPageCount(pdf);
      return [
        { group, name: `PDF of a ${label}-node snapshot (model + HTML + print)`, value: seconds, unit: 's', target: 20 },
        { group, name: 'pages', value: pages, unit: '' },
        { group, name: 'pages per second', value: pages / seconds, unit: '/s' },
        { group, name: 'PDF size', value: pdf.length / 2 ** 20, unit: 'MB' },
        { group, name: 'Chromium start (not in the PDF time)', value: launchMs / 1000, unit: 's' },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
