/**
 * Which patches are missing (issue 19) in Chromium against the web host: the fleet view ranked
 * and filtered, a patch's nodes linking to their detail, the node's patch table, a node whose
 * patches were not read, and Compare's newly missing and resolved patches, in both languages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../fixtures/makeSnapshot';
import { RESULTS_DIR, startWebApp, type WebApp } from '../support/webApp';

const SHOTS = join(RESULTS_DIR, 'ui');
const HOSTILE = '<img src=x onerror=alert(1)>';
const DENIED = '333333333333';

/** The launch token in the host's URL is spent on the first load: later views change the hash only. */
const show = (page: Page, hash: string) => page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
const title = (page: Page) => page.locator('#page-title').textContent();
const patchRows = (page: Page) => page.locator('table[data-list="patches"] tbody tr[data-kb]');
const nodeCounts = (page: Page) =>
  patchRows(page).evaluateAll((rows) => rows.map((r) => Number(r.querySelector('button')?.textContent?.replace(/\D/g, ''))));

describe('missing patches in Chromium against the web host', () => {
  let app: WebApp;
  let hostileNode: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startWebApp();
    const older = makeSnapshot({ nodes: 30, seed: 1, startedAt: '2026-01-10T09:00:00.000Z', label: 'January', patches: {} });
    const newer = makeSnapshot({
      nodes: 30,
      seed: 2,
      startedAt: '2026-02-10T09:00:00.000Z',
      label: 'February',
      patches: { deniedAccount: DENIED },
    });
    // A patch title is the client's data: it is shown as text, never run.
    const hostile = newer.nodes.find((n) => n.facts.patches?.length)!.facts;
    hostile.patches![0]!.title = HOSTILE;
    hostileNode = hostile.name!;
    app.core.services.snapshots.save(older);
    app.core.services.snapshots.save(newer);
    await app.page.goto(`${app.host.url}#/patches`);
  });
  afterAll(async () => app?.close());

  it('ranks the patches by nodes affected and says how many nodes could not be read', async () => {
    const { page } = app;
    await expect.poll(() => title(page)).toBe('未適用パッチ');
    await expect.poll(() => patchRows(page).count()).toBeGreaterThan(5);
    const counts = await nodeCounts(page);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('[data-testid="patches-unknown"]').textContent()).toContain('アクセス拒否: 10');
    expect(await page.locator('table[data-list="patches"]').textContent()).toMatch(/CVE-\d{4}-\d+/);
    await page.screenshot({ path: join(SHOTS, 'patches-ja.png'), fullPage: true });
  });

  it("filters by severity in the address, lists a patch's nodes and opens one", async () => {
    const { page } = app;
    await page.selectOption('select[data-filter="severity"]', 'Critical');
    await expect.poll(() => page.url()).toContain('severity=Critical');
    await expect.poll(() => patchRows(page).evaluateAll((rows) => rows.map((r) => r.children[2]?.textContent))).not.toContain('Important');
    const top = patchRows(page).first();
    await top.locator('button').click();
    const links = page.locator('[data-testid="patch-nodes"] a');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'patches-nodes-ja.png'), fullPage: true });
    const kb = await top.getAttribute('data-kb');
    await links.first().click();
    await expect.poll(() => page.url()).toContain('#/node/');
    const table = page.locator('[data-testid="node-patches"] table');
    await expect.poll(() => table.locator(`tr[data-kb="${kb}"]`).count()).toBe(1);
    expect(await table.textContent()).toMatch(/CVE-\d{4}-\d+/);
    await page.screenshot({ path: join(SHOTS, 'node-patches-ja.png'), fullPage: true });
  });

  it('ranks CVEs, in English too', async () => {
    const { page } = app;
    await show(page, '#/patches?view=cves');
    await expect.poll(() => page.locator('table[data-list="cves"] tbody tr[data-cve]').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, 'patches-cves-ja.png'), fullPage: true });
    await page.click('.toolbar button:has-text("EN")');
    await expect.poll(() => title(page)).toBe('Missing patches');
    await page.screenshot({ path: join(SHOTS, 'patches-cves-en.png'), fullPage: true });
    await show(page, '#/patches');
    await expect.poll(() => patchRows(page).count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="patches-unknown"]').textContent()).toContain('access denied: 10');
    await page.screenshot({ path: join(SHOTS, 'patches-en.png'), fullPage: true });
  });

  it('shows a hostile patch title as text, and a node whose patches were not read says why', async () => {
    const { page } = app;
    const [snapshot] = app.core.services.snapshots.list();
    const nodes = app.core.services.fleet.queryNodes(snapshot!.id, { limit: 100 }).rows;
    const first = nodes.find((n) => n.name === hostileNode)!;
    await show(page, `#/node/${snapshot!.id}/${first.accountId}/${first.region}/${first.instanceId}`);
    const section = page.locator('[data-testid="node-patches"]');
    await expect.poll(() => section.textContent()).toContain(HOSTILE);
    expect(await page.locator('[data-testid="node-patches"] img').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'node-patches-en.png'), fullPage: true });
    const denied = nodes.find((n) => n.accountId === DENIED)!;
    await show(page, `#/node/${snapshot!.id}/${denied.accountId}/${denied.region}/${denied.instanceId}`);
    await expect.poll(() => page.locator('[data-testid="patches-not-read"]').textContent()).toContain('access denied');
  });

  it('compares two snapshots: patches newly missing and resolved, in both languages', async () => {
    const { page } = app;
    await show(page, '#/compare');
    const section = page.locator('[data-testid="patch-changes"]');
    await expect.poll(() => section.locator('table[data-list="newlyMissing"] tr[data-kb]').count()).toBeGreaterThan(0);
    expect(await section.locator('table[data-list="resolved"] tr[data-kb]').count()).toBeGreaterThan(0);
    expect(await section.textContent()).toContain('access denied: 10');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(SHOTS, 'compare-patches-en.png') });
    await page.click('.toolbar button:has-text("日本語")');
    await expect.poll(() => section.textContent()).toContain('新たに未適用');
    await section.screenshot({ path: join(SHOTS, 'compare-patches-ja.png') });
    expect(app.pageErrors).toEqual([]);
  });
});
