import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OLDEST_SUPPORTED_NODE, isSupportedNode, unsupportedNodeLine, warnIfUnsupportedNode } from './nodeSupport';

const root = join(import.meta.dirname, '..', '..');
const semver = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40));

describe('the supported Node', () => {
  it('is what package.json "engines" says', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${OLDEST_SUPPORTED_NODE}`);
  });

  it('starts at 22.12: 20 and 22.11 are older, 22.12, 23 and 24 are not', () => {
    expect(isSupportedNode('v20.20.2')).toBe(false);
    expect(isSupportedNode('v22.11.9')).toBe(false);
    expect(isSupportedNode('v22.12.0')).toBe(true);
    expect(isSupportedNode('v22.23.5')).toBe(true);
    expect(isSupportedNode('v24.0.0')).toBe(true);
    expect(isSupportedNode('v100.0.0')).toBe(true);
  });

  it('compares major, then minor, then patch, with or without the v', () => {
    fc.assert(
      fc.property(semver, semver, (running, oldest) => {
        const older =
          running[0] !== oldest[0] ? running[0] < oldest[0] : running[1] !== oldest[1] ? running[1] < oldest[1] : running[2] < oldest[2];
        expect(isSupportedNode(`v${running.join('.')}`, oldest.join('.'))).toBe(!older);
        expect(isSupportedNode(running.join('.'), oldest.join('.'))).toBe(!older);
      }),
    );
  });

  it('warns about nothing it cannot read', () => {
    expect(isSupportedNode('nightly')).toBe(true);
  });
});

describe('the unsupported-Node line', () => {
  it('names the running version and what is supported, on one line', () => {
    const line = unsupportedNodeLine('v20.20.2', { LANG: 'en_US.UTF-8' });
    expect(line).toBe(
      'patch-audit: Node.js 20.20.2 is not supported; Patch Auditor supports Node.js 22.12 or later (Node 22 LTS or later). Carrying on.',
    );
  });

  it('is in Japanese when LC_ALL, else LC_MESSAGES, else LANG says ja', () => {
    const japanese = unsupportedNodeLine('v20.20.2', { LANG: 'ja_JP.UTF-8' });
    expect(japanese).toContain('Node.js 20.20.2 はサポート対象外です');
    expect(japanese).toContain('Node.js 22.12 以降');
    expect(unsupportedNodeLine('v20.20.2', { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe(japanese);
    expect(unsupportedNodeLine('v20.20.2', { LC_MESSAGES: 'ja', LANG: 'en_US.UTF-8' })).toBe(japanese);
    expect(unsupportedNodeLine('v20.20.2', { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toMatch(/is not supported/);
    expect(unsupportedNodeLine('v20.20.2', { LANG: 'jav_ID' })).toMatch(/is not supported/);
  });

  it('is one line in either language for any older version', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 21 }), fc.nat(99), fc.nat(99)),
        fc.constantFrom('en_US.UTF-8', 'ja_JP.UTF-8', ''),
        (version, lang) => {
          const line = unsupportedNodeLine(`v${version.join('.')}`, { LANG: lang });
          expect(line).toMatch(/^patch-audit: [^\n]*22\.12[^\n]*$/);
        },
      ),
    );
  });

  it('is absent on a supported Node', () => {
    expect(unsupportedNodeLine('v22.12.0', { LANG: 'ja_JP.UTF-8' })).toBeUndefined();
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
