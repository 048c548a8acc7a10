import { afterEach, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/fixtures/makeSnapshot';
import { databaseOf } from './handle';
import { loadSnapshotInput } from './loadSnapshotInput';
import { openStore, type Store } from './openStore';
import { PACK_BATCH_NODES } from './saveSnapshot';
import { SnapshotNodes } from './snapshotNodes';

let store: Store;
afterEach(() => store.close());

describe('SnapshotNodes', () => {
  it('saves nodes handed over group by group exactly as the same nodes saved whole, in the order given', async () => {
    store = openStore({ path: ':memory:', clock: () => new Date('2026-03-01T00:00:00Z') });
    const input = makeSnapshot({ nodes: PACK_BATCH_NODES * 2 + 30, regions: ['us-east-1', 'eu-west-1'], patches: {} });
    const { nodes, ...meta } = input;
    const handed = new SnapshotNodes();
    const evaluated: number[] = [];
    const evaluate = (i: number) => {
      evaluated.push(i);
      return nodes[i]!;
    };
    const indexes = nodes.map((_, i) => i);
    const groups = [indexes.slice(0, 40), indexes.slice(40)];
    const packed = (await Promise.all(groups.map((g) => handed.add(g, evaluate)))).flat();
    expect([...evaluated].sort((a, b) => a - b)).toEqual(indexes);
    const whole = store.saveSnapshot(input);
    const byGroups = store.saveSnapshot({ ...meta, packed });
    expect(loadSnapshotInput(databaseOf(store), byGroups).input).toEqual(loadSnapshotInput(databaseOf(store), whole).input);
  });

  it('lets other work run between two batches of a group', async () => {
    const { nodes } = makeSnapshot({ nodes: PACK_BATCH_NODES + 1 });
    store = openStore({ path: ':memory:' });
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    await new SnapshotNodes().add(nodes, (node) => {
      seen.push('node');
      return node;
    });
    expect(seen.indexOf('other work')).toBe(PACK_BATCH_NODES);
  });
});
