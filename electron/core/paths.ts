/**
 * Where the app keeps its data: the OS's usual per-user application folder, or
 * PATCH_AUDITOR_DATA_DIR (tests, portable setups). The desktop app and the CLI share it, so
 * `patch-audit` sees the snapshots the app made.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Patch Auditor';
export const DB_FILE = 'patch-auditor.sqlite';
/** The export file's extension: the save dialog's filter, the OS's file association, a spilled audit. */
export const SNAPSHOT_EXTENSION = '.patchaudit';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PATCH_AUDITOR_DATA_DIR) return env.PATCH_AUDITOR_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

export const defaultDbPath = (env: NodeJS.ProcessEnv = process.env): string => join(defaultDataDir(env), DB_FILE);
