/** A first-time user with no AWS account: the empty overview offers simulated data, and it fills every page. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_ID } from '../../shared/catalog';
import { RESULTS_DIR, startWebApp, type WebApp } from '../support/webApp';

describe('try it with simulated data', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
    await app.page.goto(app.host.url);
  });
  afterAll(async () => app?.close());

  it('records five simulated weekly audits from the empty overview and shows the newest', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'シミュレーションデータで試す' }).click();
    await expect.poll(() => app.core.services.snapshots.list().length, { timeout: 90_000 }).toBe(5);
    const snapshots = app.core.services.snapshots.list();
    expect(new Set(snapshots.map((s) => s.client))).toEqual(new Set(['デモ (シミュレーション) / Demo (simulated)']));
    expect(snapshots.filter((s) => s.status === 'partial')).toHaveLength(1);
    // Issue 27: the demo judges under the current AWS page, as a new audit does.
    expect(new Set(snapshots.map((s) => s.catalogEdition))).toEqual(new Set([DEFAULT_CATALOG_ID]));
    const newest = [...snapshots].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]!;
    await expect.poll(() => page.locator('select').first().inputValue(), { timeout: 20_000 }).toBe(String(newest.id));
    await expect.poll(() => page.getByText(String(newest.nodeCount), { exact: true }).count()).toBeGreaterThan(0);
    const unscheduled = app.core.services.snapshots
      .get(newest.id)
      .scopes.filter((s) => s.status === 'ok' && s.patching?.patchAssociations === 0 && s.patching.patchMaintenanceWindows === 0);
    expect(unscheduled.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="unscheduled"] li').count()).toBe(unscheduled.length);
    // Judged under the current page: no notice of an older edition.
    expect(await page.locator('[data-testid="edition-notice"]').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'ui', 'overview-demo-ja.png'), fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });

  // Issue 18: the newest demo snapshot (the current AWS page) under the 2022 source document, in both languages.
  it('shows what the 2022 page changes for the newest snapshot, by rule, platform and account', async () => {
    const { page } = app;
    const newest = [...app.core.services.snapshots.list()].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]!;
    const expected = app.core.services.fleet.editionChanges(newest.id, 'seed-2022');
    expect(expected.totals.changedNodes).toBeGreaterThan(0);
    await page.evaluate("window.location.hash = '#/compare?by=edition'");
    const total = (key: string) => page.locator(`[data-total="${key}"] strong`).textContent();
    await expect.poll(() => total('changedNodes')).toBe(expected.totals.changedNodes.toLocaleString('ja-JP'));
    expect(await total('readyAfter')).toBe(expected.totals.readyAfter.toLocaleString('ja-JP'));
    expect(await page.locator('#edition-to').inputValue()).toBe('seed-2022');
    expect(await page.locator('table[data-list="rules"] tbody tr').count()).toBe(expected.byRule.length);
    expect(await page.locator('table[data-list="platform"] tbody tr').count()).toBe(expected.byPlatform.length);
    expect(await page.locator('table[data-list="account"] tbody tr').count()).toBe(expected.byAccount.length);
    await expect.poll(() => page.locator('nav.modes a[aria-current="page"]').textContent()).toBe('別のカタログの版で判定');
    await page.screenshot({ path: join(RESULTS_DIR, 'ui', 'compare-edition-ja.png'), fullPage: true });
    await page.click('button:has-text("EN")');
    await expect.poll(() => page.locator('[data-total="changedNodes"] span').textContent()).toBe('Nodes that change');
    await page.screenshot({ path: join(RESULTS_DIR, 'ui', 'compare-edition-en.png'), fullPage: true });
    // Judged under its own edition, nothing changes.
    await page.selectOption('#edition-to', 'aws-2026-11');
    await expect.poll(() => total('changedNodes')).toBe('0');
    expect(app.pageErrors).toEqual([]);
  });

  // Issue 19 on real audit data: the simulator's DescribeInstancePatches answers, ranked.
  it('ranks the missing patches of the newest snapshot by the nodes they affect', async () => {
    const { page } = app;
    const newest = [...app.core.services.snapshots.list()].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]!;
    const summary = app.core.services.fleet.missingPatches(newest.id);
    expect(summary.patches.length).toBeGreaterThan(10);
    await page.click('button:has-text("日本語")');
    await page.evaluate("window.location.hash = '#/patches'");
    await expect.poll(() => page.locator('table[data-list="patches"] tbody tr[data-kb]').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(RESULTS_DIR, 'ui', 'patches-demo-ja.png'), fullPage: false });
    expect(app.pageErrors).toEqual([]);
  });

  it('refuses a second load while one runs, through the contract', async () => {
    const [first, second] = await Promise.all([app.core.dispatch('demo:load', { nodes: 9 }), app.core.dispatch('demo:load', { nodes: 9 })]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { message: 'Demo data is already being loaded.' } });
  });
});
