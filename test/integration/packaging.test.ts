/**
 * A real `electron-builder --dir` run for Linux on a stand-in Electron (electronDist), so the
 * packaging is exercised end to end without downloading Electron: the asar holds out/ and the
 * production modules only, better-sqlite3's .node file sits outside the archive, and the
 * afterPack hook has flipped the fuses of the packaged executable.
 */
import { build, Platform } from 'electron-builder';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../build/electron-builder.config.mjs';
import { readFuseWire, writeFakeElectron } from '../support/fakeElectronBinary';
import { tempDir } from '../support/tempDir';

const root = join(import.meta.dirname, '..', '..');
const skip =
  process.platform !== 'linux'
    ? 'the stand-in Electron is a Linux layout'
    : !existsSync(join(root, 'out', 'main', 'main.cjs'))
      ? 'out/ is not built (npm run build)'
      : null;
if (skip) process.stdout.write(`[packaging] SKIPPED: ${skip}.\n`);

/** The file list of an asar archive, from its JSON header (the layout @electron/asar writes). */
function asarFiles(file: string): string[] {
  const archive = readFileSync(file);
  const header = JSON.parse(archive.subarray(16, 16 + archive.readUInt32LE(12)).toString('utf8')) as Entry;
  type Entry = { files?: Record<string, Entry>; unpacked?: boolean };
  const out: string[] = [];
  const walk = (entry: Entry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      if (child.files) walk(child, `${prefix}${name}/`);
      else out.push(`${prefix}${name}${child.unpacked ? ' (unpacked)' : ''}`);
    }
  };
  walk(header, '');
  return out;
}

describe.skipIf(skip !== null)('electron-builder --dir (Linux, stand-in Electron)', () => {
  it('packs out/ and production modules into asar, unpacks the native module and flips the fuses', async () => {
    const work = tempDir('pa-pack-');
    const electronDist = join(work, 'electron');
    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    writeFakeElectron(join(electronDist, 'electron'));
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT');
    writeFileSync(join(electronDist, 'resources', 'default_app.asar'), 'default app');

    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      config: { ...config, electronDist, directories: { ...config.directories, output: join(work, 'dist') } },
      publish: 'never',
    });

    const appDir = join(work, 'dist', 'linux-unpacked');
    expect(readFuseWire(join(appDir, 'patch-auditor'))).toBe('010011000');
    expect(existsSync(join(appDir, 'resources', 'default_app.asar'))).toBe(false);
    expect(
      existsSync(
        join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      ),
    ).toBe(true);

    const files = asarFiles(join(appDir, 'resources', 'app.asar'));
    expect(files).toEqual(
      expect.arrayContaining([
        'out/main/main.cjs',
        'out/main/coreWorker.cjs',
        'out/main/importWorker.cjs',
        'out/preload/preload.cjs',
        'out/renderer/index.html',
        'package.json',
      ]),
    );
    expect(files).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node (unpacked)');
    const tops = new Set(files.map((file) => file.split('/')[0]));
    expect([...tops].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(files.filter((file) => /\.map$|\.ts$|^node_modules\/(tsx|esbuild|vitest|electron)\//.test(file))).toEqual([]);
    expect(files.some((file) => file.startsWith('node_modules/better-sqlite3/deps/'))).toBe(false);
  });
});
