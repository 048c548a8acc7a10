/**
 * The setup every test file runs (test/support/setup.ts) keeps the developer's own home and
 * AWS configuration out of reach, here and in the processes tests spawn.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProfiles } from '../../electron/core/aws/profiles';
import { defaultDataDir } from '../../electron/core/paths';
import { tempDir } from '../support/tempDir';

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
};

describe('test isolation from the developer’s machine', () => {
  it('gives the file a home of its own under the temp folder', () => {
    expect(inside(tmpdir(), homedir())).toBe(true);
    expect(homedir()).not.toBe(userInfo().homedir);
    expect(process.env.XDG_CONFIG_HOME).toBe(join(homedir(), '.config'));
    expect(inside(homedir(), defaultDataDir())).toBe(true);
  });

  it('points the AWS config and credentials files at empty files in that home', async () => {
    for (const file of [process.env.AWS_CONFIG_FILE, process.env.AWS_SHARED_CREDENTIALS_FILE]) {
      expect(inside(homedir(), file ?? '')).toBe(true);
      expect(readFileSync(file!, 'utf8')).toBe('');
    }
    expect(await listProfiles()).toEqual([]);
  });

  it('lets no AWS variable of the shell through, nor the app’s own', () => {
    const aws = Object.keys(process.env).filter((name) => name.startsWith('AWS_'));
    expect(aws.sort()).toEqual(['AWS_CONFIG_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_SHARED_CREDENTIALS_FILE']);
    expect(Object.keys(process.env).filter((name) => name.startsWith('PATCH_AUDIT'))).toEqual([]);
  });

  it('hands the same isolation to a spawned process', () => {
    const child = spawnSync(
      process.execPath,
      ['-e', 'console.log(JSON.stringify([require("os").homedir(), process.env.AWS_CONFIG_FILE, process.env.AWS_PROFILE ?? null]))'],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual([homedir(), process.env.AWS_CONFIG_FILE, null]);
  });

  it('makes distinct temporary folders under the temp folder', () => {
    const [a, b] = [tempDir('pa-isolation-'), tempDir('pa-isolation-')];
    expect(a).not.toBe(b);
    for (const dir of [a, b]) {
      expect(inside(tmpdir(), dir)).toBe(true);
      expect(existsSync(dir)).toBe(true);
    }
  });
});
