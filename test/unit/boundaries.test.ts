/**
 * The architecture's hard lines (docs/design.md §1) hold: the layer map (build/layers.mjs) allows
 * every import of every file in the tree, it keeps the lines it is there for, and the ESLint
 * config generated from it forbids what it forbids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CORE_LAYERS,
  EXCEPTIONS,
  importProblem,
  LAYERS,
  layerNamed,
  layerOf,
  resolveImport,
  ROOT,
  SOURCE_FILE,
  type Layer,
} from '../../build/layers.mjs';
import { nodeBundleWithImportMetaUrl } from '../../build/scripts/bundleOptions.mjs';
import { TOOL_VERSION } from '../../shared/toolVersion';

const GENERATED = /^(node_modules|out|dist|test-results|coverage|demo-output|\.git)(\/|$)/;
const INNER_NODE_MODULES = /(^|\/)node_modules\//;

/** Every file of the tree (paths from the root, with `/`), less what tools generate. */
const allFiles = readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
  .filter((file) => !GENERATED.test(file) && !INNER_NODE_MODULES.test(file))
  .sort();
const sourceFiles = allFiles.filter((file) => SOURCE_FILE.test(file));

/** Every module a source names: static, type-only, re-exported, dynamic, `import()` types, require. */
function importsIn(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
}

const scriptOf = (file: string, text: string): string =>
  file.endsWith('.svelte') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;

const edges = sourceFiles.flatMap((from) =>
  importsIn(scriptOf(from, readFileSync(join(ROOT, from), 'utf8'))).map((spec) => ({ from, spec })),
);

