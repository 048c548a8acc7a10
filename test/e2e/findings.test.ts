/**
 * The findings pages in Chromium against the web host: the node table (filter, sort, search,
 * columns, CSV export), a node's detail and history, trends and a comparison, in both languages.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleTitle } from '../../shared/messages';
import type { CheckStatus, RuleId } from '../../shared/model';
import { columnShortTitle, columnTitle } from '../../shared/nodeColumns';
import { statusGlyph, statusWord } from '../../shared/statuses';
import { testNode, testSnapshot } from '../fixtures/makeSnapshot';
import { RESULTS_DIR, startWebApp, type WebApp } from '../support/webApp';

const SHOTS = join(RESULTS_DIR, 'ui');

type Spec = { id: string; name: string; account: string; region: string; family: string; statuses: Partial<Record<RuleId, CheckStatus>> };
const node = (s: Spec) =>
  testNode({
    instanceId: s.id,
    name: s.name,
    accountId: s.account,
    region: s.region,
    family: s.family,
    ipAddress: `10.0.0.${s.id.length}`,
    statuses: s.statuses,
  });
const A = '111111111111';
const B = '222222222222';

// Before → after: web-1 regresses on network.s3, web-2 on agent.version, db-1 is fixed on
// patch.compliant, db-2 is unchanged, old-1 disappears and new-1 appears failing agent.version.
const before = [
  node({
    id: 'i-0web1',
    name: 'web-1',
    account: A,
    region: 'ap-northeast-1',
    family: 'amazon-linux-2023',
    statuses: { 'agent.version': 'pass', 'network.s3': 'pass', 'patch.compliant': 'fail' },
  }),
  node({
    id: 'i-0web2',
    name: 'web-2',
    account: A,
    region: 'ap-northeast-1',
    family: 'amazon-linux-2023',
    statuses: { 'agent.version': 'pass', 'network.s3': 'pass', 'patch.compliant': 'pass' },
  }),
  node({
    id: 'i-0db1',
    name: 'db-1',
    account: B,
    region: 'us-east-1',
    family: 'rhel',
    statuses: { 'agent.version': 'pass', 'network.s3': 'pass', 'patch.compliant': 'fail' },
  }),
  node({
    id: 'i-0db2',
    name: 'db-2',
    account: B,
    region: 'us-east-1',
    family: 'ubuntu',
    statuses: { 'agent.version': 'fail', 'network.s3': 'pass', 'patch.compliant': 'fail' },
  }),
  node({ id: 'i-0old1', name: 'old-1', account: A, region: 'us-east-1', family: 'ubuntu', statuses: { 'agent.version': 'pass' } }),
];
const after = [
  node({
    id: 'i-0web1',
    name: 'web-1',
    account: A,
    region: 'ap-northeast-1',
    family: 'amazon-linux-2023',
    statuses: { 'agent.version': 'pass', 'network.s3': 'fail', 'patch.compliant': 'fail' },
  }),
  node({
    id: 'i-0web2',
    name: 'web-2',
    account: A,
    region: 'ap-northeast-1',
    family: 'amazon-linux-2023',
    statuses: { 'agent.version': 'fail', 'network.s3': 'pass', 'patch.compliant': 'pass' },
  }),
  node({
    id: 'i-0db1',
    name: 'db-1',
    account: B,
    region: 'us-east-1',
    family: 'rhel',
    statuses: { 'agent.version': 'pass', 'network.s3': 'pass', 'patch.compliant': 'pass' },
  }),
  node({
    id: 'i-0db2',
    name: 'db-2',
    account: B,
    region: 'us-east-1',
    family: 'ubuntu',
    statuses: { 'agent.version': 'fail', 'network.s3': 'pass', 'patch.compliant': 'fail' },
  }),
  node({ id: 'i-0new1', name: 'new-1', account: A, region: 'us-east-1', family: 'ubuntu', statuses: { 'agent.version': 'fail' } }),
];
const scopes = [
  { accountId: A, region: 'ap-northeast-1', status: 'ok' as const, nodes: 2, calls: 5, throttles: 0, gaps: [] },
  { accountId: A, region: 'us-east-1', status: 'ok' as const, nodes: 1, calls: 5, throttles: 0, gaps: [] },
  { accountId: B, region: 'us-east-1', status: 'ok' as const, nodes: 2, calls: 5, throttles: 0, gaps: [] },
];

const bodyRows = (page: Page) => page.locator('[role="grid"] [role="rowgroup"]:not(.head) [role="row"][data-instance]');
const names = async (page: Page) =>
  bodyRows(page).evaluateAll((rows) =>
    rows
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((r) => r.getAttribute('data-instance')),
  );
const title = (page: Page) => page.locator('#page-title').textContent();

/** How many pixels of the chart titled `caption` have each series colour (a palette variable). */
const seriesPixels = (page: Page, caption: string, colors: readonly string[]) =>
  page.evaluate(`(() => {
    const figure = [...document.querySelectorAll('figure')].find((f) => f.querySelector('figcaption').textContent === ${JSON.stringify(caption)});
    const canvas = figure.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return ${JSON.stringify(colors)}.map((name) => {
      const hex = getComputedStyle(figure).getPropertyValue(name).trim();
      const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 200 && rgb.every((c, k) => Math.abs(data[i + k] - c) < 40)) count++;
      }
      return count;
    });
  })()`) as Promise<number[]>;

