/**
 * better-sqlite3 is a native module: one compiled file serves either Node (tests, CLI) or
 * Electron (the app), never both. This script switches the file in node_modules to the runtime
 * about to run, keeping each build in node_modules/.cache so that switching back is a copy:
 *
 *   tsx build/scripts/nativeAbi.ts node       before `npm test` (never downloads when a Node build is at hand)
 *   tsx build/scripts/nativeAbi.ts electron   before `npm start` and `npm run dist`
 *
 * A missing Electron build is made with @electron/rebuild, which needs Electron's headers from
 * the internet (README, "Native modules"). What it made is checked before it is kept (issue 28):
 * npm's `nodedir` setting (`npm_config_nodedir=/usr`, common offline) once made it compile against
 * the machine's Node and stash that as the Electron build, which `npm start` could then not load.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Runtime = 'node' | 'electron';

export type Probe = { ok: true } | { ok: false; message: string };

/** What to do, in order; the runner stops at the first step that leaves a working module. */
export type Step = 'keep' | 'stash-current' | 'restore-stash' | 'rebuild' | 'fail';

/** Node's message when a .node file was compiled for another ABI (another Node, or Electron). */
export function isAbiMismatch(message: string): boolean {
  return /NODE_MODULE_VERSION \d+/.test(message) || /was compiled against a different Node\.js version/.test(message);
}

/** Before Node runs the tests: keep a working build; else restore the stashed Node build; else rebuild. */
export function planForNode(probe: Probe, hasNodeStash: boolean): Step[] {
  if (probe.ok) return ['stash-current', 'keep'];
  if (!isAbiMismatch(probe.message)) return ['fail'];
  return hasNodeStash ? ['restore-stash'] : ['rebuild'];
}

/** The symbol a compiled addon registers itself with: Node and Electron load only their own module version's. */
const REGISTER_SYMBOL = 'node_register_module_v';

/**
 * The module versions a compiled addon registers itself for, read from its bytes: ELF, Mach-O
 * (with a leading underscore) and PE keep exported symbol names as plain ASCII, so no `nm` is needed.
 */
export function registeredModuleVersions(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const versions = new Set<string>();
  for (const match of text.matchAll(new RegExp(`${REGISTER_SYMBOL}(\\d+)`, 'g'))) versions.add(match[1]!);
  return [...versions];
}

/** Whether `bytes` is a build for Electron's module version `electronAbi`, and if not, why and what to do. */
export function checkElectronBuild(bytes: Uint8Array, electronAbi: string, env: NodeJS.ProcessEnv = {}): Probe {
  const found = registeredModuleVersions(bytes);
  if (found.includes(electronAbi)) return { ok: true };
  const built = found.length ? `module version ${found.join(', ')}` : 'no module version at all';
  const nodedir = env.npm_config_nodedir ?? env.NPM_CONFIG_NODEDIR;
  return {
    ok: false,
    message:
      `better-sqlite3: the Electron build registers ${built}, not Electron's ${electronAbi} (${REGISTER_SYMBOL}${electronAbi}), ` +
      `so the app could not load it; it was not kept.${nodedir ? ` npm's nodedir is set (${nodedir}): the build may have used that Node's headers.` : ''} ` +
      "Remove any nodedir setting (npm config delete nodedir; unset npm_config_nodedir), make sure Electron's headers can be downloaded " +
      '(README, "Native modules"), then run npm run native:electron again.',
  };
}

/**
 * The environment the Electron rebuild runs in: without npm's `nodedir`, which node-gyp would
 * otherwise prefer to the Electron headers @electron/rebuild asks for.
 */
export function rebuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.toLowerCase() !== 'npm_config_nodedir'));
}

