/**
 * `npm run web` as a user runs it: a process of its own on the app's data folder (or the one
 * given), stopped with Ctrl+C or SIGTERM. Its data is the user's: stopping removes only the
 * run's uploads and downloads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, defaultDataDir } from '../../../electron/core/paths';
import { MAX_INPUT_DEPTH } from '../../../shared/inputDepth';
import { WEB_FILES_FOLDER } from '../../../electron/webhost/webFiles';
import { tempDir } from '../../support/tempDir';
import { openSession } from '../../support/webHostSession';

const SERVE = join(import.meta.dirname, '..', '..', '..', 'electron', 'webhost', 'serve.ts');

interface Served {
  child: ChildProcess;
  /** Resolves with the host's printed lines once it says where to open it, or rejects when it exits first. */
  started: Promise<string[]>;
  exited: Promise<{ code: number | null; stderr: string }>;
}

function serve(args: string[], env: Record<string, string> = {}): Served {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, ...args], {
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((done) => child.on('close', (code) => done({ code, stderr })));
  const started = new Promise<string[]>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/^Open: .*\n/m.test(stdout)) done(stdout.split('\n'));
    });
    void exited.then(({ code }) => fail(new Error(`the web host exited (${code}) before it started: ${stderr}`)));
  });
  // A test that expects the host to refuse its options waits for the exit instead.
  started.catch(() => undefined);
  return { child, started, exited };
}

const printed = (lines: string[], label: string) =>
  lines
    .find((line) => line.startsWith(label))!
    .slice(label.length)
    .trim();
const hostOf = (lines: string[]) => {
  const url = printed(lines, 'Open:');
  return { url, origin: new URL(url).origin, close: async () => {} };
};

describe('npm run web', () => {
  it("keeps the app's own data folder, says so, and leaves it there on Ctrl+C", async () => {
    // The file's isolated home (test/support/setup.ts): no PATCH_AUDITOR_DATA_DIR, a home of its own.
    const dataDir = defaultDataDir();
    const served = serve([]);
    const lines = await served.started;
    expect(printed(lines, 'Data folder:')).toBe(dataDir);
    expect(printed(lines, 'Database:')).toBe(join(dataDir, DB_FILE));

    const host = hostOf(lines);
    const session = await openSession(host);
    const call = (name: string, body: string) =>
      fetch(`${host.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
        body,
      });
    expect(await (await call('settings:set', JSON.stringify({ input: { theme: 'dark' } }))).json()).toMatchObject({ ok: true });
    // Through the core's own thread, as the host runs it: a depth that once overflowed the copy to it.
    for (const levels of [MAX_INPUT_DEPTH + 1, 5_000, 100_000]) {
      const deep = await call('settings:set', `{"input":{"theme":${'['.repeat(levels)}${']'.repeat(levels)}}}`);
      expect(deep.status).toBe(400);
      expect(await deep.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect((await call('settings:get', '{}')).status).toBe(200);
    expect(readdirSync(join(dataDir, WEB_FILES_FOLDER))).toHaveLength(1);

    served.child.kill('SIGINT');
    expect(await served.exited).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, DB_FILE))).toBe(true);
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
    // Only the run's own upload folder went.
    expect(readdirSync(join(dataDir, WEB_FILES_FOLDER))).toEqual([]);
  });

  it('takes --data-dir and --db relative to where npm was run, and leaves both on SIGTERM', async () => {
    const cwd = tempDir('pa-serve-cwd-');
    mkdirSync(join(cwd, 'clients'));
    const home = tempDir('pa-serve-home-');
    const homeEnv = { HOME: home, USERPROFILE: home, APPDATA: join(home, 'AppData'), XDG_CONFIG_HOME: join(home, '.config') };
    const served = serve(['--data-dir', 'web-data', '--db', join('clients', 'acme.sqlite')], { INIT_CWD: cwd, ...homeEnv });
    const lines = await served.started;
    expect(printed(lines, 'Data folder:')).toBe(join(cwd, 'web-data'));
    expect(printed(lines, 'Database:')).toBe(join(cwd, 'clients', 'acme.sqlite'));
    served.child.kill('SIGTERM');
    expect(await served.exited).toMatchObject({ code: 0 });
    expect(existsSync(join(cwd, 'clients', 'acme.sqlite'))).toBe(true);
    expect(existsSync(join(cwd, 'web-data'))).toBe(true);
    // The app's own folder was not touched.
    expect(readdirSync(home)).toEqual([]);
  });

  it('says so and exits 1 when the database cannot be opened, no stack trace, nothing left behind', async () => {
    const dir = tempDir('pa-serve-bad-');
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'a file where a folder should be');
    const { code, stderr } = await serve(['--data-dir', join(dir, 'data'), '--db', join(notAFolder, 'x.sqlite')]).exited;
    expect(code).toBe(1);
    expect(stderr).toContain(`patch-auditor web: cannot open the data in ${join(dir, 'data')} (database ${join(notAFolder, 'x.sqlite')})`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(dir, 'data', WEB_FILES_FOLDER))).toEqual([]);
  });

  it('refuses an unknown option with its usage and exit code 2, no stack trace', async () => {
    const { code, stderr } = await serve(['--data-folder', 'x']).exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^patch-auditor web: .*'--data-folder'/);
    expect(stderr).toContain('usage: npm run web');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
