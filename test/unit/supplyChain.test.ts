/**
 * Supply chain: what `npm ci` installs is exactly what was reviewed. Every dependency is pinned
 * to one version (no `^`/`~` ranges that would let a new release in unreviewed), the committed
 * lockfile agrees with package.json, and every locked package carries an integrity hash that
 * npm checks on download. `npm audit --omit=dev` findings are explained in docs/reliability.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<
    string,
    {
      version?: string;
      integrity?: string;
      link?: boolean;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    }
  >;
};
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

describe('supply chain', () => {
  it.each(['dependencies', 'devDependencies'])('pins every one of the %s to an exact version', (field) => {
    const ranges = Object.entries(pkg[field] ?? {}).filter(([, version]) => !EXACT.test(version));
    expect(ranges).toEqual([]);
  });

  it('has a lockfile that agrees with package.json, every package with its integrity hash', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(lock.packages['']?.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']?.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
    const unchecked = Object.entries(lock.packages).filter(
      ([path, entry]) => path !== '' && !entry.link && !/^sha512-/.test(entry.integrity ?? ''),
    );
    expect(unchecked.map(([path]) => path)).toEqual([]);
  });

  it.runIf(existsSync(join(ROOT, '.git')))('commits the lockfile', () => {
    expect(execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe(
      'package-lock.json',
    );
  });
});
