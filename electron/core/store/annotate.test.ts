import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/fixtures/makeSnapshot';
import { annotateSnapshot } from './annotate';
import { databaseOf } from './handle';
import { openStore } from './openStore';

describe('annotateSnapshot', () => {
  it('sets, keeps and clears label, client and engagement', () => {
    const store = openStore({ path: ':memory:' });
    const id = store.saveSnapshot(makeSnapshot({ nodes: 3 }));
    expect(
      annotateSnapshot(databaseOf(store), id, { label: 'Week 1', client: 'ACME <script>', engagement: "Q3'; DROP TABLE snapshot;--" }),
    ).toBe(true);
    expect(store.getSnapshot(id)).toMatchObject({ label: 'Week 1', client: 'ACME <script>', engagement: "Q3'; DROP TABLE snapshot;--" });
    annotateSnapshot(databaseOf(store), id, { label: 'Week 2' });
    expect(store.getSnapshot(id)).toMatchObject({ label: 'Week 2', client: 'ACME <script>' });
    annotateSnapshot(databaseOf(store), id, { client: '  ' });
    expect(store.getSnapshot(id)?.client).toBeUndefined();
  });

  it('reports a missing snapshot and changes nothing', () => {
    const store = openStore({ path: ':memory:' });
    expect(annotateSnapshot(databaseOf(store), 42, { label: 'x' })).toBe(false);
    expect(store.listSnapshots()).toEqual([]);
  });
});
