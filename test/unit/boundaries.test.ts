/**
 * The architecture's hard lines (docs/design.md §1): the core and shared code run in plain Node and
 * the browser, so they never import Electron; the renderer never imports Node or the core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../shared/toolVersion';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte|mjs|js)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const importsOf = (file: string) =>
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(
      /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

/** The store is sealed (electron/core/store/README.md): outside it, only its index may be imported. */
const STORE_DIR = join(root, 'electron', 'core', 'store');
const insideStore = (file: string) => resolve(root, file).startsWith(STORE_DIR + sep);
const reachesIntoStore = (file: string, spec: string): boolean => {
  if (!spec.startsWith('.')) return false;
  const target = resolve(root, dirname(file), spec);
  return target.startsWith(STORE_DIR + sep) && !/^index(\.[jt]s)?$/.test(relative(STORE_DIR, target));
};

/** Where a relative import of `file` lands, as a path from the repository root. */
const targetOf = (file: string, spec: string) =>
  relative(root, resolve(root, dirname(file), spec))
    .split(sep)
    .join('/');

describe('module boundaries', () => {
  it('the CLI reaches the core through its public entry only', () => {
    const files = sources('electron/cli').filter((file) => !file.endsWith('.test.ts'));
    const offenders = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && /^electron\/core\/.+/.test(targetOf(file, spec)))
        .filter((spec) => !/^electron\/core\/index(\.ts)?$/.test(targetOf(file, spec)))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('handlers call services and never the store', () => {
    const files = sources('electron/core/handlers');
    const offenders = files.filter((file) =>
      importsOf(file).some((spec) => spec.startsWith('.') && targetOf(file, spec).startsWith('electron/core/store')),
    );
    expect(files.length).toBe(15);
    expect(offenders).toEqual([]);
  });

  it('electron/core and shared/ never import electron', () => {
    const offenders = [...sources('electron/core'), ...sources('shared')].filter((file) =>
      importsOf(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ imports no Node built-ins (it is bundled into the renderer too)', () => {
    const offenders = sources('shared')
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => importsOf(file).some((spec) => spec.startsWith('node:')));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches the core only through the contract', () => {
    const offenders = sources('renderer/src').filter((file) =>
      importsOf(file).some(
        (spec) => spec.startsWith('node:') || spec === 'electron' || spec.includes('electron/core') || spec.includes('electron/main'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('outside electron/core/store, sources, tests and benchmarks import the store through its index only', () => {
    const files = [...sources('electron'), ...sources('shared'), ...sources('renderer/src'), ...sources('test'), ...sources('build')];
    const offenders = files
      .filter((file) => !insideStore(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => reachesIntoStore(file, spec))
          .map((spec) => `${file}: ${spec}`),
      );
    expect(files.filter(insideStore).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('only the store opens SQLite (tests may open the file to inspect it)', () => {
    const offenders = [...sources('electron'), ...sources('shared'), ...sources('renderer/src')]
      .filter((file) => !insideStore(file))
      .filter((file) => importsOf(file).some((spec) => spec === 'better-sqlite3' || spec.startsWith('better-sqlite3/')));
    expect(offenders).toEqual([]);
  });

  it('the tool version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('no project file reads the reference folder beside the repository', () => {
    const offenders = [...sources('electron'), ...sources('shared'), ...sources('renderer/src'), ...sources('test')].filter((file) =>
      /\.\.\/shared\/(seed|DESIGN|hooks)/.test(readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
    );
    expect(offenders).toEqual([]);
  });
});
