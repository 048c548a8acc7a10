import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkElectronBuild,
  isAbiMismatch,
  planForElectron,
  planForNode,
  rebuildEnv,
  registeredModuleVersions,
} from '../../build/scripts/nativeAbi';

const ELECTRON_BUILD =
  "Error: The module '/w/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
  'was compiled against a different Node.js version using\nNODE_MODULE_VERSION 145. This version of Node.js requires\nNODE_MODULE_VERSION 115.';

describe('isAbiMismatch', () => {
  it('recognises the dlopen message of a module built for another runtime', () => {
    expect(isAbiMismatch(ELECTRON_BUILD)).toBe(true);
  });

  it('does not mistake a missing module or a broken file for an ABI mismatch', () => {
    expect(isAbiMismatch("Error: Cannot find module 'better-sqlite3'")).toBe(false);
    expect(isAbiMismatch('Error: better_sqlite3.node: invalid ELF header')).toBe(false);
  });
});

describe('planForNode (before npm test)', () => {
  it('keeps a build that loads, remembering it for later switches', () => {
    expect(planForNode({ ok: true }, false)).toEqual(['stash-current', 'keep']);
  });

  it('restores the stashed Node build after npm start switched to Electron, without rebuilding', () => {
    expect(planForNode({ ok: false, message: ELECTRON_BUILD }, true)).toEqual(['restore-stash']);
  });

  it('rebuilds for Node only when no Node build was kept', () => {
    expect(planForNode({ ok: false, message: ELECTRON_BUILD }, false)).toEqual(['rebuild']);
  });

  it('stops on any other load error rather than rebuilding over it', () => {
    expect(planForNode({ ok: false, message: "Cannot find module 'better-sqlite3'" }, true)).toEqual(['fail']);
  });
});

describe('planForElectron (before npm start and dist)', () => {
  it('keeps the working Node build, then puts the Electron build in place', () => {
    expect(planForElectron({ ok: true }, true)).toEqual(['stash-current', 'restore-stash']);
    expect(planForElectron({ ok: true }, false)).toEqual(['stash-current', 'rebuild']);
  });

  it('does not stash a file that is already the Electron build', () => {
    expect(planForElectron({ ok: false, message: ELECTRON_BUILD }, true)).toEqual(['restore-stash']);
  });
});

/** A fake compiled addon: bytes around the dynamic symbol names a linker would write. */
const addon = (...symbols: string[]): Buffer =>
  Buffer.concat([
    Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'),
    ...symbols.map((s) => Buffer.from(`\0${s}\0`, 'latin1')),
    Buffer.alloc(64, 0xcc),
  ]);

describe('checkElectronBuild (issue 28: what native:electron stashes)', () => {
  it('accepts a build that registers Electron’s module version, ELF or Mach-O', () => {
    expect(checkElectronBuild(addon('napi_x', 'node_register_module_v150'), '150')).toEqual({ ok: true });
    expect(checkElectronBuild(addon('_node_register_module_v150'), '150')).toEqual({ ok: true });
  });

  it('refuses a build for the machine’s Node, saying why and what to do, and naming npm’s nodedir when set', () => {
    const probe = checkElectronBuild(addon('node_register_module_v115'), '150', { npm_config_nodedir: '/usr' });
    expect(probe.ok).toBe(false);
    const { message } = probe as { message: string };
    expect(message).toMatch(/registers module version 115, not Electron's 150 \(node_register_module_v150\)/);
    expect(message).toMatch(/npm's nodedir is set \(\/usr\)/);
    expect(message).toMatch(/npm config delete nodedir.*npm run native:electron again/);
    expect(checkElectronBuild(addon('node_register_module_v115'), '150')).not.toHaveProperty(
      'message',
      expect.stringMatching(/nodedir is set/),
    );
  });

  it('refuses a file that registers nothing', () => {
    expect(checkElectronBuild(Buffer.alloc(4096, 0x90), '150')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no module version at all/),
    });
  });

  it('finds the module version wherever the symbol sits among other bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.integer({ min: 1, max: 999 }),
        fc.uint8Array({ maxLength: 512 }),
        (before, version, after) => {
          // A digit right after the symbol would make another number: the linker ends names with NUL.
          const bytes = Buffer.concat([before, Buffer.from(`node_register_module_v${version}\0`, 'latin1'), after]);
          expect(registeredModuleVersions(bytes)).toContain(String(version));
        },
      ),
    );
  });

  it('reads the module version of the real better-sqlite3 build this Node loads', () => {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(registeredModuleVersions(readFileSync(file))).toEqual([process.versions.modules]);
  });
});

describe('rebuildEnv', () => {
  it('drops npm’s nodedir in any case and keeps everything else', () => {
    expect(rebuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_cache: '/c', PATH: '/bin' })).toEqual({
      npm_config_cache: '/c',
      PATH: '/bin',
    });
  });
});
