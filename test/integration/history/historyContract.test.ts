/** The history domains through the contract: every answer passes the contract's output schema. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { HostFiles } from '../../../electron/core/files';
import type { Comparison, SnapshotMeta, TrendPoint } from '../../../shared/history';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

describe('history over the contract', () => {
  let core: Core;
  let first: number;
  let second: number;
  const dir = tempDir('pa-history-');
  const files: HostFiles & { nextImport: string | null } = {
    nextImport: null,
    chooseImportFile: async () => files.nextImport,
    chooseSaveTarget: async (_kind, name) => ({ path: join(dir, name), done: () => ({ fileName: name }) }),
  };

  const ok = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(() => {
    core = createCore({
      dataDir: join(dir, 'data'),
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
    });
    first = core.services.snapshots.save(makeSnapshot({ nodes: 40, seed: 1, startedAt: '2026-10-01T09:00:00.000Z' }));
    second = core.services.snapshots.save(makeSnapshot({ nodes: 45, seed: 2, startedAt: '2026-10-08T09:00:00.000Z' }));
  });
  afterAll(async () => core?.close());

  it('lists, gets and summarizes snapshots', async () => {
    const list = await ok<{ id: number }[]>('snapshots:list');
    expect(list.map((s) => s.id).sort()).toEqual([first, second]);
    expect(await ok('snapshots:get', { id: first })).toMatchObject({ id: first, nodeCount: 40 });
    const summary = await ok<{ rules: { rule: string }[]; scopes: unknown[] }>('snapshots:summary', { id: first });
    expect(summary.rules).toHaveLength(12);
    expect(summary.scopes.length).toBeGreaterThan(0);
    expect(await core.dispatch('snapshots:get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('annotates one snapshot: trims, keeps fields left out, clears blank ones, refuses bad input', async () => {
    const get = (id: number) => ok<SnapshotMeta>('snapshots:get', { id });
    const otherBefore = await get(second);
    const annotated = await ok<SnapshotMeta>('snapshots:annotate', { id: first, label: '  Baseline ', client: 'ACME' });
    expect(annotated).toMatchObject({ id: first, label: 'Baseline', client: 'ACME', nodeCount: 40 });
    expect(await get(first)).toMatchObject({ label: 'Baseline', client: 'ACME' });
    expect((await ok<SnapshotMeta[]>('snapshots:list')).find((s) => s.id === first)).toMatchObject({ label: 'Baseline', client: 'ACME' });

    await ok('snapshots:annotate', { id: first, engagement: 'FY26 Q4' });
    expect(await get(first)).toMatchObject({ label: 'Baseline', client: 'ACME', engagement: 'FY26 Q4' });
    const cleared = await ok<SnapshotMeta>('snapshots:annotate', { id: first, client: '   ' });
    expect(cleared.client).toBeUndefined();
    expect(cleared).toMatchObject({ label: 'Baseline', engagement: 'FY26 Q4' });

    expect(await core.dispatch('snapshots:annotate', { id: 999, label: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.dispatch('snapshots:annotate', { id: first, label: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.dispatch('snapshots:annotate', { id: first, nodeCount: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await get(first)).toMatchObject({ label: 'Baseline', engagement: 'FY26 Q4', nodeCount: 40 });
    expect((await get(first)).client).toBeUndefined();
    expect(await get(second)).toEqual(otherBefore);
  });

  it('queries nodes with filters, sort and paging, and opens a node', async () => {
    const page = await ok<{ total: number; rows: { instanceId: string; accountId: string; region: string }[] }>('nodes:query', {
      snapshotId: second,
      query: { sort: { key: 'instanceId', dir: 'asc' }, offset: 0, limit: 10 },
    });
    expect(page.total).toBe(45);
    expect(page.rows).toHaveLength(10);
    const ids = page.rows.map((r) => r.instanceId);
    expect(ids).toEqual([...ids].sort());
    const row = page.rows[0]!;
    const detail = await ok<{ checks: unknown[]; history: unknown[] }>('nodes:detail', {
      snapshotId: second,
      accountId: row.accountId,
      region: row.region,
      instanceId: row.instanceId,
    });
    expect(detail.checks).toHaveLength(12);
    expect(await core.dispatch('nodes:query', { snapshotId: second, query: { limit: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('answers trends and comparisons', async () => {
    const points = await ok<TrendPoint[]>('trends:query', {});
    expect(points.map((p) => [p.snapshotId, p.nodes])).toEqual([
      [first, 40],
      [second, 45],
    ]);

    // makeSnapshot gives node i the same instance id in every seed: the second snapshot holds
    // the first one's 40 nodes (with other statuses) and five more.
    const comparison = await ok<Comparison>('compare:run', { from: first, to: second });
    expect(comparison).toMatchObject({ from: first, to: second, totals: { added: 5, removed: 0 }, removed: [] });
    expect(comparison.added.map((n) => n.name).sort()).toEqual(['app-00040', 'app-00041', 'app-00042', 'app-00043', 'app-00044']);
    expect(comparison.fixed).toHaveLength(comparison.totals.fixed);
    expect(comparison.fixed.length).toBeGreaterThan(0);
    for (const change of comparison.fixed) {
      expect(['fail', 'warn']).toContain(change.before);
      expect(change.after).toBe('pass');
    }
    expect(comparison.regressions).toHaveLength(comparison.totals.regressions);
    for (const change of comparison.regressions) expect(change.before).toBe('pass');

    const limited = await ok<Comparison>('compare:run', { from: first, to: second, limit: 1 });
    expect(limited.totals).toEqual(comparison.totals);
    expect(limited.added).toEqual(comparison.added.slice(0, 1));
    expect(await core.dispatch('compare:run', { from: first, to: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('re-evaluates offline with another threshold into a derived snapshot, which can be deleted alone', async () => {
    const ids = async () => (await ok<SnapshotMeta[]>('snapshots:list')).map((s) => s.id).sort((a, b) => a - b);
    const source = await ok<SnapshotMeta>('snapshots:get', { id: first });
    const derived = await ok<SnapshotMeta>('snapshots:reevaluate', { id: first, catalogEdition: 'seed-2022', scanAgeDays: 30 });
    expect(derived).toMatchObject({ derivedFrom: first, scanAgeDays: 30, catalogEdition: 'seed-2022', nodeCount: 40 });
    expect(await ids()).toEqual([first, second, derived.id]);
    expect(await ok('snapshots:get', { id: first })).toEqual(source);

    // The same nodes, checked again by the rules engine: all twelve rules on each.
    const nodeIds = async (snapshotId: number) =>
      (await ok<{ rows: { instanceId: string }[] }>('nodes:query', { snapshotId, query: { limit: 100 } })).rows
        .map((r) => r.instanceId)
        .sort();
    expect(await nodeIds(derived.id)).toEqual(await nodeIds(first));
    const summary = await ok<{ rules: { rule: string }[] }>('snapshots:summary', { id: derived.id });
    expect(summary.rules).toHaveLength(12);
    // Trends show audits, not re-evaluations, unless asked.
    expect((await ok<TrendPoint[]>('trends:query', {})).map((p) => p.snapshotId)).toEqual([first, second]);
    expect((await ok<TrendPoint[]>('trends:query', { includeDerived: true })).map((p) => p.snapshotId)).toContain(derived.id);

    expect(await core.dispatch('snapshots:reevaluate', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.dispatch('snapshots:reevaluate', { id: first, catalogEdition: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.dispatch('snapshots:reevaluate', { id: first, scanAgeDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ids()).toEqual([first, second, derived.id]);

    // Asked again, the same re-evaluation is the one already saved: no copy, no change announced
    // (two alike would be one after a backup and its restore).
    const seen: unknown[] = [];
    const off = core.events.subscribe((name, payload) => name === 'snapshots:changed' && seen.push(payload));
    expect(await ok<SnapshotMeta>('snapshots:reevaluate', { id: first, scanAgeDays: 30, catalogEdition: derived.catalogEdition })).toEqual(
      derived,
    );
    off();
    expect(seen).toEqual([]);
    expect(await ids()).toEqual([first, second, derived.id]);

    expect(await ok('snapshots:delete', { id: derived.id })).toEqual({ deleted: true });
    expect(await ok('snapshots:delete', { id: derived.id })).toEqual({ deleted: false });
    expect(await core.dispatch('snapshots:get', { id: derived.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ids()).toEqual([first, second]);
    expect(await ok('snapshots:get', { id: first })).toEqual(source);
  });

  it('exports and imports through the host, and refuses a bad file with a clear message', async () => {
    const saved = await ok<{ saved: boolean; fileName: string }>('snapshots:export', { ids: [first] });
    expect(saved).toMatchObject({ saved: true, fileName: `snapshot-${first}.patchaudit` });
    files.nextImport = join(dir, saved.fileName);
    const imported = await ok<{ imported: number[]; alreadyPresent: number[] }>('snapshots:import', {});
    // The file holds a snapshot that is already here: nothing is added twice.
    expect(imported).toMatchObject({ imported: [], alreadyPresent: [first] });

    const other = tempDir('pa-history-other-');
    const elsewhere = createCore({
      dataDir: other,
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
    });
    try {
      const intoEmpty = await elsewhere.dispatch('snapshots:import', {});
      expect(intoEmpty).toMatchObject({ ok: true, value: { alreadyPresent: [] } });
      const [copy] = (intoEmpty as { value: { imported: number[] } }).value.imported;
      expect((intoEmpty as { value: { imported: number[] } }).value.imported).toHaveLength(1);
      // The copy is the exported snapshot, annotations and nodes included.
      expect(await elsewhere.dispatch('snapshots:get', { id: copy })).toMatchObject({
        ok: true,
        value: { startedAt: '2026-10-01T09:00:00.000Z', nodeCount: 40, label: 'Baseline', engagement: 'FY26 Q4' },
      });
    } finally {
      await elsewhere.close();
    }

    const bad = join(dir, 'bad.patchaudit');
    writeFileSync(bad, readFileSync(join(dir, saved.fileName)).subarray(0, 100));
    files.nextImport = bad;
    const before = (await ok<unknown[]>('snapshots:list')).length;
    const refused = await core.dispatch('snapshots:import', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/^The file was not imported: /) } });
    expect((await ok<unknown[]>('snapshots:list')).length).toBe(before);

    files.nextImport = null;
    expect(await ok('snapshots:import', {})).toEqual({ imported: [], alreadyPresent: [], repeatedInFile: [], cancelled: true });
  });

  it('announces changes to the renderer', async () => {
    const seen: unknown[] = [];
    const off = core.events.subscribe((name, payload) => name === 'snapshots:changed' && seen.push(payload));
    await ok('snapshots:annotate', { id: second, label: 'Week 2' });
    off();
    expect(seen).toEqual([{ reason: 'annotated', ids: [second] }]);
  });
});
