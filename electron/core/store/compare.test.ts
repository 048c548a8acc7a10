import { afterEach, describe, expect, it } from 'vitest';
import type { ScopeResult } from '../../../shared/model';
import { testNode, testSnapshot, testUnmanaged } from '../../../test/fixtures/makeSnapshot';
import { openStore } from './openStore';
import type { Store } from './openStore';

const A = '111111111111';
const B = '222222222222';
const PROFILE = 'arn:aws:iam::111111111111:instance-profile/app';
const OK_SCOPE: ScopeResult = { accountId: A, region: 'ap-northeast-1', status: 'ok', nodes: 0, calls: 1, throttles: 0, gaps: [] };
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
    expect(c.totals).toEqual({ newlyUnmanaged: 0, newlyManaged: 0, added: 1, removed: 1, fixed: 1, regressions: 1, newFailures: 2 });
    const none = { newlyUnmanaged: 0, newlyManaged: 0 };
    expect(c.byArea).toEqual([
      { accountId: '111111111111', region: 'ap-northeast-1', ...none, added: 0, removed: 1, fixed: 1, regressions: 1, newFailures: 1 },
      { accountId: B, region: 'ap-northeast-1', ...none, added: 1, removed: 0, fixed: 0, regressions: 0, newFailures: 1 },
    ]);
    expect([c.newlyUnmanaged, c.newlyManaged]).toEqual([[], []]);
  });

  it('cuts lists at the limit but keeps full totals', () => {
    store = openStore({ path: ':memory:' });
    const covered = (n: number): ScopeResult[] => [{ ...OK_SCOPE, coverage: { ec2Instances: n, hostManagement: 'off' } }];
    const a = store.saveSnapshot(testSnapshot([], { scopes: covered(0) }));
    const three = ['i-1', 'i-2', 'i-3'];
    const b = store.saveSnapshot(
      testSnapshot(
        three.map((instanceId) => testNode({ instanceId })),
        { scopes: covered(6), unmanaged: three.map((x) => testUnmanaged({ instanceId: `${x}u` })) },
      ),
    );
    const c = store.compare(a, b, { limit: 2 });
    expect(c.added).toHaveLength(2);
    expect(c.totals.added).toBe(3);
    expect(c.newlyUnmanaged.map((u) => u.instanceId)).toEqual(['i-1u', 'i-2u']);
    expect(c.totals.newlyUnmanaged).toBe(3);
  });

  it('finds instances newly unmanaged and newly managed, with their causes, only where both snapshots read the instances', () => {
    store = openStore({ path: ':memory:' });
    const TOKYO = 'ap-northeast-1';
    const OSAKA = 'ap-northeast-3';
    const read = (accountId: string, region: string, ec2Instances: number, nodes = 0): ScopeResult => ({
      ...OK_SCOPE,
      accountId,
      region,
      nodes,
      coverage: { ec2Instances, hostManagement: 'off' },
    });
    const notRead = (accountId: string, region: string, nodes = 0): ScopeResult => ({ ...OK_SCOPE, accountId, region, nodes });
    const from = store.saveSnapshot(
      testSnapshot([testNode({ instanceId: 'i-dropped', name: 'was managed' })], {
        scopes: [read(A, TOKYO, 3, 1), read(B, TOKYO, 1), notRead(A, OSAKA)],
        unmanaged: [
          testUnmanaged({ instanceId: 'i-registered', name: 'fixed', state: 'stopped' }),
          testUnmanaged({ instanceId: 'i-still', route: 'no', instanceProfileArn: PROFILE }),
          // B/Tokyo is not read in the later snapshot: nothing is said about it.
          testUnmanaged({ accountId: B, instanceId: 'i-b' }),
        ],
      }),
    );
    const to = store.saveSnapshot(
      testSnapshot([testNode({ instanceId: 'i-registered', name: 'fixed' })], {
        scopes: [read(A, TOKYO, 4, 1), notRead(B, TOKYO), read(A, OSAKA, 1)],
        unmanaged: [
          testUnmanaged({ instanceId: 'i-dropped', name: 'was managed', instanceProfileArn: PROFILE, rolePolicy: 'missing', route: 'yes' }),
          testUnmanaged({ instanceId: 'i-new', route: 'yes' }),
          testUnmanaged({ instanceId: 'i-still', route: 'no', instanceProfileArn: PROFILE }),
          // Osaka was not read in the earlier snapshot: its instance may have been there all along.
          testUnmanaged({ region: OSAKA, instanceId: 'i-osaka' }),
        ],
      }),
    );
    const c = store.compare(from, to);
    expect(c.newlyUnmanaged).toEqual([
      { accountId: A, region: TOKYO, instanceId: 'i-dropped', name: 'was managed', causes: ['roleWithoutPolicy'] },
      { accountId: A, region: TOKYO, instanceId: 'i-new', name: null, causes: ['noProfile'] },
    ]);
    // Its causes are those it had while unmanaged, in the earlier snapshot.
    expect(c.newlyManaged).toEqual([
      { accountId: A, region: TOKYO, instanceId: 'i-registered', name: 'fixed', causes: ['stopped', 'noProfile'] },
    ]);
    expect(c.totals).toMatchObject({ newlyUnmanaged: 2, newlyManaged: 1, added: 1, removed: 1 });
    expect(c.byArea).toEqual([
      { accountId: A, region: TOKYO, newlyUnmanaged: 2, newlyManaged: 1, added: 1, removed: 1, fixed: 0, regressions: 0, newFailures: 0 },
    ]);
  });
});
