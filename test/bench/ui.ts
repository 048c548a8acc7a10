/**
 * Interface figures (docs/design.md §7, §10), in Debian's Chromium against the web host and the built
 * renderer: the Nodes page's first paint of its table once the rows' data has arrived, the
 * share of late frames while a script scrolls the table, and how fast a filter answers. All
 * three are timed inside the page (`performance.now()`, requestAnimationFrame), so the
 * harness's own round trips do not count.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '../../shared/catalog';
import { evaluateNode } from '../../shared/evaluate';
import type { NodeFacts } from '../../shared/model';
import { makeSnapshot } from '../fixtures/makeSnapshot';
import { CHROMIUM_PATH } from '../support/chromium';
import { RENDERER_DIR, startWebApp } from '../support/webApp';
import type { Figure } from './figures';

/** One 60 Hz frame is 16.7 ms; an interval past 20 ms means a frame was dropped, not jitter. */
export const LATE_FRAME_MS = 20;

export function lateFrameShare(timestamps: readonly number[], lateMs = LATE_FRAME_MS): number {
  if (timestamps.length < 2) return Number.NaN;
  let late = 0;
  for (let i = 1; i < timestamps.length; i++) if (timestamps[i]! - timestamps[i - 1]! > lateMs) late += 1;
  return late / (timestamps.length - 1);
}

/*
 * The in-page scripts are strings: this project type-checks Node code without the DOM
 * library, and these run only in the page.
 */

/** Before any app script: when the first table row enters the DOM, and the frame after it is painted. */
const FIRST_ROW_WATCH = `
  new MutationObserver((_, observer) => {
    if (window.__firstRowAt !== undefined || !document.querySelector('[role="grid"] [data-index]')) return;
    window.__firstRowAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame((ts) => (window.__firstRowPaintAt = ts)));
  }).observe(document, { childList: true, subtree: true });
`;

/** The data is the last API answer that arrived before the first row appeared. */
const FIRST_PAINT = `(() => {
  const answers = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.responseEnd <= window.__firstRowAt);
  return { dataAt: Math.max(...answers.map((e) => e.responseEnd)), paintedAt: window.__firstRowPaintAt };
})()`;

/** 240 frames (about four seconds at 60 Hz) scrolling 120 px each: fast enough to keep fetching new pages. */
const SCROLL_FRAMES = `new Promise((resolve, reject) => {
  const scroller = document.querySelector('[role="grid"]');
  if (!scroller) return reject(new Error('no table to scroll'));
  const stamps = [];
  const step = (ts) => {
    stamps.push(ts);
    scroller.scrollTop += 120;
    if (stamps.length < 240) requestAnimationFrame(step);
    else resolve(stamps);
  };
  requestAnimationFrame(step);
})`;

/** From choosing an account to the frame after the row count and the rows changed. */
const FILTER_RESPONSE = `new Promise((resolve, reject) => {
  const select = document.querySelector('select[name="account"]');
  const count = document.querySelector('.count[role="status"]');
  const option = select ? [...select.options].find((o) => o.value) : undefined;
  if (!select || !count || !option) return reject(new Error('no account filter or row count on the Nodes page'));
  const before = count.textContent;
  const timer = setTimeout(() => reject(new Error('the row count never changed')), 10000);
  new MutationObserver((_, observer) => {
    if (count.textContent === before || document.querySelector('[role="grid"]')?.getAttribute('aria-busy') === 'true') return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame((ts) => resolve(ts - t0));
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  const t0 = performance.now();
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
})`;

function notMeasured(rows: string, note: string): Figure[] {
  const group = 'interface';
  return [
    { group, name: `first paint of the ${rows}-row table after its data arrives`, unit: 'ms', target: 300, note },
    { group, name: 'frames over 16 ms while scrolling', unit: '%', target: 5, strict: true, note },
    { group, name: 'filter response (account)', unit: 'ms', target: 100, note },
  ];
}

export async function benchInterface(rows: number): Promise<Figure[]> {
  const label = rows.toLocaleString('en');
  if (!existsSync(CHROMIUM_PATH)) return notMeasured(label, `no Chromium at ${CHROMIUM_PATH}`);
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return notMeasured(label, 'renderer not built: npm run build:renderer');
  const catalog = getCatalog('seed-2022');
  if (!catalog) throw new Error('catalog seed-2022 is missing');
  const evaluate = (facts: NodeFacts, now: Date) => evaluateNode(facts, { catalog, now, scanAgeDays: 7 });
  const app = await startWebApp();
  try {
    app.core.services.snapshots.save(
      makeSnapshot({
        nodes: rows,
        seed: 5,
        evaluate,
        accounts: ['111111111111', '222222222222', '333333333333'],
        regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'],
      }),
    );
    const { page } = app;
    await page.addInitScript(FIRST_ROW_WATCH);
    // The launch URL carries the one-time token; the Nodes route is then a hash change.
    await page.goto(app.host.url);
    await page.evaluate("location.hash = '#/nodes'");
    // A function, not a string: the app's CSP refuses eval, which a string predicate needs.
    await page.waitForFunction(() => (globalThis as { __firstRowPaintAt?: number }).__firstRowPaintAt !== undefined, undefined, {
      timeout: 60_000,
    });
    const paint = (await page.evaluate(FIRST_PAINT)) as { dataAt: number; paintedAt: number };
    const frames = (await page.evaluate(SCROLL_FRAMES)) as number[];
    const filterMs = (await page.evaluate(FILTER_RESPONSE)) as number;

    const group = 'interface';
    return [
      {
        group,
        name: `first paint of the ${label}-row table after its data arrives`,
        value: paint.paintedAt - paint.dataAt,
        unit: 'ms',
        target: 300,
      },
      {
        group,
        name: 'frames over 16 ms while scrolling (interval > 20 ms)',
        value: lateFrameShare(frames) * 100,
        unit: '%',
        target: 5,
        strict: true,
      },
      { group, name: 'filter response (account select → count and rows painted)', value: filterMs, unit: 'ms', target: 100 },
    ];
  } finally {
    await app.close();
  }
}
