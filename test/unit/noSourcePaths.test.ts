/**
 * Client-facing text never points into the source tree (issue 27 item 6): a consultant's client
 * reads the UI, the PDF, the CSV and the terminal, and has no build/ folder. Every message catalog
 * is read as text and each string literal in it is searched for a source path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

const CATALOGS = [
  'shared/messages.ts',
  'shared/scopeErrors.ts',
  'shared/statuses.ts',
  'shared/nodeColumns.ts',
  'shared/userText.ts',
  'electron/core/report/labels.ts',
];
const LOCALES = join(root, 'renderer', 'src', 'locales');

const SOURCE_PATH = /\b(?:build|electron|shared|renderer|docs|test|src)\/|\.(?:ts|mts|mjs|cjs|svelte)\b/;

/** The string literals of a TypeScript file, comments and import lines left out. */
function literals(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/^import .*$/gm, '');
  return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
}

function localeStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(localeStrings);
  return [];
}

describe('client-facing text', () => {
  it('the search recognises a source path (the text issue 27 found on Overview and in the PDF)', () => {
    expect(
      literals(`const x = { en: 'Grant {action} to the audit role; see build/iam/.' };`).filter((s) => SOURCE_PATH.test(s)),
    ).toHaveLength(1);
    expect(SOURCE_PATH.test('see electron/core/report/labels.ts')).toBe(true);
    expect(SOURCE_PATH.test('Settings → “Policy for the audit role”')).toBe(false);
  });

  it.each(CATALOGS)('%s names no source path', (file) => {
    const offenders = literals(readFileSync(join(root, file), 'utf8')).filter((s) => SOURCE_PATH.test(s));
    expect(offenders).toEqual([]);
  });

  it('the renderer locales name no source path', () => {
    const offenders = readdirSync(LOCALES).flatMap((lang) =>
      readdirSync(join(LOCALES, lang)).flatMap((file) =>
        localeStrings(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'))).map((text) => `${lang}/${file}: ${text}`),
      ),
    );
    expect(offenders.length).toBeGreaterThan(100);
    expect(offenders.filter((line) => SOURCE_PATH.test(line.slice(line.indexOf(': ') + 2)))).toEqual([]);
  });
});
