import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { testNode, testSnapshot, testUnmanaged } from '../../../test/fixtures/makeSnapshot';
import { openStore } from './openStore';
import type { Store } from './openStore';

const A = '111111111111';
const B = '222222222222';
let store: Store;
let id: number;

beforeEach(() => {
  store = openStore({ path: ':memory:' });
  id = store.saveSnapshot(
    testSnapshot(
      [
        testNode({
          instanceId: 'i-0aaa',
          name: 'Web-1',
          ipAddress: '10.0.0.9',
          agentVersion: '3.3.40.0',
          statuses: {
            'patch.scanned': 'pass',
            'patch.scan-age': 'pass',
            'agent.version': 'pass',
            'patch.compliant': 'fail',
            'node.online': 'pass',
          },
          missingCritical: 2,
          missingSecurity: 3,
        }),
        testNode({
          instanceId: 'i-0bbb',
          name: 'db_100%',
          ipAddress: '10.0.0.10',
          agentVersion: '2.0.1000.0',
          family: 'ubuntu',
          version: '22.04',
          statuses: { 'patch.scanned': 'pass', 'agent.version': 'warn', 'patch.compliant': 'pass', 'node.online': 'pass' },
        }),
        testNode({
          instanceId: 'i-0ccc',
          ipAddress: '10.0.0.11',
          agentVersion: '2.0.834.0',
          family: 'ubuntu',
          version: '20.04',
          statuses: { 'agent.version': 'fail', 'patch.compliant': 'unknown', 'node.online': 'fail' },
        }),
        testNode({
          instanceId: 'mi-0ddd',
          accountId: B,
          region: 'us-east-1',
          name: 'onprem',
          agentVersion: '3.2.0.0',
          family: 'windows-server',
          statuses: { 'patch.scanned': 'pass', 'agent.version': 'pass', 'patch.compliant': 'pass', 'network.s3': 'unknown' },
          missingCritical: 1,
        }),
      ],
      {
        label: 'Q1',
        scopes: [
          {
            accountId: A,
            region: 'ap-northeast-1',
            status: 'ok',
            nodes: 3,
            calls: 9,
            throttles: 1,
            gaps: ['ssm:GetInventory'],
            coverage: { ec2Instances: 5, hostManagement: 'off' },
          },
          { accountId: B, region: 'eu-west-1', status: 'failed', error: 'region not enabled', nodes: 0, calls: 1, throttles: 0, gaps: [] },
        ],
        unmanaged: [testUnmanaged({ instanceId: 'i-0u1', state: 'stopped' }), testUnmanaged({ instanceId: 'i-0u2' })],
      },
    ),
  );
});
afterEach(() => store.close());

const ids = (rows: ReadonlyArray<{ instanceId: string }>): string[] => rows.map((r) => r.instanceId);

describe('listSnapshots / getSnapshot', () => {
  it('lists newest first and returns one snapshot with its scopes', () => {
    const later = store.saveSnapshot(testSnapshot([], { startedAt: '2026-03-01T00:00:00.000Z', finishedAt: '2026-03-01T00:01:00.000Z' }));
    expect(store.listSnapshots().map((s) => s.id)).toEqual([later, id]);
    const snap = store.getSnapshot(id);
    expect(snap).toMatchObject({ id, label: 'Q1', nodeCount: 4, catalogEdition: 'seed-2022', scopeCount: 2, failedScopes: 1 });
    // Issue 27: every list says how many scopes a snapshot lacks.
    expect(store.listSnapshots().map((s) => [s.id, s.scopeCount, s.failedScopes])).toEqual([
      [later, 0, 0],
      [id, 2, 1],
    ]);
    // Issue 30: a scope's EC2 coverage reads back as saved.
    expect(snap?.scopes[0]?.coverage).toEqual({ ec2Instances: 5, hostManagement: 'off' });
    expect(snap?.scopes[1]).toEqual({
      accountId: B,
      region: 'eu-west-1',
      status: 'failed',
      error: 'region not enabled',
      nodes: 0,
      calls: 1,
      throttles: 0,
      gaps: [],
    });
    expect(store.getSnapshot(999)).toBeUndefined();
    expect(store.missingSnapshots([id, 999, later, 998])).toEqual([999, 998]);
    expect(store.missingSnapshots([])).toEqual([]);
  });
});

