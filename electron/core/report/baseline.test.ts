import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnapshotMeta } from '../store';
import { automaticBaseline } from './baseline';

type Area = { accountId: string; region: string };
const TOKYO: Area[] = [
  { accountId: '111111111111', region: 'ap-northeast-1' },
  { accountId: '222222222222', region: 'ap-northeast-1' },
];

function meta(id: number, day: number, over: Partial<SnapshotMeta> = {}): SnapshotMeta {
  const startedAt = `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  return {
    id,
    startedAt,
    finishedAt: startedAt,
    savedAt: startedAt,
    status: 'complete',
    catalogEdition: 'aws-2026-11',
    scanAgeDays: 7,
    toolVersion: '0.1.0',
    nodeCount: 10,
    scopeCount: 2,
    failedScopes: 0,
    ...over,
  };
}

describe('automaticBaseline (issue 27)', () => {
  const target = { id: 9, startedAt: '2026-11-30T09:00:00.000Z', scopes: TOKYO };

  it('takes the newest earlier complete audit of the same accounts and regions', () => {
    const list = [meta(1, 2), meta(2, 9), meta(3, 16, { status: 'partial' }), meta(5, 23, { derivedFrom: 2 }), meta(9, 30), meta(10, 30)];
    const scopes = new Map<number, Area[]>([
      [1, TOKYO],
      [2, [...TOKYO].reverse()],
      [3, TOKYO],
      [5, TOKYO],
      [10, TOKYO],
    ]);
    // #3 is partial, #5 a re-evaluated copy, #10 not earlier: #2, whose areas are the same in another order.
    expect(automaticBaseline(target, list, (id) => scopes.get(id) ?? [])).toBe(2);
  });

  it('skips an audit of other accounts or regions, and finds none when no earlier audit fits', () => {
    const wider = [...TOKYO, { accountId: '333333333333', region: 'eu-west-1' }];
    const list = [meta(1, 2), meta(2, 9)];
    const scopes = new Map<number, Area[]>([
      [1, TOKYO],
      [2, wider],
    ]);
    expect(automaticBaseline(target, list, (id) => scopes.get(id) ?? [])).toBe(1);
    expect(automaticBaseline({ ...target, scopes: wider }, list, (id) => scopes.get(id) ?? [])).toBe(2);
    expect(automaticBaseline({ ...target, startedAt: '2026-11-01T00:00:00.000Z' }, list, (id) => scopes.get(id) ?? [])).toBeUndefined();
  });

  it('always answers an earlier complete original audit of the same areas, and no newer one exists', () => {
    const snapshot = fc.record({
      day: fc.integer({ min: 1, max: 29 }),
      partial: fc.boolean(),
      derived: fc.boolean(),
      sameAreas: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 12 }), (specs) => {
        const list = specs.map((s, i) =>
          meta(i + 1, s.day, { status: s.partial ? 'partial' : 'complete', ...(s.derived ? { derivedFrom: 1 } : {}) }),
        );
        const areas = (id: number): Area[] => (specs[id - 1]!.sameAreas ? TOKYO : TOKYO.slice(0, 1));
        const fits = (s: SnapshotMeta) =>
          s.id !== target.id &&
          s.startedAt < target.startedAt &&
          s.status === 'complete' &&
          s.derivedFrom === undefined &&
          areas(s.id) === TOKYO;
        const chosen = automaticBaseline(target, list, areas);
        const eligible = list.filter(fits);
        if (chosen === undefined) {
          expect(eligible).toEqual([]);
        } else {
          const picked = list.find((s) => s.id === chosen)!;
          expect(fits(picked)).toBe(true);
          for (const other of eligible) expect(other.startedAt <= picked.startedAt).toBe(true);
        }
      }),
    );
  });
});
