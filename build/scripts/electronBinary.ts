/**
 * Electron's binary is not downloaded by `npm install`: package.json's `allowScripts` denies the
 * electron package's postinstall, so an install works on a machine that reaches only the npm
 * registry (the CLI, the web host and every test run without Electron). The commands that need
 * the binary (`npm start`, `npm run dist`) run this first:
 *
 *   tsx build/scripts/electronBinary.ts
 *
 * It runs Electron's own installer (node_modules/electron/install.js, i.e. @electron/get), so
 * ELECTRON_MIRROR, electron_config_cache, electron_use_remote_checksums and the other settings
 * documented by @electron/get apply unchanged. An npm that ignores `allowScripts` runs the same
 * installer at install time, and this finds the binary already there.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The exit code when the binary is missing and could not be fetched: distinct from a build failure. */
export const EXIT_NO_ELECTRON_BINARY = 3;

export interface ElectronPackage {
  dir: string;
  version: string;
}

export interface EnsureResult {
  exitCode: number;
  message: string;
}

export function zipName(pkg: ElectronPackage, platform = process.platform, arch = process.arch): string {
  return `electron-v${pkg.version}-${platform}-${arch}.zip`;
}

/** The executable Electron's index.js would return, when it is there and of the package's version. */
export function installedBinary(pkg: ElectronPackage): string | undefined {
  try {
    const installed = readFileSync(join(pkg.dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    if (installed !== pkg.version) return undefined;
    const executable = join(pkg.dir, 'dist', readFileSync(join(pkg.dir, 'path.txt'), 'utf8'));
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

/** What a user offline or behind a mirror needs to know, naming the exact file Electron wants. */
export function missingBinaryAdvice(pkg: ElectronPackage, detail: string): string {
  const zip = zipName(pkg);
  return [
    `The Electron ${pkg.version} binary is not installed and could not be downloaded:`,
    `  ${detail || 'the installer gave no reason'}`,
    'npm install does not fetch it (package.json "allowScripts"); npm start and npm run dist do, from one of:',
    `  - a mirror:      ELECTRON_MIRROR=https://mirror.example/electron/ npm start   (it serves v${pkg.version}/${zip})`,
    `  - a copied zip:  electron_config_cache=/folder/with/the/zip npm start          (${zip}, as downloaded)`,
    'Everything else works without it: npm run demo, npm run web, npx patch-audit, npm test (README, "The Electron binary").',
  ].join('\n');
}

/** Electron's installer prints the error's stack; its first line says what went wrong. */
export function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => /error/i.test(line)) ?? lines.find((line) => line.length > 0) ?? '';
}

interface ElectronGetInternals {
  getArtifactRemoteURL(details: { version: string; artifactName: string; platform: string; arch: string }): Promise<string>;
  Cache: new (root: string) => { getCachePath(url: string, fileName: string): string };
}

/**
 * @electron/get looks for a zip under `<cache>/<sha256 of its download folder URL>/`, not in the
 * cache folder itself. A zip copied flat into `electron_config_cache` (what a person does with a
 * file brought from a connected machine) is placed where it looks, with @electron/get's own URL
 * and cache code so the layout cannot drift. The installer still checks it against the checksums
 * shipped in the electron package.
 */
export async function placeFlatZip(pkg: ElectronPackage, cacheRoot: string | undefined): Promise<boolean> {
  if (!cacheRoot) return false;
  const flat = join(cacheRoot, zipName(pkg));
  if (!existsSync(flat)) return false;
  const load = createRequire(join(pkg.dir, 'package.json'));
  const { getArtifactRemoteURL } = load('@electron/get/dist/cjs/artifact-utils') as Pick<ElectronGetInternals, 'getArtifactRemoteURL'>;
  const { Cache } = load('@electron/get/dist/cjs/Cache') as Pick<ElectronGetInternals, 'Cache'>;
  const url = await getArtifactRemoteURL({
    version: `v${pkg.version}`,
    artifactName: 'electron',
    platform: process.platform,
    arch: process.arch,
  });
  const target = new Cache(cacheRoot).getCachePath(url, zipName(pkg));
  if (existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(flat, target);
  return true;
}

/** Asynchronous, so that a mirror served by the same process (the tests') can answer. */
function runInstaller(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: dirname(script), env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (err) => resolve({ status: null, stderr: `${stderr}\n${err.message}` }));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Installs the binary with Electron's own installer unless it is already there. */
export async function ensureElectronBinary(pkg: ElectronPackage, env: NodeJS.ProcessEnv = process.env): Promise<EnsureResult> {
  if (installedBinary(pkg)) return { exitCode: 0, message: `electron: ${pkg.version} binary present` };
  await placeFlatZip(pkg, env.electron_config_cache);
  // The user asked for the app: a skip flag left over from a CLI-only install must not stop it.
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...installerEnv } = env;
  const result = await runInstaller(join(pkg.dir, 'install.js'), installerEnv);
  if (result.status === 0 && installedBinary(pkg)) return { exitCode: 0, message: `electron: installed the ${pkg.version} binary` };
  return { exitCode: EXIT_NO_ELECTRON_BINARY, message: missingBinaryAdvice(pkg, firstErrorLine(result.stderr)) };
}

function projectElectron(): ElectronPackage {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const manifest = createRequire(join(root, 'package.json')).resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

const isScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isScript) {
  const { exitCode, message } = await ensureElectronBinary(projectElectron());
  (exitCode === 0 ? console.log : console.error)(message);
  process.exitCode = exitCode;
}
