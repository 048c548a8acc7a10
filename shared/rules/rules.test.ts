import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_EDITIONS, getCatalog } from '../catalog';
import { RULE_IDS } from '../model';
import { agentVersion } from './agentVersion';
import { RULE_BY_ID, RULE_MODULES, RULES, rulesById, type Rule } from './index';

const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && 'id' in value && 'evaluate' in value && typeof value.evaluate === 'function';

/** Every Rule any file of shared/rules exports, by file. */
async function exportedRules(): Promise<{ file: string; rule: Rule }[]> {
  const files = readdirSync(import.meta.dirname).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts',
  );
  const modules = await Promise.all(
    files.map(async (file) => ({
      file,
      exports: (await import(/* @vite-ignore */ join(import.meta.dirname, file))) as Record<string, unknown>,
    })),
  );
  return modules.flatMap(({ file, exports }) => Object.values(exports).flatMap((value) => (isRule(value) ? [{ file, rule: value }] : [])));
}

describe('rules describe themselves', () => {
  it('has exactly one module per id of RULE_IDS, and no module for another id', () => {
    const ids = RULE_MODULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
  });

  it('lists every rule module shared/rules holds, one rule per file', async () => {
    const found = await exportedRules();
    expect(found.map(({ rule }) => rule).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...RULE_MODULES].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(new Set(found.map(({ file }) => file)).size).toBe(found.length);
  });

  it('runs, names and cites the rules in the frozen RULE_IDS order', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(RULE_IDS);
    for (const id of RULE_IDS) expect(RULE_BY_ID[id].id).toBe(id);
  });

  it('refuses, at compile time, a list that leaves an id undescribed or describes one twice', () => {
    // @ts-expect-error: every RULE_IDS id but agent.version lacks a module
    const partial = rulesById([agentVersion]);
    // @ts-expect-error: agent.version has two modules
    const doubled = rulesById([...RULE_MODULES, agentVersion]);
    expect(Object.keys(partial)).toEqual(['agent.version']);
    expect(Object.keys(doubled)).toHaveLength(RULE_IDS.length);
  });

  it('cites from an edition only the seed rules it names, and under the seed every one of them', () => {
    for (const catalog of CATALOG_EDITIONS) {
      for (const rule of RULES) {
        for (const ref of rule.sourceRefs(catalog)) expect(rule.sourceRules).toContain(ref.rule);
      }
    }
    const seed = getCatalog('seed-2022')!;
    for (const rule of RULES) expect(new Set(rule.sourceRefs(seed).map((ref) => ref.rule))).toEqual(new Set(rule.sourceRules));
  });
});
