import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotInput } from '../../../shared/model';
import { isReady } from '../../../shared/readiness';
import { makeSnapshot, testNode, testSnapshot } from '../../../test/fixtures/makeSnapshot';
import { openStore } from './openStore';
import type { Store } from './openStore';
import { reevaluate } from './reevaluate';

const A = '111111111111';
const B = '222222222222';
let store: Store;
let first: number;
let second: number;

beforeEach(() => {
  store = openStore({ path: ':memory:' });
  first = store.saveSnapshot(
    testSnapshot(
      [
        testNode({
          instanceId: 'i-1',
          statuses: { 'patch.scanned': 'pass', 'patch.compliant': 'fail', 'node.online': 'pass' },
          missingCritical: 3,
          missingSecurity: 1,
        }),
        testNode({
          instanceId: 'i-2',
          accountId: B,
          region: 'us-east-1',
          statuses: { 'patch.scanned': 'pass', 'patch.compliant': 'pass', 'node.online': 'pass' },
        }),
      ],
      { startedAt: '2026-01-01T00:00:00.000Z' },
    ),
  );
  second = store.saveSnapshot(
    testSnapshot(
      [
        testNode({ instanceId: 'i-1', statuses: { 'patch.scanned': 'pass', 'patch.compliant': 'pass', 'node.online': 'pass' } }),
        testNode({
          instanceId: 'i-2',
          accountId: B,
          region: 'us-east-1',
          statuses: { 'patch.scanned': 'pass', 'patch.compliant': 'warn', 'node.online': 'fail' },
          missingSecurity: 4,
        }),
        testNode({
          instanceId: 'i-3',
          accountId: B,
          region: 'us-east-1',
          statuses: { 'patch.scanned': 'pass', 'patch.compliant': 'pass' },
        }),
      ],
      { startedAt: '2026-01-08T00:00:00.000Z' },
    ),
  );
});
afterEach(() => store.close());

