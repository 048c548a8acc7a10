/** The history domains through the contract: every answer passes the contract's output schema. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { HostFiles } from '../../../electron/core/files';
import { makeSnapshot } from '../../fixtures/makeSnapshot';

describe('history over the contract', () => {
  let core: Core;
  let first: number;
  let second: number;
  const dir = mkdtempSync(join(tmpdir(), 'pa-history-'));
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
      catalogEditions: ['seed-2022'],
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
    });
    first = core.store.saveSnapshot(makeSnapshot({ nodes: 40, seed: 1, startedAt: '2026-10-01T09:00:00.000Z' }));
    second = core.store.saveSnapshot(makeSnapshot({ nodes: 45, seed: 2, startedAt: '2026-10-08T09:00:00.000Z' }));
  });
  afterAll(async () => core?.close());

  it('lists, gets, summarizes and annotates snapshots', async () => {
    const list = await ok<{ id: number }[]>('snapshots:list');
    expect(list.map((s) => s.id).sort()).toEqual([first, second]);
    expect(await ok('snapshots:get', { id: first })).toMatchObject({ id: first, nodeCount: 40 });
    const summary = await ok<{ rules: { rule: string }[]; scopes: unknown[] }>('snapshots:summary', { id: first });
    expect(summary.rules).toHaveLength(12);
    expect(summary.scopes.length).toBeGreaterThan(0);
    expect(await ok('snapshots:annotate', { id: first, label: 'Baseline', client: 'ACME' })).toMatchObject({
      label: 'Baseline',
      client: 'ACME',
    });
    expect(await core.dispatch('snapshots:get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
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
    const points = await ok<{ snapshotId: number }[]>('trends:query', {});
    expect(points.map((p) => p.snapshotId)).toEqual([first, second]);
    const comparison = await ok<{ from: number; to: number; totals: { added: number } }>('compare:run', { from: first, to: second });
    expect(comparison).toMatchObject({ from: first, to: second });
  });

  it('re-evaluates offline with another threshold into a derived snapshot', async () => {
    const derived = await ok<{ id: number; derivedFrom: number; scanAgeDays: number }>('snapshots:reevaluate', {
      id: first,
      scanAgeDays: 30,
    });
    expect(derived).toMatchObject({ derivedFrom: first, scanAgeDays: 30 });
    await ok('snapshots:delete', { id: derived.id });
  });

  it('exports and imports through the host, and refuses a bad file with a clear message', async () => {
    const saved = await ok<{ saved: boolean; fileName: string }>('snapshots:export', { ids: [first] });
    expect(saved).toMatchObject({ saved: true, fileName: `snapshot-${first}.patchaudit` });
    files.nextImport = join(dir, saved.fileName);
    const imported = await ok<{ imported: number[]; alreadyPresent: number[] }>('snapshots:import', {});
    // The file holds a snapshot that is already here: nothing is added twice.
    expect(imported).toMatchObject({ imported: [], alreadyPresent: [first] });

    const other = mkdtempSync(join(tmpdir(), 'pa-history-other-'));
    const elsewhere = createCore({
      dataDir: other,
      catalogEditions: ['seed-2022'],
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
    });
    try {
      const intoEmpty = await elsewhere.dispatch('snapshots:import', {});
      expect(intoEmpty).toMatchObject({ ok: true, value: { alreadyPresent: [] } });
      expect((intoEmpty as { value: { imported: number[] } }).value.imported).toHaveLength(1);
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
    expect(await ok('snapshots:import', {})).toEqual({ imported: [], alreadyPresent: [], cancelled: true });
  });

  it('announces changes to the renderer', async () => {
    const seen: unknown[] = [];
    const off = core.events.subscribe((name, payload) => name === 'snapshots:changed' && seen.push(payload));
    await ok('snapshots:annotate', { id: second, label: 'Week 2' });
    off();
    expect(seen).toEqual([{ reason: 'annotated', ids: [second] }]);
  });
});
