/** Every interface text exists in both languages, and no translation is left empty. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'renderer', 'src', 'locales');

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );

const load = (lang: string) =>
  Object.fromEntries(
    readdirSync(join(dir, lang)).map((file) => [file, leaves(JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Tree)]),
  );

describe('renderer translations', () => {
  const ja = load('ja');
  const en = load('en');

  it('has the same files and keys in Japanese and English', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const file of Object.keys(en)) expect(ja[file]!.map(([k]) => k).sort(), file).toEqual(en[file]!.map(([k]) => k).sort());
  });

  it('leaves no text empty, and the Japanese is Japanese', () => {
    for (const [file, entries] of [...Object.entries(ja), ...Object.entries(en)])
      for (const [key, text] of entries) expect(text.trim(), `${file} ${key}`).not.toBe('');
    const japanese = Object.values(ja).flat();
    const withKana = japanese.filter(([, text]) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text));
    expect(withKana.length / japanese.length).toBeGreaterThan(0.6);
  });
});
