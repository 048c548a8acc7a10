/** Issue 30 through the contract: the unmanaged-instances list and compare's coverage changes pass the output schema. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import { UNMANAGED_CAUSES, type UnmanagedPage } from '../../../shared/ec2Coverage';
import type { Comparison } from '../../../shared/history';
import { makeSnapshot, UNMANAGED_VARIANTS } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

describe('unmanaged instances over the contract', () => {
  let core: Core;
  let covered: number;
  let uncovered: number;
  const dir = tempDir('pa-unmanaged-');
  const accounts = ['111111111111', '222222222222'];
  const regions = ['ap-northeast-1', 'us-east-1', 'eu-west-1'];

  const ok = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(() => {
    core = createCore({ dataDir: join(dir, 'data'), host: { host: 'web', versions: {}, openExternal: async () => {} } });
    const base = { nodes: 24, accounts, regions };
    uncovered = core.services.snapshots.save(makeSnapshot({ ...base, startedAt: '2026-10-01T09:00:00.000Z' }));
    covered = core.services.snapshots.save(
      makeSnapshot({
        ...base,
        startedAt: '2026-10-08T09:00:00.000Z',
        unmanaged: { perScope: UNMANAGED_VARIANTS.length, notReadRegions: ['eu-west-1'] },
      }),
    );
  });
  afterAll(async () => core?.close());

  it('lists every unmanaged instance of the read scopes, each cause represented, sorted and filtered', async () => {
    const page = await ok<UnmanagedPage>('unmanaged:list', { snapshotId: covered, limit: 1000 });
    expect(page.total).toBe(accounts.length * 2 * UNMANAGED_VARIANTS.length);
    expect([page.scopesRead, page.scopesNotRead]).toEqual([4, 2]);
    for (const cause of UNMANAGED_CAUSES) expect(page.byCause[cause]).toBeGreaterThan(0);
    const keys = page.rows.map((r) => `${r.accountId}/${r.region}/${r.instanceId}`);
    expect(keys).toEqual([...keys].sort());
    expect(page.rows.every((r) => r.region !== 'eu-west-1')).toBe(true);

    const stopped = await ok<UnmanagedPage>('unmanaged:list', {
      snapshotId: covered,
      filters: { accountIds: [accounts[1]], causes: ['stopped'] },
    });
    expect(stopped.total).toBe(stopped.rows.length);
    expect(stopped.rows.length).toBeGreaterThan(0);
    expect(stopped.rows.every((r) => r.accountId === accounts[1] && r.causes.includes('stopped'))).toBe(true);

    const before = await ok<UnmanagedPage>('unmanaged:list', { snapshotId: uncovered });
    expect([before.total, before.scopesRead, before.scopesNotRead]).toEqual([0, 0, accounts.length * regions.length]);
  });

  it('refuses input outside the contract and a snapshot that does not exist', async () => {
    for (const input of [
      { snapshotId: covered, filters: { causes: ['bogus'] } },
      { snapshotId: covered, filters: { states: ['terminated'] } },
      { snapshotId: covered, filters: { extra: 1 } },
      { snapshotId: covered, limit: 0 },
      { snapshotId: covered, offset: -1 },
      { snapshotId: 'x' },
    ]) {
      expect(await core.dispatch('unmanaged:list', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await core.dispatch('unmanaged:list', { snapshotId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('compares no coverage change against a snapshot that read no instances', async () => {
    const comparison = await ok<Comparison>('compare:run', { from: uncovered, to: covered });
    expect(comparison.totals).toMatchObject({ newlyUnmanaged: 0, newlyManaged: 0 });
    expect([comparison.newlyUnmanaged, comparison.newlyManaged]).toEqual([[], []]);
  });
});
