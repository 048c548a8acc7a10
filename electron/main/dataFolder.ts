/**
 * Electron's own default (`~/.config/patch-auditor` from the package name) differs from the
 * folder the CLI uses; pointing `userData` at `defaultDataDir()` makes both share one
 * database, and `PATCH_AUDITOR_DATA_DIR` keeps tests and portable setups apart.
 */
import type { App } from 'electron';
import { defaultDataDir } from '../core/host';

export function useDataFolder(
  app: Pick<App, 'setPath'>,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const dir = defaultDataDir(env, platform);
  // Before `ready`: Chromium's session data follows userData, so nothing lands in the other folder.
  app.setPath('userData', dir);
  return dir;
}
