/**
 * The packaging configuration, checked offline: electron-builder's own schema validation (the
 * step `electron-builder` runs before it downloads or builds anything) and the afterPack fuse
 * hook on a stand-in binary.
 */
import { FuseV1Options } from '@electron/fuses';
import type { AfterPackContext, Configuration } from 'electron-builder';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath, FUSES } from '../../build/afterPack.mjs';
import config from '../../build/electron-builder.config.mjs';
import { readFuseWire, writeFakeElectron } from '../support/fakeElectronBinary';
import { tempDir } from '../support/tempDir';

/** The part of builder-util's DebugLogger that validation touches (it logs schema errors when enabled). */
type DebugLogger = { isEnabled: boolean; add(key: string, value: unknown): void };
type Validate = (config: Configuration, logger: DebugLogger) => Promise<void>;
const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};
const validate = (candidate: Configuration) => validateConfiguration(candidate, { isEnabled: false, add: () => {} });

describe('electron-builder configuration', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it.each([
    ['a misspelt option', { ...config, nsis: { ...config.nsis, oneClik: false } }],
    ['an option in the wrong place', { ...config, title: 'Patch Auditor' }],
    ['a wrongly typed value', { ...config, asar: 'yes' }],
    ['a deprecated option', { ...config, npmSkipBuildFromSource: false }],
  ])('rejects %s', async (_label, broken) => {
    await expect(validate(broken as Configuration)).rejects.toThrow(/configuration|deprecated/i);
  });

  it('names the product, packs into asar and unpacks native modules', () => {
    expect(config.productName).toBe('Patch Auditor');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', '!out/**/*.map']));
    expect((config.files as string[]).filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
  });

  it('builds NSIS, dmg, AppImage and deb, and registers .patchaudit', () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'patchaudit' })]);
  });

  it('points at icon and entitlement files that exist, with a 512×512 PNG at least', () => {
    const root = join(import.meta.dirname, '..', '..');
    for (const file of [config.mac?.icon, config.win?.icon, config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(existsSync(join(root, file as string)), String(file)).toBe(true);
    }
    const png = readFileSync(join(root, 'build', 'icons', '512x512.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync(join(root, 'build', 'icons', '1024x1024.png')).readUInt32BE(16)).toBe(1024);
  });

  it('runs with the hardened runtime and only the JIT exception', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const plist = readFileSync(join(import.meta.dirname, '..', '..', config.mac!.entitlements!), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

describe('afterPack fuses', () => {
  it('sets every fuse the app relies on', () => {
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('finds the binary on each platform', () => {
    const target = { appOutDir: '/o', productFilename: 'Patch Auditor', executableName: 'patch-auditor' };
    expect(electronBinaryPath({ ...target, platform: 'darwin' })).toBe(join('/o', 'Patch Auditor.app'));
    expect(electronBinaryPath({ ...target, platform: 'win32' })).toBe(join('/o', 'Patch Auditor.exe'));
    expect(electronBinaryPath({ ...target, platform: 'linux' })).toBe(join('/o', 'patch-auditor'));
  });

  it('flips the fuses of the packaged Linux binary and leaves newer fuses alone', async () => {
    const appOutDir = tempDir('pa-fuses-');
    writeFakeElectron(join(appOutDir, 'patch-auditor'), '101110001');
    const context = {
      electronPlatformName: 'linux',
      appOutDir,
      arch: 1,
      packager: { appInfo: { productFilename: 'Patch Auditor' }, executableName: 'patch-auditor' },
    } as unknown as AfterPackContext;
    await afterPack(context);
    // RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol, (newer)
    expect(readFuseWire(join(appOutDir, 'patch-auditor'))).toBe('010011001');
  });
});
