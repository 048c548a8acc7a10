/**
 * The desktop shell itself, where an Electron binary exists. On machines that cannot download
 * it (docs/design.md §2; `npm run electron:binary` fetches it) the test says it was skipped and
 * why, instead of passing silently. It never triggers the download itself: asking the electron
 * package for its path would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { installedBinary } from '../../build/scripts/electronBinary';
import type { AuditorApi } from '../../shared/contract';
import { tempDir } from '../support/tempDir';

/** The page's global as the preload leaves it (this file is type-checked without DOM types). */
declare const window: { auditor?: AuditorApi };

function electronBinary(): { path: string } | { skipped: string } {
  const manifest = createRequire(import.meta.url).resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const path = installedBinary({ dir: dirname(manifest), version });
  return path ? { path } : { skipped: `no Electron ${version} binary is installed` };
}

const binary = electronBinary();
if ('skipped' in binary) {
  process.stdout.write(
    `[electron-smoke] SKIPPED: ${binary.skipped}. Run \`npm run electron:binary\` (needs the internet or a mirror) to run it.\n`,
  );
}

describe.skipIf('skipped' in binary)('Electron smoke', () => {
  it('launches the window with the preload bridge and no Node in the page', async () => {
    const dataDir = tempDir('pa-electron-');
    const app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, PATCH_AUDITOR_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('#page-title');
      expect(await page.evaluate(() => typeof window.auditor?.settings.get)).toBe('function');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(async () => (await window.auditor!.app.info()).host)).toBe('electron');
      expect(await page.evaluate(async () => (await window.auditor!.app.info()).dataDir)).toBe(dataDir);
      // The session's network guard (and the CSP) keep the page off the network.
      expect(
        await page.evaluate(() =>
          fetch('https://example.com/').then(
            () => 'reached',
            () => 'blocked',
          ),
        ),
      ).toBe('blocked');
      expect(await page.evaluate(async () => Array.isArray(await window.auditor!.snapshots.list()))).toBe(true);
    } finally {
      await app.close();
    }
    // Closing saved the window's bounds in the data folder; the log names the start, without secrets.
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toMatchObject({ maximized: false });
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/\[main\] start /);
  });

  it('records a demo audit history and saves a PDF report through the save dialog', async () => {
    const dataDir = tempDir('pa-electron-');
    const target = join(dataDir, 'report.pdf');
    const app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, PATCH_AUDITOR_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('#page-title');
      // The save dialog is the OS's; answer it from the main process as the user would.
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
      }, target);
      const ids = await page.evaluate(async () => (await window.auditor!.demo.load({ nodes: 45 })).snapshotIds);
      expect(ids).toHaveLength(5);
      const saved = await page.evaluate(
        async (snapshotId) => window.auditor!.report.create({ snapshotId, lang: 'ja', paper: 'a4', format: 'pdf' }),
        ids.at(-1)!,
      );
      expect(saved.saved).toBe(true);
      expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await app.close();
    }
  });
});
