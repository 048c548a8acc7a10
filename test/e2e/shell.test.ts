import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startWebApp, type WebApp } from '../support/webApp';

const root = join(import.meta.dirname, '..', '..');

/** A page global, for the one check that runs in the page (this file is type-checked without DOM types). */
declare function getComputedStyle(element: unknown): { backgroundColor: string };

describe('app shell in Chromium against the web host', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
    await app.page.goto(app.host.url);
  });
  afterAll(async () => app?.close());

  it('starts in Japanese with the overview and every page in the navigation', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('概要');
    const nav = await page.locator('nav a').allTextContents();
    expect(nav).toEqual([
      'アカウントとリージョン',
      '監査の実行',
      '概要',
      'ノードと検出事項',
      '管理外のインスタンス',
      '未適用パッチ',
      '推移',
      '比較',
      'スナップショットとレポート',
      '設定',
    ]);
    await page.screenshot({ path: join(RESULTS_DIR, 'shell-overview-ja.png') });
  });

  it('navigates with the keyboard and by click, showing each page and its empty state', async () => {
    const { page } = app;
    await page.click('nav a[data-page="nodes"]');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('ノードと検出事項');
    expect(page.url()).toMatch(/#\/nodes$/);
    await expect.poll(() => page.locator('[role="status"] .title').textContent()).toBe('表示するノードはありません。');

    await page.focus('nav a[data-page="trends"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('推移');
    expect(await page.locator('nav a[aria-current="page"]').getAttribute('data-page')).toBe('trends');
  });

  it('switches to English, persists it through the core, and keeps it after a reload', async () => {
    const { page } = app;
    await page.click('button:has-text("EN")');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Trends');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const saved = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { language: string };
    expect(saved.language).toBe('en');

    await page.click('nav a[data-page="overview"]');
    await page.reload();
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Overview');
    await page.screenshot({ path: join(RESULTS_DIR, 'shell-overview-en.png') });
  });

  it('edits settings: theme, scan age (validated) and shows the data folder', async () => {
    const { page } = app;
    await page.click('nav a[data-page="settings"]');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Settings');
    await expect.poll(() => page.locator('.facts code').textContent()).toBe(app.dataDir);

    await page.check('input[name="theme"][value="dark"]');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');

    await page.fill('input[type="number"]', '400');
    await page.locator('input[type="number"]').dispatchEvent('change');
    await expect.poll(() => page.locator('.status').textContent()).toContain('1 to 365');
    expect((await app.core.handlers.settings.get(undefined)).scanAgeDays).toBe(7);

    await page.fill('input[type="number"]', '14');
    await page.locator('input[type="number"]').dispatchEvent('change');
    await expect.poll(async () => (await app.core.handlers.settings.get(undefined)).scanAgeDays).toBe(14);

    // The shipped policy, where every access-denied message says it is, copied or left selected.
    const policy = page.locator('.policy textarea');
    expect(JSON.parse(await policy.inputValue())).toEqual(
      JSON.parse(readFileSync(join(root, 'build', 'iam', 'patch-auditor-policy.json'), 'utf8')),
    );
    await page.click('.policy button');
    await expect
      .poll(() => page.locator('.policy [role="status"]').textContent())
      .toMatch(/^(Copied to the clipboard\.|The policy is selected: .*)$/);
    await page.screenshot({ path: join(RESULTS_DIR, 'shell-settings-dark-en.png') });
  });

  it('follows a settings change made elsewhere (event over the bridge)', async () => {
    const { page } = app;
    await app.core.dispatch('settings:set', { language: 'ja', theme: 'light' });
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('設定');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.screenshot({ path: join(RESULTS_DIR, 'shell-settings-ja.png') });
  });

  it('follows the OS colour scheme when the theme is "system"', async () => {
    const { page } = app;
    await app.core.dispatch('settings:set', { theme: 'system' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe('rgb(255, 255, 255)');
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
