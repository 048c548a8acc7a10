/**
 * A clone works in any folder on any machine: no tracked file names where this checkout, its
 * parent folder or the user's home happen to be, and no source imports a file by absolute path
 * (two scratch files that did broke the type-check on every other machine).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function trackedTextFiles(): { file: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.flatMap((file) => {
    let buffer: Buffer;
    try {
      buffer = readFileSync(join(root, file));
    } catch {
      return []; // deleted in the working tree, not yet committed
    }
    return buffer.includes(0) ? [] : [{ file, text: buffer.toString('utf8') }];
  });
}

/**
 * Folders of this machine that no other clone shares. `/` and the temp folder are on every
 * machine (and a clone made in the temp folder has it as its parent), so they are not among them.
 */
export function machineFolders(checkout: string, home: string, temp: string): string[] {
  const everywhere = new Set([sep, temp, dirname(temp)].map((folder) => folder.replace(/[\\/]+$/, '')));
  const folders = [checkout, dirname(checkout), home].filter(
    (folder) => folder.split(sep).filter(Boolean).length > 0 && !everywhere.has(folder),
  );
  return [...new Set(folders.map((folder) => folder + sep))];
}

describe('portability of the tracked files', () => {
  const files = trackedTextFiles();

  it('reads the repository it is in', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['package.json', 'README.md', '.ci/run']));
  });

  it('no tracked file names this checkout, its parent folder or the home folder', () => {
    // The OS account's home, not HOME: the test setup points HOME at a temporary folder.
    const folders = machineFolders(root, userInfo().homedir, tmpdir());
    expect(folders).toContain(root + sep);
    const offenders = files.flatMap(({ file, text }) =>
      folders.filter((folder) => text.includes(folder)).map((folder) => `${file} names ${folder}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no source imports a module by absolute path', () => {
    const absoluteImport = /(?:from\s*|import\(\s*|require\(\s*)['"](\/|[A-Za-z]:[\\/]|file:)/;
    const offenders = files
      .filter(({ file }) => /\.(ts|mts|cts|js|mjs|cjs|svelte)$/.test(file))
      .filter(({ text }) => absoluteImport.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('names no scratch file', () => {
    expect(files.map((f) => f.file).filter((file) => /(^|\/)(_try|scratch|tmp_|debug_)[^/]*$/.test(file))).toEqual([]);
  });
});

describe('machineFolders', () => {
  it('lists the checkout, its parent and the home folder, never the root or the temp folder', () => {
    // Made-up folders: a real one here (say the temp folder's clone) would name itself.
    expect(machineFolders('/example/ci/clone', '/', '/example/tmp')).toEqual(['/example/ci/clone/', '/example/ci/']);
    expect(machineFolders('/w', '/example/home', '/example/tmp')).toEqual(['/w/', '/example/home/']);
    expect(machineFolders('/example/tmp/clone', '/example/tmp/home-1', '/example/tmp')).toEqual([
      '/example/tmp/clone/',
      '/example/tmp/home-1/',
    ]);
  });
});
