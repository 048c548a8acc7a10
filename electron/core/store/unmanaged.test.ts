import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlacedUnmanagedInstance, UnmanagedCause } from '../../../shared/ec2Coverage';
import type { ScopeResult } from '../../../shared/model';
import { testNode, testSnapshot, testUnmanaged } from '../../../test/fixtures/makeSnapshot';
import { openStore } from './openStore';
import type { Store } from './openStore';
import { InvalidSnapshotError } from './saveSnapshot';

const A = '111111111111';
const B = '222222222222';
const TOKYO = 'ap-northeast-1';
const VIRGINIA = 'us-east-1';
const PROFILE = 'arn:aws:iam::111111111111:instance-profile/app';

const scope = (accountId: string, region: string | null, over: Partial<ScopeResult> = {}): ScopeResult => ({
  accountId,
  region,
  status: 'ok',
  nodes: 0,
  calls: 1,
  throttles: 0,
  gaps: [],
  ...over,
});

let store: Store;
let id: number;

beforeEach(() => {
  store = openStore({ path: ':memory:' });
  id = store.saveSnapshot(
    testSnapshot([testNode({ instanceId: 'i-managed', statuses: { 'node.online': 'pass' } })], {
      scopes: [
        scope(A, TOKYO, { nodes: 1, coverage: { ec2Instances: 5, hostManagement: 'off' } }),
        scope(A, VIRGINIA, { coverage: { ec2Instances: 1, hostManagement: 'on' } }),
        scope(B, TOKYO, { coverage: { ec2Instances: 1, hostManagement: 'unknown' } }),
        // Read nothing: DescribeInstances denied, a region that failed, an account never reached.
        scope(B, VIRGINIA),
        scope(B, 'eu-west-1', { status: 'failed' }),
        scope('333333333333', null, { status: 'failed' }),
      ],
      // Saved out of order: the list is sorted by account, region, instance id.
      unmanaged: [
        testUnmanaged({ accountId: B, instanceId: 'i-b1', name: 'Ｗｅｂ-Äpfel', route: 'yes' }),
        testUnmanaged({ instanceId: 'i-a4', route: 'no', rolePolicy: 'attached', instanceProfileArn: PROFILE, vpcId: 'vpc-0abc' }),
        testUnmanaged({ instanceId: 'i-a1', state: 'stopped', route: 'yes', platform: 'Windows' }),
        testUnmanaged({ instanceId: 'i-a3', route: 'yes', rolePolicy: 'missing', instanceProfileArn: PROFILE, subnetId: 'subnet-0XYZ' }),
        testUnmanaged({ instanceId: 'i-a2', route: 'indirect' }),
        testUnmanaged({ region: VIRGINIA, instanceId: 'i-v1', route: 'yes', rolePolicy: 'attached', instanceProfileArn: PROFILE }),
      ],
    }),
  );
});
afterEach(() => store.close());

const ids = (filters: Parameters<Store['unmanagedInstances']>[1]) => store.unmanagedInstances(id, filters).rows.map((r) => r.instanceId);