/** Before Electron runs: stash a working Node build first, then restore or make the Electron build. */
export function planForElectron(nodeProbe: Probe, hasElectronStash: boolean): Step[] {
  const steps: Step[] = nodeProbe.ok ? ['stash-current'] : [];
  return [...steps, hasElectronStash ? 'restore-stash' : 'rebuild'];
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(join(root, 'package.json'));

function electronModuleVersion(): string {
  return readFileSync(join(dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
}

/** The Electron stash, if it is one (a wrong one, as earlier versions of this script could keep, is rebuilt). */
function hasGoodElectronStash(abi: string): boolean {
  const file = stashFile('electron');
  if (!existsSync(file)) return false;
  const probe = checkElectronBuild(readFileSync(file), abi);
  if (!probe.ok) console.log(`better-sqlite3: the stashed Electron build is not for module version ${abi}; rebuilding it`);
  return probe.ok;
}

/**
 * @electron/rebuild's own CLI in this Node, not through npx: npx would hand npm's config
 * (nodedir included) back to node-gyp as npm_config_* variables.
 */
function rebuildForElectron(): boolean {
  const rebuildPackage = require.resolve('@electron/rebuild/package.json');
  const { bin } = JSON.parse(readFileSync(rebuildPackage, 'utf8')) as { bin: Record<string, string> };
  const cli = join(dirname(rebuildPackage), bin['electron-rebuild']!);
  const result = spawnSync(process.execPath, [cli, '-f', '-w', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    env: rebuildEnv(process.env),
  });
  return result.status === 0;
}

/** Puts the Node build back after a failed Electron build, so the tests and the CLI keep working. */
function restoreNodeBuild(): void {
  if (existsSync(stashFile('node'))) copyFileSync(stashFile('node'), moduleFile());
}

function moduleFile(): string {
  return join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
}

function stashFile(runtime: Runtime): string {
  const electron = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const tag = runtime === 'node' ? `node-abi${process.versions.modules}` : `electron-${electron}`;
  return join(root, 'node_modules', '.cache', 'patch-auditor-native', `better_sqlite3-${tag}-${process.platform}-${process.arch}.node`);
}

/** In a child process: a failed dlopen stays cached in the process that tried it. */
function probeNode(): Probe {
  const result = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  });
  return result.status === 0 ? { ok: true } : { ok: false, message: result.stderr };
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

function stash(runtime: Runtime): void {
  const target = stashFile(runtime);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(moduleFile(), target);
}

function ensure(runtime: Runtime): void {
  const probe = probeNode();
  const electronAbi = runtime === 'electron' ? electronModuleVersion() : '';
  const steps =
    runtime === 'node' ? planForNode(probe, existsSync(stashFile('node'))) : planForElectron(probe, hasGoodElectronStash(electronAbi));
  for (const step of steps) {
    switch (step) {
      case 'keep':
        return;
      case 'stash-current':
        stash('node');
        break;
      case 'restore-stash':
        copyFileSync(stashFile(runtime), moduleFile());
        console.log(`better-sqlite3: restored the ${runtime} build`);
        break;
      case 'rebuild': {
        const ok = runtime === 'node' ? run('npm', ['rebuild', 'better-sqlite3']) : rebuildForElectron();
        if (!ok) {
          // A failed Electron rebuild (no headers offline) must not cost the working Node build.
          if (runtime === 'electron') restoreNodeBuild();
          throw new Error(`better-sqlite3: rebuilding for ${runtime} failed (README, "Native modules")`);
        }
        if (runtime === 'electron') {
          const built = checkElectronBuild(readFileSync(moduleFile()), electronAbi, process.env);
          if (!built.ok) {
            restoreNodeBuild();
            throw new Error(built.message);
          }
          stash('electron');
        }
        break;
      }
      case 'fail':
        throw new Error(`better-sqlite3 does not load in Node, for a reason other than its ABI:\n${probe.ok ? '' : probe.message}`);
    }
  }
  if (runtime === 'node') {
    const after = probeNode();
    if (!after.ok) throw new Error(`better-sqlite3 still does not load in Node:\n${after.message}`);
    stash('node');
  }
}

const runtime = process.argv[2];
const isScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isScript && (runtime === 'node' || runtime === 'electron')) {
  try {
    ensure(runtime);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
