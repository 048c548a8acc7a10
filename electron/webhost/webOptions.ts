/**
 * Where `npm run web` keeps its data: the app's own data folder (the desktop app's and
 * patch-audit's, `defaultDataDir`, which honours PATCH_AUDITOR_DATA_DIR), or `--data-dir DIR`;
 * the database is the data folder's unless `--db PATH` names another, as with patch-audit.
 * Settings, plans and this run's uploads stay in the data folder either way.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE, defaultDataDir } from '../core/host';

export const WEB_USAGE = 'usage: npm run web -- [--data-dir DIR] [--db PATH]';

export interface WebPlace {
  dataDir: string;
  dbPath: string;
}

export class WebUsageError extends Error {
  override name = 'WebUsageError';
}

export function webPlace(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): WebPlace {
  let values: { 'data-dir'?: string | undefined; db?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...args], options: { 'data-dir': { type: 'string' }, db: { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new WebUsageError(`${(err as Error).message}\n${WEB_USAGE}`);
  }
  // npm runs scripts from the package's folder; a relative path means the user's own (INIT_CWD).
  const from = (path: string) => (isAbsolute(path) ? path : resolve(env.INIT_CWD ?? cwd, path));
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new WebUsageError(`--${name} needs a path\n${WEB_USAGE}`);
  }
  const dataDir = values['data-dir'] ? from(values['data-dir']) : defaultDataDir(env);
  return { dataDir, dbPath: values.db ? from(values.db) : join(dataDir, DB_FILE) };
}
