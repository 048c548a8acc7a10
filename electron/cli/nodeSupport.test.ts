import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE, isSupportedNode, unsupportedNodeLine, warnIfUnsupportedNode } from './nodeSupport';

const root = join(import.meta.dirname, '..', '..');
const version = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40));

describe('the supported Node', () => {
  it('is what package.json "engines" says', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });

  it('is the root entry of package-lock.json too', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    expect(lock.packages['']?.engines?.node).toBe(SUPPORTED_NODE);
  });

  it('is 22.13 or a later 22.x, or 24 or later: 20, 22.12 and 23 are not', () => {
    expect(isSupportedNode('v20.20.2')).toBe(false);
    expect(isSupportedNode('v22.12.9')).toBe(false);
    expect(isSupportedNode('v23.11.0')).toBe(false);
    expect(isSupportedNode('v22.13.0')).toBe(true);
    expect(isSupportedNode('v22.23.5')).toBe(true);
    expect(isSupportedNode('v24.0.0')).toBe(true);
    expect(isSupportedNode('v100.0.0')).toBe(true);
  });

  it('compares major, then minor, then patch, with or without the v, against ^ and >= clauses', () => {
    const older = (a: readonly number[], b: readonly number[]): boolean =>
      a[0] !== b[0] ? a[0]! < b[0]! : a[1] !== b[1] ? a[1]! < b[1]! : a[2]! < b[2]!;
    fc.assert(
      // A caret on 0.x means the same minor (semver's rule); "engines" names no 0.x, so carets start at 1.
      fc.property(version, fc.tuple(fc.integer({ min: 1, max: 40 }), fc.nat(40), fc.nat(40)), version, (running, caret, floor) => {
        const range = `^${caret.join('.')} || >=${floor.join('.')}`;
        const supported = (running[0] === caret[0] && !older(running, caret)) || !older(running, floor);
        expect(isSupportedNode(`v${running.join('.')}`, range)).toBe(supported);
        expect(isSupportedNode(running.join('.'), range)).toBe(supported);
        expect(isSupportedNode(running.join('.'), `>=${floor.join('.')}`)).toBe(!older(running, floor));
      }),
    );
  });

  it('reads a bare major as that major.0.0', () => {
    expect(isSupportedNode('v23.99.99', '>=24')).toBe(false);
    expect(isSupportedNode('v24.0.0', '>=24')).toBe(true);
  });

  it('warns about nothing it cannot read', () => {
    expect(isSupportedNode('nightly')).toBe(true);
    expect(isSupportedNode('v20.0.0', 'twenty-two or later')).toBe(true);
  });
});

describe('the unsupported-Node line', () => {
  it('names the running version and what is supported, on one line', () => {
    const line = unsupportedNodeLine('v20.20.2', { LANG: 'en_US.UTF-8' });
    expect(line).toBe(
      'patch-audit: Node.js 20.20.2 is not supported; Patch Auditor supports Node.js 22.13 or a later 22.x, or 24 or later. Carrying on.',
    );
  });

  it('is in Japanese when LC_ALL, else LC_MESSAGES, else LANG says ja', () => {
    const japanese = unsupportedNodeLine('v20.20.2', { LANG: 'ja_JP.UTF-8' });
    expect(japanese).toContain('Node.js 20.20.2 はサポート対象外です');
    expect(japanese).toContain('Node.js 22.13 以降の 22.x または 24 以降に対応しています');
    expect(unsupportedNodeLine('v20.20.2', { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe(japanese);
    expect(unsupportedNodeLine('v20.20.2', { LC_MESSAGES: 'ja', LANG: 'en_US.UTF-8' })).toBe(japanese);
    expect(unsupportedNodeLine('v20.20.2', { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toMatch(/is not supported/);
    expect(unsupportedNodeLine('v20.20.2', { LANG: 'jav_ID' })).toMatch(/is not supported/);
  });

  it('is one line in either language for any unsupported version', () => {
    const unsupported = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 21 }), fc.nat(99), fc.nat(99)),
      fc.tuple(fc.constant(22), fc.nat(12), fc.nat(99)),
      fc.tuple(fc.constant(23), fc.nat(99), fc.nat(99)),
    );
    fc.assert(
      fc.property(unsupported, fc.constantFrom('en_US.UTF-8', 'ja_JP.UTF-8', ''), (version, lang) => {
        const line = unsupportedNodeLine(`v${version.join('.')}`, { LANG: lang });
        expect(line).toMatch(/^patch-audit: [^\n]*22\.13[^\n]*24[^\n]*$/);
      }),
    );
  });

  it('is absent on a supported Node', () => {
    expect(unsupportedNodeLine('v22.13.0', { LANG: 'ja_JP.UTF-8' })).toBeUndefined();
    expect(unsupportedNodeLine('v24.0.0', { LANG: 'ja_JP.UTF-8' })).toBeUndefined();
  });

  it('is written once, and not at all under NODE_NO_WARNINGS=1', () => {
    const written: string[] = [];
    warnIfUnsupportedNode('v20.20.2', {}, (line) => written.push(line));
    expect(written).toEqual([`${unsupportedNodeLine('v20.20.2', {})!}\n`]);
    warnIfUnsupportedNode('v20.20.2', { NODE_NO_WARNINGS: '1' }, (line) => written.push(line));
    warnIfUnsupportedNode('v22.23.5', {}, (line) => written.push(line));
    expect(written).toHaveLength(1);
  });
});