describe('findings pages in Chromium against the web host', () => {
  let app: WebApp;
  let older: number;
  let newer: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startWebApp();
    older = app.core.services.snapshots.save(
      testSnapshot(before, { startedAt: '2026-01-10T09:00:00.000Z', finishedAt: '2026-01-10T09:05:00.000Z', label: 'January', scopes }),
    );
    newer = app.core.services.snapshots.save(
      testSnapshot(after, { startedAt: '2026-02-10T09:00:00.000Z', finishedAt: '2026-02-10T09:05:00.000Z', label: 'February', scopes }),
    );
    await app.page.goto(`${app.host.url}#/nodes`);
  });
  afterAll(async () => app?.close());

  it('lists the newest snapshot’s nodes, filters by rule and status, and sorts by a header', async () => {
    const { page } = app;
    await expect.poll(() => title(page)).toBe('ノードと検出事項');
    await expect.poll(() => bodyRows(page).count()).toBe(5);
    await page.selectOption('select[name="rule"]', 'agent.version');
    await page.selectOption('select[name="status"]', 'fail');
    await expect.poll(() => names(page)).toEqual(['i-0web2', 'i-0new1', 'i-0db2']);
    expect(page.url()).toContain('rule=agent.version');

    const nameHeader = page.locator('[role="columnheader"][data-column="name"]');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
    await nameHeader.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => names(page)).toEqual(['i-0db2', 'i-0new1', 'i-0web2']);
    await nameHeader.locator('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => names(page)).toEqual(['i-0web2', 'i-0new1', 'i-0db2']);
    await page.screenshot({ path: join(SHOTS, 'nodes-ja.png') });
  });

  it('filters by platform, searches by name, and shows status badges with the rule in the tooltip', async () => {
    const { page } = app;
    await page.click('button:has-text("絞り込みを解除")');
    await page.selectOption('select[name="family"]', 'rhel');
    await expect.poll(() => names(page)).toEqual(['i-0db1']);
    await page.selectOption('select[name="family"]', '');
    await page.fill('input[type="search"]', 'web');
    await expect.poll(() => names(page)).toHaveLength(2);
    const badge = page.locator('[data-instance="i-0web1"] [role="img"][title^="S3"]');
    expect(await badge.getAttribute('title')).toBe('S3 エンドポイントアクセス: 不合格');
    // The renderer speaks the shared vocabulary: glyph, word, rule and column titles.
    expect(await badge.textContent()).toBe(statusGlyph('fail'));
    expect(await badge.getAttribute('title')).toBe(`${ruleTitle('network.s3', 'ja')}: ${statusWord('fail', 'ja')}`);
    expect(await page.locator('[role="columnheader"][data-column="network.s3"]').textContent()).toContain(
      columnShortTitle('network.s3', 'ja'),
    );
    expect(await page.locator('[role="columnheader"][data-column="instanceId"]').textContent()).toContain(
      columnShortTitle('instanceId', 'ja'),
    );
    await page.fill('input[type="search"]', '');
    await expect.poll(() => bodyRows(page).count()).toBe(5);
  });

  it('hides a rule column and remembers the choice', async () => {
    const { page } = app;
    const s3 = page.locator('[role="columnheader"][data-column="network.s3"]');
    expect(await s3.count()).toBe(1);
    await page.click('summary:has-text("表示する列")');
    await page.uncheck('input[data-column="network.s3"]');
    await expect.poll(() => s3.count()).toBe(0);
    await page.click('summary:has-text("表示する列")');
    expect(await page.evaluate("localStorage.getItem('patch-auditor.nodes.columns')")).not.toContain('network.s3');
  });

  it('exports the filtered view as CSV: a download with a BOM and one line per matching node', async () => {
    const { page } = app;
    await page.selectOption('select[name="rule"]', 'agent.version');
    await page.selectOption('select[name="status"]', 'fail');
    await expect.poll(() => bodyRows(page).count()).toBe(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("CSV に出力")')]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 3);
    expect(lines[0]!.split(',')[0]).toBe(columnTitle('instanceId', 'ja'));
    expect(lines[0]).toContain(columnTitle('agent.version', 'ja'));
    expect(lines.slice(1).every((l) => l.includes(`,${statusWord('fail', 'ja')}`))).toBe(true);
    expect(lines[0]).not.toContain('network.s3');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['i-0db2', 'i-0new1', 'i-0web2']);
    await expect.poll(() => page.locator('.export-status').textContent()).toContain('3 行を出力しました');
  });

  it('opens a node from the keyboard and shows its facts, checks and history; back keeps the filters', async () => {
    const { page } = app;
    const first = bodyRows(page).first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator(':focus').getAttribute('data-index')).toBe('1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`#/node/${newer}/`);
    await expect.poll(() => title(page)).toBe('web-2');
    const agent = page.locator('.check[data-rule="agent.version"]');
    await expect.poll(() => agent.locator('.badge').textContent()).toContain('不合格');
    expect(await agent.locator('.badge .glyph').textContent()).toBe(statusGlyph('fail'));
    expect(await agent.locator('.cite').textContent()).toBe('出典: P1');
    expect(await page.locator('.check').count()).toBe(3);
    expect(await page.locator('table.history tbody tr').count()).toBe(2);
    expect(await page.locator('table.history tr[aria-current="true"] a').getAttribute('href')).toContain(`#/node/${newer}/`);
    await page.screenshot({ path: join(SHOTS, 'node-ja.png'), fullPage: true });

    await page.click('.back a');
    await expect.poll(() => page.url()).toContain('#/nodes?');
    expect(page.url()).toContain('status=fail');
    await expect.poll(() => bodyRows(page).count()).toBe(3);
  });

  it('draws the trend charts over both snapshots', async () => {
    const { page } = app;
    await page.click('nav a[data-page="trends"]');
    await expect.poll(() => title(page)).toBe('推移');
    await expect.poll(() => page.locator('canvas').count()).toBe(6);
    // In-page code as a string: this project type-checks tests without the DOM library.
    const painted = () =>
      page.evaluate(`[...document.querySelectorAll('canvas')].map((c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
        return count;
      })`) as Promise<number[]>;
    await expect.poll(async () => (await painted()).every((n) => n > 500)).toBe(true);
    // Every snapshot misses no patch: both lines lie along zero and must still be drawn, well
    // beyond their 12-pixel legend swatches.
    await expect
      .poll(async () => Math.min(...(await seriesPixels(page, '未適用のパッチ数', ['--chart-3', '--chart-4']))))
      .toBeGreaterThan(600);
    await page.selectOption('select[name="account"]', B);
    await expect.poll(async () => (await painted()).every((n) => n > 500)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'trends-ja.png'), fullPage: true });
  });

  it('compares the two newest snapshots: totals, per area, and lists linking to the nodes', async () => {
    const { page } = app;
    await page.click('nav a[data-page="compare"]');
    await expect.poll(() => title(page)).toBe('比較');
    const total = (key: string) => page.locator(`[data-total="${key}"] strong`).textContent();
    await expect.poll(() => total('regressions')).toBe('2');
    expect([await total('added'), await total('removed'), await total('fixed'), await total('newFailures')]).toEqual(['1', '1', '1', '1']);
    expect(await page.locator('table.areas tbody tr').count()).toBe(3);
    const regressions = page.locator('table[data-list="regressions"] tbody tr');
    expect(await regressions.count()).toBe(2);
    expect(await page.locator('ul[data-list="removed"] a').getAttribute('href')).toContain(`#/node/${older}/${A}/us-east-1/i-0old1`);
    await page.screenshot({ path: join(SHOTS, 'compare-ja.png'), fullPage: true });
    await page.click('table[data-list="fixed"] a');
    await expect.poll(() => title(page)).toBe('db-1');
  });

  it('switches to English everywhere, and renders in the dark theme', async () => {
    const { page } = app;
    await page.click('button:has-text("EN")');
    await expect.poll(() => page.locator('.check[data-rule="patch.compliant"] h3').textContent()).toBe('Patch compliance');
    await page.screenshot({ path: join(SHOTS, 'node-en.png'), fullPage: true });
    await page.click('nav a[data-page="nodes"]');
    await expect.poll(() => title(page)).toBe('Nodes & findings');
    await expect.poll(() => page.locator('[role="columnheader"][data-column="name"]').textContent()).toContain('Name');
    await page.screenshot({ path: join(SHOTS, 'nodes-en.png') });
    await page.click('nav a[data-page="trends"]');
    await expect.poll(() => page.locator('figcaption').first().textContent()).toBe('Readiness and compliance');
    await page.screenshot({ path: join(SHOTS, 'trends-en.png'), fullPage: true });
    await page.click('nav a[data-page="compare"]');
    await expect.poll(() => page.locator('[data-total="regressions"] span').textContent()).toBe('Regressions');
    await page.screenshot({ path: join(SHOTS, 'compare-en.png'), fullPage: true });

    await app.core.dispatch('settings:set', { theme: 'dark' });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'compare-dark-en.png'), fullPage: true });
    await page.click('nav a[data-page="nodes"]');
    await expect.poll(() => bodyRows(page).count()).toBe(5);
    await page.screenshot({ path: join(SHOTS, 'nodes-dark-en.png') });
    await page.click('nav a[data-page="trends"]');
    await expect.poll(() => page.locator('canvas').count()).toBe(6);
    await page.screenshot({ path: join(SHOTS, 'trends-dark-en.png'), fullPage: true });
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