describe('queryNodes', () => {
  it('filters by account, region and platform family', () => {
    expect(ids(store.queryNodes(id, { accountIds: [B] }).rows)).toEqual(['mi-0ddd']);
    expect(ids(store.queryNodes(id, { regions: ['ap-northeast-1'] }).rows)).toEqual(['i-0aaa', 'i-0bbb', 'i-0ccc']);
    expect(ids(store.queryNodes(id, { families: ['ubuntu', 'windows-server'] }).rows)).toEqual(['i-0bbb', 'i-0ccc', 'mi-0ddd']);
  });

  it('filters by the status of one rule, or by any rule in a status', () => {
    expect(ids(store.queryNodes(id, { rule: 'agent.version', statuses: ['fail', 'warn'] }).rows)).toEqual(['i-0bbb', 'i-0ccc']);
    expect(ids(store.queryNodes(id, { statuses: ['unknown'] }).rows)).toEqual(['i-0ccc', 'mi-0ddd']);
  });

  it('searches instance id, name and IP case-insensitively, taking % and _ literally', () => {
    expect(ids(store.queryNodes(id, { search: 'web' }).rows)).toEqual(['i-0aaa']);
    expect(ids(store.queryNodes(id, { search: 'I-0C' }).rows)).toEqual(['i-0ccc']);
    expect(ids(store.queryNodes(id, { search: '0.0.10' }).rows)).toEqual(['i-0bbb']);
    expect(ids(store.queryNodes(id, { search: '100%' }).rows)).toEqual(['i-0bbb']);
    expect(store.queryNodes(id, { search: '%' }).total).toBe(1);
    expect(store.queryNodes(id, { search: "' OR 1=1 --" }).total).toBe(0);
  });

  it('sorts versions and IPs numerically, blanks last, rules by severity', () => {
    expect(ids(store.queryNodes(id, { sort: { key: 'agentVersion', dir: 'asc' } }).rows)).toEqual([
      'i-0ccc',
      'i-0bbb',
      'mi-0ddd',
      'i-0aaa',
    ]);
    expect(ids(store.queryNodes(id, { sort: { key: 'ipAddress', dir: 'desc' } }).rows)).toEqual(['i-0ccc', 'i-0bbb', 'i-0aaa', 'mi-0ddd']);
    expect(ids(store.queryNodes(id, { sort: { key: 'name', dir: 'asc' } }).rows)).toEqual(['i-0bbb', 'mi-0ddd', 'i-0aaa', 'i-0ccc']);
    expect(ids(store.queryNodes(id, { sort: { key: 'agent.version', dir: 'asc' } }).rows)).toEqual([
      'i-0ccc',
      'i-0bbb',
      'i-0aaa',
      'mi-0ddd',
    ]);
    expect(ids(store.queryNodes(id, { sort: { key: 'failures', dir: 'desc' } }).rows)[0]).toBe('i-0ccc');
    expect(ids(store.queryNodes(id, { sort: { key: 'platform', dir: 'asc' } }).rows)).toEqual(['i-0aaa', 'i-0ccc', 'i-0bbb', 'mi-0ddd']);
  });

  it('pages with a total of all matches', () => {
    const page = store.queryNodes(id, { sort: { key: 'instanceId', dir: 'asc' }, offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(ids(page.rows)).toEqual(['i-0bbb', 'i-0ccc']);
  });

  it('returns identity, platform, agent and per-rule statuses in a row', () => {
    const [row] = store.queryNodes(id, { search: 'i-0bbb' }).rows;
    expect(row).toEqual({
      accountId: A,
      region: 'ap-northeast-1',
      instanceId: 'i-0bbb',
      name: 'db_100%',
      ipAddress: '10.0.0.10',
      pingStatus: 'Online',
      agentVersion: '2.0.1000.0',
      platform: { type: 'Linux', family: 'ubuntu', version: '22.04' },
      statuses: { 'patch.scanned': 'pass', 'agent.version': 'warn', 'patch.compliant': 'pass', 'node.online': 'pass' },
      failures: 0,
      missingCritical: 0,
      missingSecurity: 0,
    });
  });
});

describe('ruleSummary', () => {
  it('counts statuses per rule from the summary rows, and from nodes for other filters', () => {
    const all = store.ruleSummary(id);
    expect(all.find((r) => r.rule === 'agent.version')).toEqual({
      rule: 'agent.version',
      pass: 2,
      fail: 1,
      warn: 1,
      unknown: 0,
      not_applicable: 0,
    });
    expect(all).toHaveLength(12);
    const a = store.ruleSummary(id, { accountIds: [A] }).find((r) => r.rule === 'agent.version');
    expect(a).toMatchObject({ pass: 1, fail: 1, warn: 1 });
    const ubuntu = store.ruleSummary(id, { families: ['ubuntu'] }).find((r) => r.rule === 'patch.compliant');
    expect(ubuntu).toEqual({ rule: 'patch.compliant', pass: 1, fail: 0, warn: 0, unknown: 1, not_applicable: 0 });
    const families = ['amazon-linux-2023', 'ubuntu', 'windows-server'];
    expect(store.ruleSummary(id, { families })).toEqual(all);
  });
});

describe('scopeSummary', () => {
  it('joins scopes with their node counts, keeping failed scopes and nodes without a scope', () => {
    expect(store.scopeSummary(id)).toEqual([
      {
        accountId: A,
        region: 'ap-northeast-1',
        scope: { status: 'ok', calls: 9, throttles: 1, gaps: ['ssm:GetInventory'], coverage: { ec2Instances: 5, hostManagement: 'off' } },
        ec2Instances: 5,
        unmanaged: 2,
        nodes: 3,
        online: 2,
        scannedRecently: 1,
        compliant: 1,
        nonCompliant: 1,
        patchRead: 3,
        patchReported: 2,
        compliancePct: (1 / 2) * 100,
        missingCritical: 2,
        missingSecurity: 3,
      },
      {
        accountId: B,
        region: 'eu-west-1',
        scope: { status: 'failed', error: 'region not enabled', calls: 1, throttles: 0, gaps: [] },
        ec2Instances: null,
        unmanaged: null,
        nodes: 0,
        online: 0,
        scannedRecently: 0,
        compliant: 0,
        nonCompliant: 0,
        patchRead: 0,
        patchReported: 0,
        compliancePct: null,
        missingCritical: null,
        missingSecurity: null,
      },
      {
        accountId: B,
        region: 'us-east-1',
        scope: null,
        ec2Instances: null,
        unmanaged: null,
        nodes: 1,
        online: 0,
        scannedRecently: 0,
        compliant: 1,
        nonCompliant: 0,
        patchRead: 1,
        patchReported: 1,
        compliancePct: 100,
        missingCritical: 1,
        missingSecurity: 0,
      },
    ]);
  });
});

describe('nodeDetail', () => {
  it('returns facts, checks and the node history across snapshots', () => {
    const next = store.saveSnapshot(
      testSnapshot([testNode({ instanceId: 'i-0aaa', name: 'Web-1', statuses: { 'agent.version': 'pass', 'patch.compliant': 'pass' } })], {
        startedAt: '2026-02-08T00:00:00.000Z',
      }),
    );
    const d = store.nodeDetail(id, 'i-0aaa', A, 'ap-northeast-1');
    expect(d?.facts).toMatchObject({
      instanceId: 'i-0aaa',
      name: 'Web-1',
      ipAddress: '10.0.0.9',
      patchState: { criticalNonCompliantCount: 2 },
    });
    expect(d?.checks.map((c) => [c.rule, c.status])).toEqual([
      ['agent.version', 'pass'],
      ['node.online', 'pass'],
      ['patch.scanned', 'pass'],
      ['patch.scan-age', 'pass'],
      ['patch.compliant', 'fail'],
    ]);
    expect(d?.checks[0]?.evidence).toEqual({ rule: 'agent.version' });
    expect(d?.history.map((h) => [h.snapshotId, h.statuses['patch.compliant']])).toEqual([
      [id, 'fail'],
      [next, 'pass'],
    ]);
    expect(store.nodeDetail(id, 'i-0aaa', B, 'ap-northeast-1')).toBeUndefined();
  });

  it('gives the AWS error behind each source the node could not read, the patch detail included', () => {
    const node = testNode({ instanceId: 'i-0bbb' });
    node.facts.sources = { ...node.facts.sources, inventory: 'denied', patches: 'denied' };
    const denied = { errorCode: 'access_denied' as const, errorParams: { action: 'ssm:DescribeInstancePatches' } };
    const snap = store.saveSnapshot(
      testSnapshot([node], {
        scopes: [
          {
            accountId: A,
            region: 'ap-northeast-1',
            status: 'ok',
            nodes: 1,
            calls: 3,
            throttles: 0,
            gaps: ['ssm:DescribeInstancePatches'],
            gapErrors: { 'ssm:DescribeInstancePatches': denied },
          },
        ],
      }),
    );
    // Only the source with a recorded gap has a reason; inventory's status alone names none.
    expect(store.nodeDetail(snap, 'i-0bbb', A, 'ap-northeast-1')?.sourceErrors).toEqual({ patches: denied });
  });
});

describe('patch figures where the patch state could not be read', () => {
  it('are over the nodes that were read, and unknown (null) where none was, never 0 %', () => {
    const unread = { 'patch.scanned': 'unknown', 'patch.compliant': 'unknown' } as const;
    const snap = store.saveSnapshot(
      testSnapshot([
        testNode({ instanceId: 'i-1', statuses: { 'patch.scanned': 'pass', 'patch.compliant': 'pass' } }),
        // Read, and the node never reported a state: a finding, outside compliance's population (issue 27).
        testNode({ instanceId: 'i-2', statuses: { 'patch.scanned': 'fail', 'patch.compliant': 'unknown' } }),
        testNode({ instanceId: 'i-3', statuses: unread }),
        testNode({ instanceId: 'i-4', accountId: B, region: 'us-east-1', statuses: unread }),
      ]),
    );
    const [a, b] = store.scopeSummary(snap);
    expect(a).toMatchObject({ nodes: 3, patchRead: 2, patchReported: 1, compliant: 1, compliancePct: 100, missingCritical: 0 });
    expect(b).toMatchObject({ nodes: 1, patchRead: 0, compliancePct: null, missingCritical: null, missingSecurity: null });
    const [point] = store.trends().filter((p) => p.snapshotId === snap);
    expect(point).toMatchObject({ nodes: 4, patchRead: 2, patchReported: 1, compliancePct: 100 });
  });
});