describe('trends', () => {
  it('gives one point per snapshot in time order with nodes, compliance, missing patches and rule counts', () => {
    const points = store.trends();
    expect(points.map((p) => [p.snapshotId, p.nodes, p.compliant, p.nonCompliant, p.missingCritical, p.missingSecurity, p.online])).toEqual(
      [
        [first, 2, 1, 1, 3, 1, 2],
        [second, 3, 2, 1, 0, 4, 1],
      ],
    );
    expect(points[1]?.compliancePct).toBeCloseTo((2 / 3) * 100);
    expect(points[1]?.rules['patch.compliant']).toEqual({ pass: 2, fail: 0, warn: 1, unknown: 0, not_applicable: 0 });
  });

  // Issue 27: a trend marks a partial audit, so its points carry what it lacked.
  it('gives each point its snapshot status and how many scopes it planned and failed, in every grouping', () => {
    const scope = (accountId: string, region: string, status: 'ok' | 'failed') => ({
      accountId,
      region,
      status,
      nodes: 0,
      calls: 1,
      throttles: 0,
      gaps: [],
    });
    const partial = store.saveSnapshot(
      testSnapshot([testNode({ instanceId: 'i-1', statuses: { 'node.online': 'pass' } })], {
        startedAt: '2026-01-15T00:00:00.000Z',
        status: 'partial',
        scopes: [scope(A, 'ap-northeast-1', 'ok'), scope(B, 'us-east-1', 'failed'), scope(B, 'eu-west-1', 'failed')],
      }),
    );
    const marks = (groupBy: 'total' | 'account') =>
      store.trends({ groupBy }).map((p) => [p.snapshotId, p.accountId ?? null, p.status, p.scopeCount, p.failedScopes]);
    expect(marks('total')).toEqual([
      [first, null, 'complete', 0, 0],
      [second, null, 'complete', 0, 0],
      [partial, null, 'partial', 3, 2],
    ]);
    expect(marks('account').filter(([id]) => id === partial)).toEqual([[partial, A, 'partial', 3, 2]]);
  });

  it('groups by account and filters by account, region, rule and time', () => {
    const byAccount = store.trends({ groupBy: 'account' });
    expect(byAccount.map((p) => [p.snapshotId, p.accountId, p.nodes])).toEqual([
      [first, A, 1],
      [first, B, 1],
      [second, A, 1],
      [second, B, 2],
    ]);
    const onlyB = store.trends({ regions: ['us-east-1'], rules: ['node.online'], from: '2026-01-05T00:00:00.000Z' });
    expect(onlyB).toHaveLength(1);
    expect(onlyB[0]).toMatchObject({ snapshotId: second, nodes: 2, compliant: 1 });
    expect(Object.keys(onlyB[0]!.rules)).toEqual(['node.online']);
    // Account A has one area (its one node, i-1), in both snapshots.
    expect(store.trends({ accountIds: [A], groupBy: 'area' }).map((p) => [p.snapshotId, p.accountId, p.region, p.nodes])).toEqual([
      [first, A, 'ap-northeast-1', 1],
      [second, A, 'ap-northeast-1', 1],
    ]);
  });

  it('counts the ready nodes of each snapshot and area: those with no failed prerequisite', () => {
    const inputs = [
      makeSnapshot({ nodes: 150, startedAt: '2026-03-01T00:00:00.000Z' }),
      makeSnapshot({ nodes: 90, seed: 4, startedAt: '2026-03-08T00:00:00.000Z' }),
    ];
    const ids = inputs.map((input) => store.saveSnapshot(input));
    const readyOf = (input: SnapshotInput, keep: (n: SnapshotInput['nodes'][number]) => boolean): number =>
      input.nodes.filter((n) => keep(n) && isReady(n.checks)).length;

    const totals = store.trends({ from: '2026-03-01T00:00:00.000Z' });
    expect(totals.map((p) => [p.snapshotId, p.ready])).toEqual(inputs.map((input, i) => [ids[i], readyOf(input, () => true)]));
    // The fixture has both kinds, or the count would say nothing.
    for (const p of totals) {
      expect(p.ready).toBeGreaterThan(0);
      expect(p.ready).toBeLessThan(p.nodes);
    }

    for (const p of store.trends({ from: '2026-03-01T00:00:00.000Z', groupBy: 'area' })) {
      const input = inputs[ids.indexOf(p.snapshotId)]!;
      expect(p.ready, `${p.snapshotId} ${p.accountId} ${p.region}`).toBe(
        readyOf(input, (n) => n.facts.accountId === p.accountId && n.facts.region === p.region),
      );
    }
  });

  it('leaves re-evaluated snapshots out unless asked', () => {
    const derived = reevaluate(store, first, { catalogEdition: 'aws-2025', scanAgeDays: 7 }, () => []);
    expect(store.trends().map((p) => p.snapshotId)).toEqual([first, second]);
    expect(store.trends({ includeDerived: true }).map((p) => p.snapshotId)).toContain(derived);
  });
});

describe('open CVEs over time (issue 19)', () => {
  const patch = (kbId: string, severity: string, state: 'Missing' | 'Failed' | 'InstalledPendingReboot', cveIds: string[]) => ({
    title: kbId,
    kbId,
    severity,
    state,
    cveIds,
  });

  it('counts distinct CVE ids of missing and failed patches over any grouping, and says unknown where no detail was read', () => {
    const s = openStore({ path: ':memory:' });
    try {
      const withDetail = testSnapshot(
        [
          testNode({ instanceId: 'i-1' }),
          testNode({ instanceId: 'i-2', region: 'eu-west-1' }),
          testNode({ instanceId: 'i-3', accountId: B }),
        ],
        { startedAt: '2026-02-01T00:00:00.000Z' },
      );
      const patches = [
        [
          patch('KB1', 'Critical', 'Missing', ['CVE-2024-0001', 'CVE-2024-0002']),
          patch('k.x86_64', 'Low', 'InstalledPendingReboot', ['CVE-2024-0009']),
        ],
        [patch('KB1', 'Critical', 'Missing', ['CVE-2024-0001', 'CVE-2024-0002']), patch('KB2', 'Important', 'Failed', ['CVE-2024-0003'])],
        [],
      ];
      withDetail.nodes.forEach((node, i) =>
        Object.assign(node.facts, { patches: patches[i], sources: { ...node.facts.sources, patches: 'ok' } }),
      );
      const id = s.saveSnapshot(withDetail);
      const before = s.saveSnapshot(testSnapshot([testNode({ instanceId: 'i-1' })], { startedAt: '2026-01-01T00:00:00.000Z' }));

      const total = s.trends();
      expect(total.map((p) => [p.snapshotId, p.patchDetailRead, p.openCves, p.openCriticalCves])).toEqual([
        [before, 0, null, null],
        [id, 3, 3, 2],
      ]);
      const byAccount = s.trends({ groupBy: 'account', from: '2026-02-01' });
      expect(byAccount.map((p) => [p.accountId, p.openCves, p.openCriticalCves])).toEqual([
        [A, 3, 2],
        [B, 0, 0],
      ]);
      const byArea = s.trends({ groupBy: 'area', from: '2026-02-01' });
      expect(byArea.map((p) => [p.accountId, p.region, p.openCves])).toEqual([
        [A, 'ap-northeast-1', 2],
        [A, 'eu-west-1', 3],
        [B, 'ap-northeast-1', 0],
      ]);
      s.deleteSnapshot(id);
      expect(s.trends().map((p) => p.snapshotId)).toEqual([before]);
    } finally {
      s.close();
    }
  });
});

