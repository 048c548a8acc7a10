/**
 * Electron's binary is not downloaded by `npm install`: the electron package (45) has no install
 * script and fetches its binary the first time something asks for its path, so an install works
 * on a machine that reaches only the npm registry (the CLI, the web host and every test run
 * without Electron). The commands that need the binary (`npm start`, `npm run dist`) run this
 * first, so that the download happens at a known moment and fails with advice, not deep inside
 * electron-builder or a stack trace:
 *
 *   tsx build/scripts/electronBinary.ts
 *
 * It runs Electron's own installer (node_modules/electron/install.js, i.e. @electron/get), so
 * ELECTRON_MIRROR, electron_config_cache, electron_use_remote_checksums and the other settings
 * documented by @electron/get apply unchanged.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    'npm install does not fetch it; npm start and npm run dist do, from the internet or one of:',
    `  - a mirror:      ELECTRON_MIRROR=https://mirror.example/electron/ npm start   (it serves v${pkg.version}/${zip})`,
    `  - a copied zip:  electron_config_cache=/folder/with/the/zip npm start          (${zip}, as downloaded)`,
    'Everything else works without it: npm run demo, npm run web, npx patch-audit, npm test (README, "The Electron binary").',
  ].join('\n');
}

/**
 * Electron's installer prints the error's stack; its first line says what went wrong. Node's
 * fetch says only "fetch failed" (the cause is not printed), so that case names the host.
 */
export function firstErrorLine(stderr: string, env: NodeJS.ProcessEnv = {}): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const first = lines.find((line) => /error/i.test(line)) ?? lines.find((line) => line.length > 0) ?? '';
  if (!/fetch failed/i.test(first)) return first;
  const host = env.ELECTRON_MIRROR ? (URL.parse(env.ELECTRON_MIRROR)?.host ?? `ELECTRON_MIRROR (${env.ELECTRON_MIRROR})`) : 'github.com';
  return `${first}: ${host} could not be reached (offline, DNS, a proxy or a firewall)`;
}

/**
 * A zip copied flat into `electron_config_cache` (what a person does with a file brought from a
 * connected machine) is not where @electron/get looks: it keeps downloads under a folder named
 * by a hash of the URL. Rather than copy that private layout, the zip is served to the installer
 * as a loopback mirror (ELECTRON_MIRROR, @electron/get's public setting), so the installer still
 * checks it against the checksums shipped in the electron package and caches it its own way.
 */
export async function serveFlatZip(
  pkg: ElectronPackage,
  folder: string | undefined,
): Promise<{ mirror: string; close(): Promise<void> } | undefined> {
  const file = folder ? join(folder, zipName(pkg)) : undefined;
  if (!file || !existsSync(file)) return undefined;
  const wanted = `/v${pkg.version}/${zipName(pkg)}`;
  const server = createServer((req, res) => {
    if (req.url !== wanted) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/zip' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    mirror: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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
  const copied = await serveFlatZip(pkg, env.electron_config_cache);
  const installerEnv = copied ? { ...env, ELECTRON_MIRROR: copied.mirror } : env;
  const result = await runInstaller(join(pkg.dir, 'install.js'), installerEnv).finally(() => copied?.close());
  if (result.status === 0 && installedBinary(pkg)) return { exitCode: 0, message: `electron: installed the ${pkg.version} binary` };
  return { exitCode: EXIT_NO_ELECTRON_BINARY, message: missingBinaryAdvice(pkg, firstErrorLine(result.stderr, installerEnv)) };
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
