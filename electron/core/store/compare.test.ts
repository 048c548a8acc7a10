import { afterEach, describe, expect, it } from 'vitest';
import { testNode, testSnapshot } from '../../../test/fixtures/makeSnapshot';
import { openStore } from './openStore';
import type { Store } from './openStore';

const B = '222222222222';
let store: Store;
afterEach(() => store.close());

describe('compare', () => {
  it('finds added and removed nodes, fixed checks, regressions and new failures, per area', () => {
    store = openStore({ path: ':memory:' });
    const a = store.saveSnapshot(
      testSnapshot([
        testNode({
          instanceId: 'i-keep',
          name: 'keep',
          statuses: {
            'agent.version': 'fail',
            'network.s3': 'pass',
            'os.supported': 'unknown',
            'patch.compliant': 'warn',
            'node.online': 'pass',
          },
        }),
        testNode({ instanceId: 'i-gone', statuses: { 'agent.version': 'pass' } }),
      ]),
    );
    const b = store.saveSnapshot(
      testSnapshot([
        testNode({
          instanceId: 'i-keep',
          name: 'keep',
          statuses: {
            'agent.version': 'pass',
            'network.s3': 'fail',
            'os.supported': 'fail',
            'patch.compliant': 'fail',
            'node.online': 'pass',
          },
        }),
        testNode({ instanceId: 'i-new', accountId: B, statuses: { 'agent.version': 'warn', 'node.online': 'pass' } }),
      ]),
    );
    const c = store.compare(a, b);
    expect(c.added).toEqual([{ accountId: B, region: 'ap-northeast-1', instanceId: 'i-new', name: null }]);
    expect(c.removed.map((n) => n.instanceId)).toEqual(['i-gone']);
    expect(c.fixed).toEqual([
      {
        accountId: '111111111111',
        region: 'ap-northeast-1',
        instanceId: 'i-keep',
        name: 'keep',
        rule: 'agent.version',
        before: 'fail',
        after: 'pass',
      },
    ]);
    expect(c.regressions.map((x) => [x.rule, x.before, x.after])).toEqual([['network.s3', 'pass', 'fail']]);
    // warn → fail is neither fixed nor new; unknown → fail is a rule newly failing; a new node's failures are new.
    expect(c.newFailures.map((x) => [x.instanceId, x.rule, x.before, x.after])).toEqual([
      ['i-keep', 'os.supported', 'unknown', 'fail'],
      ['i-new', 'agent.version', null, 'warn'],
    ]);
    expect(c.totals).toEqual({ added: 1, removed: 1, fixed: 1, regressions: 1, newFailures: 2 });
    expect(c.byArea).toEqual([
      { accountId: '111111111111', region: 'ap-northeast-1', added: 0, removed: 1, fixed: 1, regressions: 1, newFailures: 1 },
      { accountId: B, region: 'ap-northeast-1', added: 1, removed: 0, fixed: 0, regressions: 0, newFailures: 1 },
    ]);
  });

  it('cuts lists at the limit but keeps full totals', () => {
    store = openStore({ path: ':memory:' });
    const a = store.saveSnapshot(testSnapshot([]));
    const b = store.saveSnapshot(testSnapshot(['i-1', 'i-2', 'i-3'].map((instanceId) => testNode({ instanceId }))));
    const c = store.compare(a, b, { limit: 2 });
    expect(c.added).toHaveLength(2);
    expect(c.totals.added).toBe(3);
  });
});
