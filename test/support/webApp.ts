/**
 * An end-to-end fixture in the manner of Bruno's: a fresh temporary data folder per test,
 * the real core behind the real web host, the built renderer, and app log lines prefixed so
 * a failing run shows whose line is whose.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCore, type Core, type CoreDeps } from '../../electron/core/createCore';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { WebFiles } from '../../electron/webhost/webFiles';
import { chromiumPrinter } from '../../electron/core/report/chromiumPrinter';
import { launchChromium } from './chromium';
import { tempDir } from './tempDir';

export const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'out', 'renderer');
export const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');

export interface WebApp {
  dataDir: string;
  core: Core;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** Console errors and CSP violations seen in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface WebAppOptions {
  /** Where audits go: the tests point it at the simulator. Absent: the SDK's own resolution. */
  aws?: CoreDeps['aws'];
  /** Where the app's log lines go (default: stderr, prefixed `[app]`). */
  log?: (line: string) => void;
  /**
   * Lets the page reach other origins despite the renderer's CSP (connect-src 'self'), for a
   * test that must see what the browser itself would send there. Page errors still count.
   */
  bypassCSP?: boolean;
}

export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  // Chromium first: where it is missing, nothing else has been made that would need removing.
  const browser = await launchChromium();
  const dataDir = tempDir('pa-e2e-');
  const files = new WebFiles(dataDir);
  const core = createCore({
    dataDir,
    log: options.log ?? ((line) => process.stderr.write(`[app] ${line}\n`)),
    host: { host: 'web', versions: { node: process.versions.node }, openExternal: async () => {}, files },
    ...(options.aws ? { aws: options.aws } : {}),
    printer: chromiumPrinter(browser),
  });
  const host = await startWebHost({ core, rendererDir: RENDERER_DIR, files });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    dataDir,
    core,
    host,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await host.close();
      await core.close();
      files.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
