/**
 * The quick start on a machine with no browser: `npm run demo` still audits, saves and exports,
 * writes the reports as HTML instead of PDF, says why and how to get PDFs, and exits 0.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';

const LINUX_HINT =
  process.platform === 'linux'
    ? 'install Chromium (Debian/Ubuntu: apt-get install chromium; for Japanese reports also fonts-noto-cjk) or set CHROMIUM_PATH'
    : 'install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium-based browser';
const run = (args: string[], cwd: string, env: Record<string, string>) =>
  runCli(args, { cwd, env: { HOME: cwd, PATCH_AUDITOR_DATA_DIR: join(cwd, 'app-data'), ...env } });

describe('patch-audit demo without a browser', () => {
  const dir = tempDir('pa-demo-nobrowser-');
  const missing = join(dir, 'no-such-browser');

  it('writes HTML reports and every export, names what it needs for PDFs, and succeeds', async () => {
    const result = await run(['demo', '--out', 'demo', '--nodes', '18'], dir, { CHROMIUM_PATH: missing });
    expect(result.stderr).not.toMatch(/ChromiumNotFound|at \S+\.ts:\d+/);
    expect(result.code).toBe(0);
    for (const file of ['report-ja.html', 'report-en.html', 'nodes-en.csv', 'checks-ja.csv', 'patch-auditor-demo.sqlite'])
      expect(existsSync(join(dir, 'demo', file)), file).toBe(true);
    expect(existsSync(join(dir, 'demo', 'report-en.pdf'))).toBe(false);
    // Reports and exports hold a client's findings: owner-only, like the app's own.
    if (process.platform !== 'win32')
      for (const file of ['report-en.html', 'nodes-en.csv']) expect(statSync(join(dir, 'demo', file)).mode & 0o777, file).toBe(0o600);
    const en = readFileSync(join(dir, 'demo', 'report-en.html'), 'utf8');
    expect(en).toMatch(/^<!doctype html>/);
    expect(en).toContain('managed nodes');
    expect(result.stdout).toContain(join('demo', 'report-en.html'));
    expect(result.stdout).toContain(`PDF:      not written. No Chromium-based browser found to print PDFs (looked at ${missing})`);
  }, 120_000);

  it('a report command without a browser says so in one line, exits 1 and writes nothing', async () => {
    const db = join(dir, 'demo', 'patch-auditor-demo.sqlite');
    expect(existsSync(db)).toBe(true);
    const result = await run(['report', '1', '--db', db, '-o', join(dir, 'r.pdf')], dir, { CHROMIUM_PATH: missing });
    expect(result.stderr).toBe(`patch-audit: No Chromium-based browser found to print PDFs (looked at ${missing}): ${LINUX_HINT}.\n`);
    expect(result.code).toBe(1);
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
  }, 60_000);
});
