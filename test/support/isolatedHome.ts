/**
 * Keeps the developer's own AWS setup and app data out of every test: a test, and every
 * process it spawns with the inherited environment, sees an empty home folder with empty AWS
 * config and credentials files, no AWS_* variable from the shell (no profile, keys, region or
 * endpoint override), no instance metadata lookup, and none of the app's own variables (a data
 * folder or external id set in the shell). A test that needs any of these sets its own, after
 * this has run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './tempDir';

/** Where a user's home and per-user folders are looked up, on each OS. */
const HOME_VARS = ['HOME', 'USERPROFILE', 'APPDATA', 'XDG_CONFIG_HOME'] as const;
/** Every variable with one of these prefixes is removed: the SDK's and the app's own. */
const CLEARED = ['AWS_', 'PATCH_AUDIT'];
const cleared = (name: string) => CLEARED.some((prefix) => name.startsWith(prefix));

export interface IsolatedHome {
  home: string;
  configFile: string;
  credentialsFile: string;
  /** Puts the environment back as it was before. */
  restore(): void;
}

export function isolateHome(): IsolatedHome {
  const home = tempDir('pa-home-');
  const aws = join(home, '.aws');
  mkdirSync(aws);
  const configFile = join(aws, 'config');
  const credentialsFile = join(aws, 'credentials');
  writeFileSync(configFile, '');
  writeFileSync(credentialsFile, '');

  const touched = [...HOME_VARS, ...Object.keys(process.env).filter(cleared)];
  const saved = new Map(touched.map((name) => [name, process.env[name]]));
  for (const name of touched) delete process.env[name];
  Object.assign(process.env, {
    HOME: home,
    USERPROFILE: home,
    APPDATA: join(home, 'AppData', 'Roaming'),
    XDG_CONFIG_HOME: join(home, '.config'),
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    // The SDK's default chain would otherwise probe 169.254.169.254 when nothing else answers.
    AWS_EC2_METADATA_DISABLED: 'true',
  });

  return {
    home,
    configFile,
    credentialsFile,
    restore: () => {
      for (const name of Object.keys(process.env)) if (cleared(name)) delete process.env[name];
      for (const name of HOME_VARS) delete process.env[name];
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    },
  };
}
