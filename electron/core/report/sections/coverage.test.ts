import { describe, expect, it } from 'vitest';
import { causesOf, type UnmanagedPage, type UnmanagedRow } from '../../../../shared/ec2Coverage';
import type { Store } from '../../store';
import { COVERAGE_ROWS_PER_CAUSE, coverageModel } from './coverage';
import type { ModelInput } from './model';

const instance = (i: number, over: Partial<UnmanagedRow>): UnmanagedRow => {
  const facts = {
    instanceId: `i-${String(i).padStart(17, '0')}`,
    state: 'running',
    route: 'yes',
    rolePolicy: 'attached',
    ...over,
  } as const;
  return {
    accountId: '111111111111',
    region: 'us-east-1',
    hostManagement: 'on',
    ...facts,
    ...causesOf({ ...facts, instanceProfileArn: 'arn' }, 'on'),
  };
};

/** A store whose only query is a fixed list of unmanaged instances, served in pages of `pageSize`. */
function stubStore(rows: readonly UnmanagedRow[], pageSize: number): { store: Store; calls: number[] } {
  const calls: number[] = [];
  const byCause = { stopped: 0, noProfile: 0, roleWithoutPolicy: 0, noRoute: 0, notDetermined: 0 };
  for (const r of rows) for (const c of r.causes) byCause[c] += 1;
  const unmanagedInstances = (_id: number, q: { offset?: number } = {}): UnmanagedPage => {
    const offset = q.offset ?? 0;
    calls.push(offset);
    return { total: rows.length, rows: rows.slice(offset, offset + pageSize), byCause, scopesRead: 3, scopesNotRead: 1 };
  };
  return { store: { unmanagedInstances } as unknown as Store, calls };
}

const input = (store: Store): ModelInput => ({
  store,
  snapshotId: 1,
  snapshot: {} as ModelInput['snapshot'],
  catalog: undefined,
  lang: 'en',
  appendix: 'none',
});

describe('coverageModel', () => {
  it('reads every page once, groups each instance under each of its causes, keeps the first rows per cause and counts the rest', () => {
    const stopped = Array.from({ length: 3 }, (_, i) => instance(i, { state: 'stopped', route: 'no' }));
    const undetermined = Array.from({ length: COVERAGE_ROWS_PER_CAUSE + 7 }, (_, i) => instance(100 + i, { route: 'unknown' }));
    const rows = [...stopped, ...undetermined];
    const { store, calls } = stubStore(rows, 10);
    const model = coverageModel(input(store));
    expect(calls).toEqual([0, 10, 20, 30]);
    expect(model).toMatchObject({ total: rows.length, stopped: 3, scopesRead: 3, scopesNotRead: 1 });
    expect(model.groups.map((g) => [g.cause, g.total, g.rows.length])).toEqual([
      ['stopped', 3, 3],
      ['noRoute', 3, 3],
      ['notDetermined', COVERAGE_ROWS_PER_CAUSE + 7, COVERAGE_ROWS_PER_CAUSE],
    ]);
    expect(model.groups[2]!.rows[0]!.instanceId).toBe(undetermined[0]!.instanceId);
    expect(model.unchecked).toEqual({ hostManagement: 0, rolePolicy: 0, route: COVERAGE_ROWS_PER_CAUSE + 7 });
  });

  it('has no group and asks once when no instance is unmanaged', () => {
    const { store, calls } = stubStore([], 10);
    expect(coverageModel(input(store))).toMatchObject({ total: 0, stopped: 0, groups: [] });
    expect(calls).toEqual([0]);
  });
});
