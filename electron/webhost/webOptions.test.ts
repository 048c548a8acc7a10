import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, defaultDataDir } from '../core/host';
import { webPlace, WebUsageError } from './webOptions';

const env = { XDG_CONFIG_HOME: '/home/u/.config' } as NodeJS.ProcessEnv;

describe('where npm run web keeps its data', () => {
  it("uses the app's own data folder and database by default, as the desktop app and patch-audit do", () => {
    const dataDir = defaultDataDir(env);
    expect(webPlace([], env)).toEqual({ dataDir, dbPath: join(dataDir, DB_FILE) });
    expect(webPlace([], { ...env, PATCH_AUDITOR_DATA_DIR: '/srv/pa' })).toEqual({ dataDir: '/srv/pa', dbPath: join('/srv/pa', DB_FILE) });
  });

  it('takes --data-dir and --db, relative to the folder npm was run from', () => {
    const here = { ...env, INIT_CWD: '/srv/engagement' };
    expect(webPlace(['--data-dir', 'data'], here, '/repo')).toEqual({
      dataDir: resolve('/srv/engagement', 'data'),
      dbPath: join(resolve('/srv/engagement', 'data'), DB_FILE),
    });
    expect(webPlace(['--db', 'acme.sqlite'], here, '/repo')).toEqual({
      dataDir: defaultDataDir(env),
      dbPath: resolve('/srv/engagement', 'acme.sqlite'),
    });
    expect(webPlace(['--db=/abs/acme.sqlite'], env, '/repo').dbPath).toBe('/abs/acme.sqlite');
    expect(webPlace(['--db', 'x.sqlite'], env, '/repo').dbPath).toBe(resolve('/repo', 'x.sqlite'));
  });

  it('refuses unknown options, stray words and empty paths with the usage', () => {
    for (const args of [['--data-folder', 'x'], ['data'], ['--db'], ['--db', '']]) {
      expect(() => webPlace(args, env)).toThrow(WebUsageError);
      expect(() => webPlace(args, env)).toThrow(/usage: npm run web -- \[--data-dir DIR\] \[--db PATH\]/);
    }
  });
});