describe('trends of EC2 coverage (issue 30)', () => {
  it('count EC2 instances and unmanaged ones where they were read, unknown (null) where no area was, and nodes scanned recently', () => {
    const s = openStore({ path: ':memory:' });
    try {
      const old = s.saveSnapshot(makeSnapshot({ nodes: 12, startedAt: '2026-03-01T00:00:00.000Z' }));
      const covered = makeSnapshot({
        nodes: 12,
        startedAt: '2026-03-08T00:00:00.000Z',
        unmanaged: { perScope: 3, notReadRegions: ['us-east-1'] },
      });
      const id = s.saveSnapshot(covered);
      const scanned = (input: SnapshotInput, accountId?: string) =>
        input.nodes.filter(
          (n) =>
            (accountId === undefined || n.facts.accountId === accountId) &&
            n.checks.some((c) => c.rule === 'patch.scan-age' && c.status === 'pass'),
        ).length;
      const readNodes = covered.nodes.filter((n) => n.facts.region === 'ap-northeast-1').length;
      expect(scanned(covered, A)).toBeGreaterThan(0);

      const points = s.trends({ from: '2026-03-01' });
      expect(points.map((p) => [p.snapshotId, p.ec2Instances, p.unmanaged, p.scannedRecently])).toEqual([
        [old, null, null, scanned(makeSnapshot({ nodes: 12, startedAt: '2026-03-01T00:00:00.000Z' }))],
        [id, readNodes + 3 * 3, 3 * 3, scanned(covered)],
      ]);
      const byRegion = s.trends({ groupBy: 'region', from: '2026-03-08' });
      expect(byRegion.map((p) => [p.region, p.ec2Instances, p.unmanaged])).toEqual([
        ['ap-northeast-1', readNodes + 9, 9],
        ['us-east-1', null, null],
      ]);
      const byAccount = s.trends({ groupBy: 'account', from: '2026-03-08', accountIds: [A] });
      expect(byAccount.map((p) => [p.accountId, p.unmanaged, p.scannedRecently])).toEqual([[A, 3, scanned(covered, A)]]);
    } finally {
      s.close();
    }
  });

  it('draw no series for a region read empty: no node and no EC2 instance', () => {
    const s = openStore({ path: ':memory:' });
    try {
      const input = makeSnapshot({ nodes: 6, startedAt: '2026-03-08T00:00:00.000Z', regions: ['us-east-1'] });
      const id = s.saveSnapshot({
        ...input,
        scopes: [
          ...input.scopes,
          {
            accountId: A,
            region: 'sa-east-1',
            status: 'ok',
            nodes: 0,
            calls: 2,
            throttles: 0,
            gaps: [],
            coverage: { ec2Instances: 0, hostManagement: 'off' },
          },
        ],
      });
      expect(s.trends({ groupBy: 'region', from: '2026-03-08' }).map((p) => p.region)).toEqual(['us-east-1']);
      // Read, it still counts: an organization without any EC2 instance has 0 of them, not an unknown number.
      expect(s.figureInput(id).areas.some((a) => a.ec2Read === 1)).toBe(true);
    } finally {
      s.close();
    }
  });
});