describe('unmanagedInstances', () => {
  it('lists every unmanaged instance by account, region and instance id, with causes derived from its scope’s host management', () => {
    const page = store.unmanagedInstances(id);
    expect(page.rows.map((r) => [r.accountId, r.region, r.instanceId, r.hostManagement, r.causes, r.unchecked])).toEqual([
      [A, TOKYO, 'i-a1', 'off', ['stopped', 'noProfile'], []],
      [A, TOKYO, 'i-a2', 'off', ['noProfile'], ['route']],
      [A, TOKYO, 'i-a3', 'off', ['roleWithoutPolicy'], []],
      [A, TOKYO, 'i-a4', 'off', ['noRoute'], []],
      [A, VIRGINIA, 'i-v1', 'on', ['notDetermined'], []],
      // Host management unknown: a missing profile may or may not be the cause.
      [B, TOKYO, 'i-b1', 'unknown', ['notDetermined'], ['hostManagement']],
    ]);
    expect(page.rows[0]).toEqual({
      accountId: A,
      region: TOKYO,
      instanceId: 'i-a1',
      state: 'stopped',
      platform: 'Windows',
      route: 'yes',
      rolePolicy: 'unknown',
      hostManagement: 'off',
      causes: ['stopped', 'noProfile'],
      unchecked: [],
    });
    expect(page.total).toBe(6);
    expect(page.byCause).toEqual({ stopped: 1, noProfile: 2, roleWithoutPolicy: 1, noRoute: 1, notDetermined: 2 });
    // Regional scopes only: the account never reached is no region whose instances could be read.
    expect([page.scopesRead, page.scopesNotRead]).toEqual([3, 2]);
  });

  it('filters by account, region, state and cause (any of them), and searches id, Name, platform, VPC and subnet case-insensitively', () => {
    expect(ids({ filters: { accountIds: [B] } })).toEqual(['i-b1']);
    expect(ids({ filters: { regions: [VIRGINIA] } })).toEqual(['i-v1']);
    expect(ids({ filters: { states: ['stopped', 'pending'] } })).toEqual(['i-a1']);
    expect(ids({ filters: { causes: ['noRoute', 'roleWithoutPolicy'] } })).toEqual(['i-a3', 'i-a4']);
    expect(ids({ filters: { causes: ['noProfile'], states: ['running'] } })).toEqual(['i-a2']);
    expect(ids({ filters: { search: 'ｗｅｂ-äPFEL' } })).toEqual(['i-b1']);
    expect(ids({ filters: { search: 'WINDOWS' } })).toEqual(['i-a1']);
    expect(ids({ filters: { search: 'VPC-0A' } })).toEqual(['i-a4']);
    expect(ids({ filters: { search: 'subnet-0xyz' } })).toEqual(['i-a3']);
    expect(ids({ filters: { search: 'I-V' } })).toEqual(['i-v1']);
    // SQL's wildcards are text here.
    expect(ids({ filters: { search: '%' } })).toEqual([]);
    expect(ids({ filters: { accountIds: [], regions: [], causes: [], states: [], search: '' } })).toHaveLength(6);
  });

  it('counts each cause over every filter but the causes, so the cause filter’s choices keep their counts', () => {
    const page = store.unmanagedInstances(id, { filters: { causes: ['stopped'], regions: [TOKYO] } });
    expect(page.rows.map((r) => r.instanceId)).toEqual(['i-a1']);
    expect(page.total).toBe(1);
    const counted: Record<UnmanagedCause, number> = { stopped: 1, noProfile: 2, roleWithoutPolicy: 1, noRoute: 1, notDetermined: 1 };
    expect(page.byCause).toEqual(counted);
  });

  it('pages with a total of every match', () => {
    const first = store.unmanagedInstances(id, { limit: 2 });
    const second = store.unmanagedInstances(id, { offset: 2, limit: 2 });
    const rest = store.unmanagedInstances(id, { offset: 4, limit: 10 });
    expect([first, second, rest].map((p) => p.total)).toEqual([6, 6, 6]);
    expect([...first.rows, ...second.rows, ...rest.rows].map((r) => r.instanceId)).toEqual(ids({}));
    expect(store.unmanagedInstances(id, { offset: 6 }).rows).toEqual([]);
  });

  it('answers an empty list for a snapshot saved without EC2 coverage, every scope not read', () => {
    const old = store.saveSnapshot(testSnapshot([], { scopes: [scope(A, TOKYO), scope(A, VIRGINIA, { status: 'failed' })] }));
    expect(store.unmanagedInstances(old)).toEqual({
      total: 0,
      rows: [],
      byCause: { stopped: 0, noProfile: 0, roleWithoutPolicy: 0, noRoute: 0, notDetermined: 0 },
      scopesRead: 0,
      scopesNotRead: 2,
    });
  });
});

describe('saving unmanaged instances', () => {
  const save = (
    unmanaged: PlacedUnmanagedInstance[],
    scopes: ScopeResult[] = [scope(A, TOKYO, { nodes: 1, coverage: { ec2Instances: 2, hostManagement: 'off' } })],
  ) => store.saveSnapshot(testSnapshot([testNode({ instanceId: 'i-node', statuses: { 'node.online': 'pass' } })], { scopes, unmanaged }));

  it.each([
    ['twice', [testUnmanaged({ instanceId: 'i-x' }), testUnmanaged({ instanceId: 'i-x' })], undefined, /i-x appears twice/],
    ['also a managed node', [testUnmanaged({ instanceId: 'i-node' })], undefined, /both a managed node and an unmanaged instance/],
    ['in a region not read', [testUnmanaged({ instanceId: 'i-x', region: VIRGINIA })], undefined, /whose EC2 instances were not read/],
    [
      'more than the scope counts',
      [testUnmanaged({ instanceId: 'i-x' }), testUnmanaged({ instanceId: 'i-y' })],
      [scope(A, TOKYO, { nodes: 1, coverage: { ec2Instances: 1, hostManagement: 'off' } })],
      /more unmanaged instances than the EC2 instances it counts/,
    ],
    [
      'with coverage on an account never reached',
      [],
      [scope(A, TOKYO, { nodes: 1 }), scope(B, null, { status: 'failed', coverage: { ec2Instances: 0, hostManagement: 'off' } })],
      /an account never reached read no instances/,
    ],
  ])('refuses an instance %s, naming it, and writes nothing', (_what, unmanaged, scopes, message) => {
    const before = store.listSnapshots().length;
    expect(() => save(unmanaged, scopes)).toThrow(InvalidSnapshotError);
    expect(() => save(unmanaged, scopes)).toThrow(message);
    expect(store.listSnapshots()).toHaveLength(before);
  });

  it('keeps the funnel’s counts per area: a region with unmanaged instances and no node has an area', () => {
    const saved = save(
      [testUnmanaged({ instanceId: 'i-x' }), testUnmanaged({ instanceId: 'i-v', region: VIRGINIA })],
      [
        scope(A, TOKYO, { nodes: 1, coverage: { ec2Instances: 2, hostManagement: 'off' } }),
        scope(A, VIRGINIA, { coverage: { ec2Instances: 1, hostManagement: 'off' } }),
      ],
    );
    expect(store.scopeSummary(saved).map((r) => [r.region, r.ec2Instances, r.unmanaged, r.nodes])).toEqual([
      [TOKYO, 2, 1, 1],
      [VIRGINIA, 1, 1, 0],
    ]);
  });
});