const layerNames = LAYERS.map((layer) => layer.name);
const importsOf = (layer: Layer): readonly string[] => (layer.imports === '*' ? layerNames : layer.imports);
const layer = (name: string): Layer => {
  const found = layerNamed(name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
};

describe('the layer map', () => {
  it('the walker sees every form of import', () => {
    const text = [
      "import type { A } from './a';",
      "export { b } from './b';",
      "export * from './c';",
      "const d = await import('./d');",
      "type E = import('./e').E;",
      "const f = require('./f');",
      "import './g';",
      'import {',
      '  h,',
      '  type H,',
      "} from './h';",
    ].join('\n');
    expect(importsIn(text)).toEqual(['./a', './b', './c', './d', './e', './f', './g', './h']);
  });

  it('every source file belongs to a layer', () => {
    expect(sourceFiles.length).toBeGreaterThan(400);
    expect(sourceFiles.filter((file) => !layerOf(file))).toEqual([]);
  });

  it('every import of every file is one the table allows', () => {
    // The graph is the real one: hundreds of files, thousands of imports, the core's entry among them.
    expect(edges.length).toBeGreaterThan(2000);
    expect(edges.filter((edge) => edge.from === 'electron/core/index.ts').length).toBeGreaterThan(10);
    const offenders = edges.flatMap(({ from, spec }) => {
      const problem = importProblem(from, spec);
      return problem ? [`${from} → ${spec}: ${problem}`] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('every layer holds files and names only layers that exist', () => {
    expect(new Set(layerNames).size).toBe(layerNames.length);
    for (const each of LAYERS) {
      expect(
        allFiles.some((file) => layerOf(file) === each),
        each.name,
      ).toBe(true);
      for (const name of importsOf(each)) expect(layerNames, `${each.name} imports ${name}`).toContain(name);
      for (const entry of each.entries ?? []) expect(layerOf(entry), entry).toBe(each);
    }
  });

  it('the layers form no cycle: nothing imports upward', () => {
    const named = LAYERS.filter((each) => each.imports !== '*');
    const cycle = (name: string, path: string[]): string[] | undefined => {
      if (path.includes(name)) return [...path, name];
      const next = named.find((each) => each.name === name);
      for (const target of next?.imports ?? []) {
        const found = cycle(target, [...path, name]);
        if (found) return found;
      }
      return undefined;
    };
    expect(named.map((each) => cycle(each.name, [])).filter(Boolean)).toEqual([]);
  });

  it('each of the core’s layers imports only core layers before it in the flow', () => {
    const upward = CORE_LAYERS.flatMap((name, i) =>
      importsOf(layer(name))
        .filter((target) => CORE_LAYERS.includes(target) && CORE_LAYERS.indexOf(target) >= i)
        .map((target) => `${name} → ${target}`),
    );
    expect(upward).toEqual([]);
    expect(LAYERS.filter((each) => each.files.some((glob) => glob.startsWith('electron/core/'))).map((each) => each.name)).toEqual([
      ...CORE_LAYERS,
      'core',
      'coreHost',
      'coreChromium',
    ]);
  });

  it('each exception is an edge the table refuses and the tree still has', () => {
    for (const exception of EXCEPTIONS) {
      const from = layerNamed(exception.from);
      const used = edges.filter(
        (edge) =>
          (from ? layerOf(edge.from) === from : edge.from === exception.from) &&
          edge.spec.startsWith('.') &&
          layerOf(resolveImport(edge.from, edge.spec))?.name === exception.to,
      );
      expect(used.length, `${exception.from} → ${exception.to} is no longer imported: remove the exception`).toBeGreaterThan(0);
      const fromLayer = from ?? layerOf(exception.from);
      expect(fromLayer && importsOf(fromLayer).includes(exception.to), `${exception.from} → ${exception.to}`).toBe(false);
    }
  });

  it('keeps the architecture’s hard lines', () => {
    const entries = ['core', 'coreHost', 'coreChromium'];
    const core = [...CORE_LAYERS, ...entries].map(layer);
    // The core and shared code run in plain Node and the browser: never electron.
    for (const each of [...core, layer('shared')]) expect(each.packages, each.name).not.toContain('electron');
    // shared/ is bundled into the renderer; the renderer and the preload are sandboxed.
    for (const name of ['shared', 'renderer', 'preload']) expect(layer(name).packages, name).not.toContain('node');
    expect(importsOf(layer('renderer'))).toEqual(['shared']);
    expect(importsOf(layer('preload'))).toEqual(['shared']);
    expect(layer('preload').packages).toEqual(['electron']);
    // The hosts reach the core through its public entries only; the CLI and the web host are plain Node.
    for (const host of ['main', 'webhost', 'cli', 'preload']) {
      const reached = importsOf(layer(host)).filter((name) => core.some((each) => each.name === name));
      expect(
        reached.filter((name) => !entries.includes(name)),
        host,
      ).toEqual([]);
    }
    for (const host of ['webhost', 'cli']) expect(layer(host).packages, host).not.toContain('electron');
    // Only the store opens SQLite; it is sealed; handlers call services, never the store.
    const production = LAYERS.filter((each) => each.imports !== '*');
    expect(production.filter((each) => each.packages.includes('sqlite')).map((each) => each.name)).toEqual(['store']);
    expect(layer('store').entries).toEqual(['electron/core/store/index.ts']);
    expect(importsOf(layer('handlers'))).not.toContain('store');
  });
});

// Linting a few dozen texts with the project's config is CPU work on a shared machine: the time
// limit only guards against a hang.
describe('the ESLint config generated from the layer map', { timeout: 120_000 }, () => {
  const eslint = new ESLint({ cwd: ROOT });
  const SAMPLE_PACKAGE = { npm: 'zod', node: 'node:fs', electron: 'electron', sqlite: 'better-sqlite3' } as const;
  const specFrom = (from: string, target: string): string => {
    const spec = posix.relative(posix.dirname(from), target);
    return spec.startsWith('.') ? spec : `./${spec}`;
  };
  const sampleOf = (each: Layer, source = true): string | undefined =>
    allFiles.find((file) => layerOf(file) === each && !file.endsWith('.test.ts') && (!source || /\.(ts|mjs)$/.test(file)));
  const layerErrors = async (filePath: string, specs: string[]) => {
    const [result] = await eslint.lintText(specs.map((spec) => `import '${spec}';`).join('\n'), { filePath: join(ROOT, filePath) });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'layers/imports').map((message) => message.line);
  };

  it('reports, in every layer, an import of each layer and package kind it may not use, and of the store’s insides', async () => {
    const storeInside = 'electron/core/store/db.ts';
    expect(layerOf(storeInside)?.name).toBe('store');
    // Every layer with code to lint; `iam` is the policy JSON only.
    expect(LAYERS.filter((each) => !sampleOf(each)).map((each) => each.name)).toEqual(['iam']);
    for (const each of LAYERS.filter((candidate) => sampleOf(candidate))) {
      const from = sampleOf(each) as string;
      const forbiddenLayers = LAYERS.filter((other) => other !== each && !importsOf(each).includes(other.name));
      const targets = forbiddenLayers.map((other) => sampleOf(other, false) as string);
      if (each.name !== 'store' && importsOf(each).includes('store')) targets.push(storeInside);
      const packages = (Object.keys(SAMPLE_PACKAGE) as (keyof typeof SAMPLE_PACKAGE)[]).filter((kind) => !each.packages.includes(kind));
      const specs = [...targets.map((target) => specFrom(from, target)), ...packages.map((kind) => SAMPLE_PACKAGE[kind])];
      expect(specs.length, each.name).toBeGreaterThan(0);
      expect(await layerErrors(from, specs), `${each.name} (${from})`).toEqual(specs.map((_, i) => i + 1));
    }
  });

  it('lets through what the table allows', async () => {
    expect(await layerErrors('electron/main/main.ts', ['../core/host', '../../shared/contract', 'electron', 'node:fs'])).toEqual([]);
    expect(await layerErrors('electron/cli/main.ts', ['../core', 'commander'])).toEqual([]);
    expect(await layerErrors('electron/core/services/fleet.ts', ['../store', '../report'])).toEqual([]);
  });

  it('checks every form of import, type-only and dynamic ones included', async () => {
    const text = [
      "import type { Log } from '../core/log';",
      "export { DB_FILE } from '../core/paths';",
      "export * from '../core/files';",
      "const errors = await import('../core/errors');",
      "type Bus = import('../core/events').EventBus;",
      "const dispatch = require('../core/dispatch');",
    ].join('\n');
    const [result] = await eslint.lintText(text, { filePath: join(ROOT, 'electron/webhost/serve.ts') });
    const lines = (result?.messages ?? []).filter((message) => message.ruleId === 'layers/imports').map((message) => message.line);
    expect(lines).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

// Bundling is CPU work on a shared machine: the time limit only guards against a hang.
describe('the shells’ entry', { timeout: 60_000 }, () => {
  it('core/host.ts stays light: bundled as the desktop shell is, it carries no store, SQLite, AWS SDK or playwright-core', async () => {
    const result = await build({
      ...nodeBundleWithImportMetaUrl,
      absWorkingDir: ROOT,
      entryPoints: ['electron/core/host.ts'],
      outfile: 'host.cjs',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = Object.values(result.metafile.outputs);
    const bundled = outputs.flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
    const required = outputs.flatMap((output) => output.imports.map((imported) => imported.path));
    expect(bundled).toContain('electron/core/worker/startCoreWorker.ts');
    expect(bundled.filter((path) => /^electron\/core\/store\/|node_modules\/(@aws-sdk|playwright-core)\//.test(path))).toEqual([]);
    expect(required).not.toContain('better-sqlite3');
  });
});

describe('module boundaries', () => {
  it('the tool version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('no project file reads the reference folder beside the repository', () => {
    const offenders = sourceFiles
      .filter((file) => /^(electron|shared|renderer\/src|test)\//.test(file))
      .filter((file) =>
        /\.\.\/shared\/(seed|DESIGN|hooks)/.test(readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
      );
    expect(offenders).toEqual([]);
  });
});
