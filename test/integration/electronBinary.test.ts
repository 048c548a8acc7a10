/**
 * `npm start` fetches Electron's binary through Electron's own installer (npm install does not):
 * run against a copy of the electron package, a loopback mirror and a copied zip, never GitHub.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_NO_ELECTRON_BINARY, ensureElectronBinary, type ElectronPackage, zipName } from '../../build/scripts/electronBinary';
import { storedZip } from '../support/storedZip';
import { tempDir } from '../support/tempDir';

const root = fileURLToPath(new URL('../../', import.meta.url));
const realPackage = join(root, 'node_modules', 'electron');
const VERSION = '41.0.0-test';
const ZIP = storedZip({ electron: '#!/bin/sh\necho stand-in\n', version: `v${VERSION}` });
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

let pkg: ElectronPackage;
let cache: string;
let servers: Server[] = [];

/** A copy of the electron package inside node_modules, so its installer finds @electron/get. */
function fakeElectronPackage(): ElectronPackage {
  const parent = join(root, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'pa-electron-'));
  copyFileSync(join(realPackage, 'install.js'), join(dir, 'install.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
  // The installer checks a download against these unless told to fetch the mirror's SHASUMS256.txt.
  writeFileSync(join(dir, 'checksums.json'), JSON.stringify({ [zipName({ dir, version: VERSION })]: sha256(ZIP) }));
  return { dir, version: VERSION };
}

async function listen(handler: RequestListener = (_req, res) => void res.end()): Promise<{ url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, paths };
}

/** A loopback mirror laid out as ELECTRON_MIRROR expects: `<mirror>v<version>/<file>`. */
async function mirror(): Promise<{ url: string; paths: string[] }> {
  return listen((req, res) => {
    const files: Record<string, Buffer> = {
      [`/v${VERSION}/${zipName(pkg)}`]: ZIP,
      [`/v${VERSION}/SHASUMS256.txt`]: Buffer.from(`${sha256(ZIP)} *${zipName(pkg)}\n`),
    };
    const body = files[req.url ?? ''];
    res.writeHead(body ? 200 : 404).end(body ?? 'not here');
  });
}

/** A mirror that cannot be reached: the port was free a moment ago and nothing listens on it now. */
async function unreachableMirror(): Promise<string> {
  const { url } = await listen();
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { ELECTRON_MIRROR: _m, electron_config_cache: _c, electron_use_remote_checksums: _r, ...rest } = process.env;
  return { ...rest, electron_config_cache: cache, ...extra };
}

beforeEach(() => {
  pkg = fakeElectronPackage();
  cache = tempDir('pa-electron-cache-');
});

afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  rmSync(pkg.dir, { recursive: true, force: true });
});

describe('the Electron binary, fetched on first npm start', () => {
  it('downloads through ELECTRON_MIRROR, checks the mirror checksums, and does nothing the second time', async () => {
    const { url, paths } = await mirror();
    const result = await ensureElectronBinary(pkg, environment({ ELECTRON_MIRROR: url, electron_use_remote_checksums: '1' }));
    expect(result).toEqual({ exitCode: 0, message: `electron: installed the ${VERSION} binary` });
    expect(readFileSync(join(pkg.dir, 'path.txt'), 'utf8')).toBe(process.platform === 'win32' ? 'electron.exe' : 'electron');
    expect(paths).toContain(`/v${VERSION}/${zipName(pkg)}`);
    expect(paths).toContain(`/v${VERSION}/SHASUMS256.txt`);

    const again = await ensureElectronBinary(pkg, environment({ ELECTRON_MIRROR: url }));
    expect(again).toEqual({ exitCode: 0, message: `electron: ${VERSION} binary present` });
    expect(paths).toHaveLength(2);
  });

  it('refuses a download whose checksum does not match the one shipped in the package', async () => {
    const { url } = await mirror();
    writeFileSync(join(pkg.dir, 'checksums.json'), JSON.stringify({ [zipName(pkg)]: sha256(Buffer.from('another file')) }));
    const result = await ensureElectronBinary(pkg, environment({ ELECTRON_MIRROR: url }));
    expect(result.exitCode).toBe(EXIT_NO_ELECTRON_BINARY);
    expect(result.message).toMatch(/checksum/i);
    expect(existsSync(join(pkg.dir, 'path.txt'))).toBe(false);
  });

  it('installs a zip copied flat into electron_config_cache without any network', async () => {
    writeFileSync(join(cache, zipName(pkg)), ZIP);
    const result = await ensureElectronBinary(pkg, environment({}));
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(pkg.dir, 'dist', 'version'), 'utf8')).toBe(`v${VERSION}`);
  });

  it('offline: exits with its own code, says why, names the zip and both ways to provide it', async () => {
    const unreachable = await unreachableMirror();
    const result = await ensureElectronBinary(pkg, environment({ ELECTRON_MIRROR: unreachable }));
    expect(result.exitCode).toBe(EXIT_NO_ELECTRON_BINARY);
    expect(result.message).toContain(`The Electron ${VERSION} binary is not installed and could not be downloaded`);
    expect(result.message).toContain(`fetch failed: ${new URL(unreachable).host} could not be reached`);
    expect(result.message).toContain(zipName(pkg));
    expect(result.message).toContain('ELECTRON_MIRROR=');
    expect(result.message).toContain('electron_config_cache=');
    expect(existsSync(join(pkg.dir, 'dist', 'version'))).toBe(false);
    expect(dirname(pkg.dir)).toBe(join(root, 'node_modules', '.cache'));
  });
});
