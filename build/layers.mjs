/**
 * The layer map (docs/design.md §1): the one table of which code may import which. Both enforcers
 * read it: ESLint's `layers/imports` rule (eslint.config.js) on every file it lints, and
 * test/unit/boundaries.test.ts, which walks the import graph of every source file. Plain JS so
 * eslint.config.js loads it without a TypeScript loader.
 *
 * A file belongs to the first layer whose `files` globs match its path from the repository root.
 * - `imports`: the other layers it may import ('*': any). A layer may always import itself.
 * - `packages`: the kinds of package it may import: `npm` (any package not named below), `node`
 *   (built-ins), `electron`, `sqlite` (better-sqlite3).
 * - `entries`: the layer is sealed; a file outside its `files` may import these files only.
 * The core's layers are listed in the order of its one-way flow (CORE_LAYERS): each imports only
 * layers before it, so nothing in the core imports upward (the boundary test checks both that and
 * that the whole table has no cycle).
 */
import { existsSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The core's layers below its public entries, in the order of its one-way flow. */
export const CORE_LAYERS = [
  'coreBase',
  'aws',
  'store',
  'sim',
  'audit',
  'report',
  'localFiles',
  'demo',
  'services',
  'handlers',
  'wiring',
  'demoRun',
  'worker',
];

/** @type {readonly import('./layers.d.mts').Layer[]} */
export const LAYERS = [
  // Bundled into the renderer too: no Node, no Electron, nothing from electron/ or renderer/.
  { name: 'shared', files: ['shared/**'], imports: ['iam'], packages: ['npm'] },
  // The shipped IAM policy, which shared/iamPolicy.ts reads (data, no code).
  { name: 'iam', files: ['build/iam/**'], imports: [], packages: [] },
  // Sandboxed Svelte: reaches the core only through the contract (shared/contract.ts).
  { name: 'renderer', files: ['renderer/src/**'], imports: ['shared'], packages: ['npm'] },

  // The core: plain Node, never Electron; layers in the order of the one-way flow.
  {
    name: 'coreBase',
    files: ['electron/core/{errors,events,files,log,paths}.ts', 'electron/core/security/**'],
    imports: ['shared'],
    packages: ['npm', 'node'],
  },
  { name: 'aws', files: ['electron/core/aws/**'], imports: ['shared', 'coreBase'], packages: ['npm', 'node'] },
  // Sealed: its files, queries and database handle are private (electron/core/store/README.md).
  {
    name: 'store',
    files: ['electron/core/store/**'],
    entries: ['electron/core/store/index.ts'],
    imports: ['shared', 'coreBase'],
    packages: ['npm', 'node', 'sqlite'],
  },
  { name: 'sim', files: ['electron/core/sim/**'], imports: ['shared'], packages: ['npm', 'node'] },
  // The audit hands a scope's facts to the store through the input type the store owns
  // (`SnapshotNodes`, through its index): it never packs a node itself.
  { name: 'audit', files: ['electron/core/audit/**'], imports: ['shared', 'coreBase', 'aws', 'store'], packages: ['npm', 'node'] },
  { name: 'report', files: ['electron/core/report/**'], imports: ['shared', 'coreBase', 'store'], packages: ['npm', 'node'] },
  // The plans and settings files in the data folder.
  {
    name: 'localFiles',
    files: ['electron/core/plans/**', 'electron/core/settings/**'],
    imports: ['shared', 'coreBase'],
    packages: ['npm', 'node'],
  },
  // The demo's recorded weeks: audits of the simulator, saved through the snapshot service it is given.
  {
    name: 'demo',
    files: ['electron/core/demo/{demoHistory,demoScenario}*.ts'],
    imports: ['shared', 'coreBase', 'store', 'sim', 'audit'],
    packages: ['npm', 'node'],
  },
  {
    name: 'services',
    files: ['electron/core/services/**'],
    imports: ['shared', 'coreBase', 'aws', 'store', 'audit', 'report', 'localFiles', 'demo'],
    packages: ['npm', 'node'],
  },
  // Thin adapters over the services: never the store.
  {
    name: 'handlers',
    files: ['electron/core/handlers/**'],
    imports: ['shared', 'coreBase', 'services'],
    packages: ['npm', 'node'],
  },
  // createCore builds the core; dispatch validates every call against the contract.
  {
    name: 'wiring',
    files: ['electron/core/{createCore,dispatch}.ts'],
    imports: ['shared', 'coreBase', 'aws', 'store', 'report', 'services', 'handlers'],
    packages: ['npm', 'node'],
  },
  // `patch-audit demo`: a core of its own (createCore) that records the demo's weeks and prints its report.
  {
    name: 'demoRun',
    files: ['electron/core/demo/{runDemo,demoText}*.ts'],
    imports: ['shared', 'coreBase', 'report', 'demo', 'wiring'],
    packages: ['npm', 'node'],
  },
  {
    name: 'worker',
    files: ['electron/core/worker/**'],
    imports: ['shared', 'coreBase', 'aws', 'report', 'services', 'wiring'],
    packages: ['npm', 'node'],
  },
  // The core's public entries, each a layer so a host names the ones it may use.
  { name: 'core', files: ['electron/core/index.ts'], imports: ['shared', ...CORE_LAYERS], packages: [] },
  { name: 'coreHost', files: ['electron/core/host.ts'], imports: CORE_LAYERS, packages: [] },
  { name: 'coreChromium', files: ['electron/core/chromium.ts'], imports: ['report'], packages: [] },

  // The hosts: each reaches the core through its public entries only.
  { name: 'serveRenderer', files: ['electron/serveRenderer/**'], imports: ['shared'], packages: ['node'] },
  {
    name: 'main',
    files: ['electron/main/**'],
    imports: ['shared', 'serveRenderer', 'coreHost'],
    packages: ['npm', 'node', 'electron'],
  },
  // Sandboxed: a preload can require only a few Electron modules, never Node or our core.
  { name: 'preload', files: ['electron/preload/**'], imports: ['shared'], packages: ['electron'] },
  {
    name: 'webhost',
    files: ['electron/webhost/**'],
    imports: ['shared', 'serveRenderer', 'coreHost', 'coreChromium'],
    packages: ['npm', 'node'],
  },
  { name: 'cli', files: ['electron/cli/**'], imports: ['shared', 'core'], packages: ['npm', 'node'] },

  // Tests, benchmarks, build scripts and configuration: anything, the store through its index.
  { name: 'testSupport', files: ['test/**'], imports: '*', packages: ['npm', 'node', 'electron', 'sqlite'] },
  {
    name: 'tooling',
    files: ['build/**', 'renderer/*', '*'],
    imports: '*',
    packages: ['npm', 'node', 'electron', 'sqlite'],
  },
];

/**
 * A test beside the code is held to its subject's layer (x.test.ts to x.ts's), and may also use
 * the test support under test/ and any npm or Node package (vitest, temporary folders).
 */
const TEST_FILE = /\.test\.ts$/;
const TEST_EXTRA = { imports: ['testSupport'], packages: ['npm', 'node'] };

/** Edges the table does not otherwise allow, each with why; `from` is a layer or one file. */
export const EXCEPTIONS = [
  {
    from: 'electron/core/sim/fleetRealism.test.ts',
    to: 'demo',
    why: 'the simulator’s realism test ages its fleet through the demo’s weeks, the use that must read like AWS',
  },
];

/** The files whose imports are checked. */
export const SOURCE_FILE = /\.(ts|mts|svelte|mjs|js)$/;

/** A glob over repository paths: `**` any folders, `*` within one name, `{a,b}` either. */
export function globRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+?^$()[\]|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const matchers = new Map(LAYERS.map((layer) => [layer.name, layer.files.map(globRegExp)]));

const inLayer = (layer, path) => matchers.get(layer.name).some((re) => re.test(path));

/** The layer a path (from the repository root, with `/`) belongs to; a test, its subject's. */
export const layerOf = (path) => LAYERS.find((layer) => inLayer(layer, path.replace(TEST_FILE, '.ts')));

export const layerNamed = (name) => LAYERS.find((layer) => layer.name === name);

/** What kind of package a bare specifier names (see `packages`). */
export function packageKind(spec) {
  if (isBuiltin(spec)) return 'node';
  if (spec === 'electron' || spec.startsWith('electron/')) return 'electron';
  if (spec === 'better-sqlite3' || spec.startsWith('better-sqlite3/')) return 'sqlite';
  return 'npm';
}

const PACKAGE_WORDS = {
  npm: 'npm packages',
  node: 'Node built-ins',
  electron: 'electron',
  sqlite: 'better-sqlite3: only the store opens the database (electron/core/store/README.md)',
};

const isFile = (path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();
const CANDIDATES = ['', '.ts', '.svelte', '.mts', '.mjs', '.js', '/index.ts'];

/** The file a relative import lands on, from the repository root; the bare path when none exists. */
export function resolveImport(from, spec) {
  const target = posix.normalize(posix.join(posix.dirname(from), spec));
  const typescript = target.replace(/\.(m?)js$/, '.$1ts');
  return [...CANDIDATES.map((ext) => target + ext), typescript].find(isFile) ?? target;
}

/** The layers a file of `layer` may import: its own, the table's, and a test's extras. */
function allowedLayers(layer, isTest) {
  const own = layer.imports === '*' ? LAYERS.map((l) => l.name) : [layer.name, ...layer.imports];
  return isTest ? [...own, ...TEST_EXTRA.imports] : own;
}

/**
 * Why `from` may not import `spec`, or null when the table allows it. `from` is a path from the
 * repository root with `/`.
 */
export function importProblem(from, spec) {
  const layer = layerOf(from);
  if (!layer) return `${from} is in no layer of build/layers.mjs`;
  const isTest = TEST_FILE.test(from);
  if (!spec.startsWith('.')) {
    const kind = packageKind(spec);
    const packages = isTest ? [...layer.packages, ...TEST_EXTRA.packages] : layer.packages;
    return packages.includes(kind)
      ? null
      : `${layer.name} may not import ${PACKAGE_WORDS[kind]} ('${spec}'; build/layers.mjs, docs/design.md §1)`;
  }
  const target = resolveImport(from, spec);
  if (target.startsWith('../')) return `'${spec}' leaves the repository`;
  const to = layerOf(target);
  if (!to) return `${target} is in no layer of build/layers.mjs`;
  if (to.entries && !inLayer(to, from) && !to.entries.includes(target)) {
    return `${to.name} is sealed: import it through ${to.entries.join(' or ')} only (not ${target})`;
  }
  if (allowedLayers(layer, isTest).includes(to.name)) return null;
  if (EXCEPTIONS.some((e) => (e.from === layer.name || e.from === from) && e.to === to.name)) return null;
  const allowed = layer.imports === '*' ? 'any layer' : [...layer.imports].join(', ') || 'no other layer';
  return `${layer.name} may not import ${to.name} (${target}); it may import ${allowed} (build/layers.mjs, docs/design.md §1)`;
}
