import { afterEach, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/fixtures/makeSnapshot';
import { databaseOf } from './handle';
import { openStore } from './openStore';
import type { Store } from './openStore';
import { reevaluate } from './reevaluate';

let store: Store;
afterEach(() => store.close());
const count = (table: string, where = '1'): number =>
  databaseOf(store).prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
const day = (d: number): string => new Date(Date.UTC(2026, 0, d)).toISOString();

describe('deleteSnapshot', () => {
  it('removes the snapshot and everything under it, keeping parts other snapshots share', () => {
    store = openStore({ path: ':memory:' });
    const unmanaged = { perScope: 4 };
    const a = store.saveSnapshot(makeSnapshot({ nodes: 50, regions: ['us-east-1'], unmanaged }));
    const b = store.saveSnapshot(makeSnapshot({ nodes: 50, regions: ['eu-west-1'], unmanaged }));
    const partsOfB = count('snapshot_part', `snapshot_id = ${b}`);
    const tables = ['node', 'node_detail', 'scope', 'rule_summary', 'area_summary', 'snapshot_part', 'unmanaged_instance'];
    for (const table of tables) expect(count(table, `snapshot_id = ${a}`)).toBeGreaterThan(0);
    expect(store.deleteSnapshot(a)).toBe(true);
    for (const table of tables) expect(count(table, `snapshot_id = ${a}`)).toBe(0);
    expect(count('unmanaged_instance')).toBe(3 * 4);
    expect(count('fact_part')).toBe(partsOfB);
    expect(count('node')).toBe(50);
    expect(store.nodeDetail(b, store.queryNodes(b).rows[0]!.instanceId, '111111111111', 'eu-west-1')?.facts.network).toBeTruthy();
    expect(store.deleteSnapshot(a)).toBe(false);
    expect(databaseOf(store).pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps a derived snapshot, still naming its deleted source', () => {
    store = openStore({ path: ':memory:' });
    const a = store.saveSnapshot(makeSnapshot({ nodes: 5 }));
    const d = reevaluate(store, a, { catalogEdition: 'x', scanAgeDays: 7 }, () => []);
    store.deleteSnapshot(a);
    expect(store.getSnapshot(d)?.derivedFrom).toBe(a);
    expect(store.nodeDetail(d, store.queryNodes(d).rows[0]!.instanceId, '111111111111', 'ap-northeast-1')?.facts.network).toBeTruthy();
  });
});

describe('applyRetention', () => {
  const seed = (): number[] => [1, 5, 10, 20].map((d) => store.saveSnapshot(makeSnapshot({ nodes: 3, startedAt: day(d) })));

  it('keeps the newest n', () => {
    store = openStore({ path: ':memory:', clock: () => new Date(day(21)) });
    const [s1, s5, s10, s20] = seed();
    expect(store.applyRetention({ keepLast: 2 }).sort()).toEqual([s1, s5].sort());
    expect(store.listSnapshots().map((s) => s.id)).toEqual([s20, s10]);
  });

  it('deletes snapshots older than the age limit, and anything beyond keepLast', () => {
    store = openStore({ path: ':memory:', clock: () => new Date(day(21)) });
    const [s1, s5, s10, s20] = seed();
    expect(store.applyRetention({ maxAgeDays: 12 }).sort()).toEqual([s1, s5].sort());
    expect(store.applyRetention({ keepLast: 1, maxAgeDays: 365 })).toEqual([s10]);
    expect(store.listSnapshots().map((s) => s.id)).toEqual([s20]);
  });

  it('refuses nonsense policies', () => {
    store = openStore({ path: ':memory:' });
    expect(() => store.applyRetention({ keepLast: 0 })).toThrow(RangeError);
    expect(() => store.applyRetention({ maxAgeDays: -1 })).toThrow(RangeError);
  });
});
