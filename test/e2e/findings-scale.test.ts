/**
 * The node table at 50,000 nodes: it scrolls to the middle and to the end showing the right rows,
 * fetched in pages as they come into view, with a bounded number of row elements in the DOM.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../fixtures/makeSnapshot';
import { startWebApp, type WebApp } from '../support/webApp';

const NODES = 50_000;
const ROW_HEIGHT = 36;

const rowAt = (page: Page, index: number) => page.locator(`[role="grid"] [role="row"][data-index="${index}"]`);
const renderedRows = (page: Page) => page.locator('[role="grid"] [role="row"][data-index]').count();

describe('node table with 50,000 nodes', () => {
  let app: WebApp;
  let id: number;

  beforeAll(async () => {
    app = await startWebApp();
    const input = makeSnapshot({ nodes: NODES, seed: 3 });
    id = app.core.services.snapshots.save(input);
    await app.page.goto(`${app.host.url}#/nodes`);
  });
  afterAll(async () => app?.close());

  // How long the save takes is measured in the bench (test/bench/store.ts), not asserted here.
  it('saves the snapshot whole', () => {
    expect(app.core.services.snapshots.get(id)).toMatchObject({ nodeCount: NODES });
    expect(app.core.services.fleet.queryNodes(id, { limit: 1 }).total).toBe(NODES);
  });

  it('shows the total and only the rows in view', async () => {
    const { page } = app;
    await expect.poll(() => rowAt(page, 0).getAttribute('data-instance')).toBeTruthy();
    expect(await page.locator('[role="grid"]').getAttribute('aria-rowcount')).toBe(String(NODES + 1));
    expect(await page.locator('.count[role="status"]').textContent()).toContain('50,000');
    expect(await renderedRows(page)).toBeLessThan(60);
  });

  for (const [where, index] of [
    ['the middle', NODES / 2],
    ['the end', NODES - 1],
  ] as const) {
    it(`scrolls to ${where} and renders the right rows, fetched on demand`, async () => {
      const { page } = app;
      const expected = app.core.services.fleet.queryNodes(id, { offset: index, limit: 1 }).rows[0]!.instanceId;
      await page.locator('[role="grid"]').evaluate((el, top) => (el.scrollTop = top), index * ROW_HEIGHT);
      await expect.poll(() => rowAt(page, index).getAttribute('data-instance')).toBe(expected);
      expect(await renderedRows(page)).toBeLessThan(60);
      expect(await rowAt(page, 0).count()).toBe(0);
    });
  }

  it('moves to the first and last rows with Home and End', async () => {
    const { page } = app;
    await rowAt(page, NODES - 1).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator(':focus').getAttribute('data-index')).toBe('0');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator(':focus').getAttribute('data-index')).toBe(String(NODES - 1));
  });

  it('ran without console errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
