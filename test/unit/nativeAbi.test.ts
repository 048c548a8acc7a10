import { describe, expect, it } from 'vitest';
import { isAbiMismatch, planForElectron, planForNode } from '../../build/scripts/nativeAbi';

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
