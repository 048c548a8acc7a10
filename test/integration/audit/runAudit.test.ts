import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import type { NodeFacts } from '../../../shared/model';
import { audit, fleetNodes, SHIPPED_POLICY, tempStore } from './auditHarness';

const REGIONS = ['us-east-1', 'eu-west-1'];

describe('audit against the simulator', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'audit-test', accounts: 3, regions: REGIONS, nodesPerRegion: 120 } });
  });
  afterAll(async () => sim?.close());

  it('audits its own account in every region with every node evaluated against every rule', async () => {
    const { outcome, store, progress } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    expect(outcome.status).toBe('complete');
    expect(outcome.scopes.map((s) => [s.accountId, s.region, s.status])).toEqual(
      REGIONS.map((r) => [sim.credentials[0]!.accountId, r, 'ok']),
    );
    const expected = REGIONS.reduce((n, r) => n + fleetNodes(sim, 0, r), 0);
    expect(outcome.nodes).toBe(expected);
    expect(Object.values(outcome.checks).reduce((a, b) => a + b, 0)).toBe(expected * 12);
    expect(store.getSnapshot(outcome.snapshotId!)).toMatchObject({ status: 'complete', nodeCount: expected });
    // Whether patching is set up at all is kept per scope (baselines, patch groups, schedules).
    for (const scope of store.getSnapshot(outcome.snapshotId!)!.scopes) {
      expect(scope.patching).toEqual(outcome.scopes.find((s) => s.region === scope.region)!.patching);
      expect(scope.patching?.baselines).toBeGreaterThan(0);
    }

    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['resolving', 'collecting', 'evaluating', 'saving', 'done']);
    const collecting = progress.filter((p) => p.phase === 'collecting').map((p) => p.nodes);
    expect(collecting.some((n) => n > 0 && n < expected)).toBe(true);
    expect(progress.at(-1)).toMatchObject({
      scopeCounts: { total: 2, collected: 2, failed: 0, cancelled: 0, accountLevel: 0 },
      nodes: expected,
      accountsTotal: 1,
      accountsResolved: 1,
    });
    expect(outcome.scopeCounts).toEqual({ total: 2, collected: 2, failed: 0, cancelled: 0, accountLevel: 0 });
    // The calls shown after collection are the audit's calls, each counted once.
    const calls = Object.values(outcome.calls).reduce((a, b) => a + b, 0);
    for (const phase of ['evaluating', 'saving', 'done'])
      expect(progress.filter((p) => p.phase === phase).map((p) => p.calls)).toEqual([calls]);
    // Scopes appear as their account is reached: the total never shrinks, and is whole once every account is.
    const totals = progress.map((p) => p.scopeCounts.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(
      progress.filter((p) => p.accountsResolved === p.accountsTotal && p.accountsTotal > 0).every((p) => p.scopeCounts.total === 2),
    ).toBe(true);
  });

  it('shows the last scope to end before a long wait, though progress events are spaced out', async () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];
    const held = { accountId: sim.credentials[0]!.accountId, region: 'eu-west-1' };
    // That region answers nothing (each call held, dropped and retried) until the test sees the other three done.
    sim.setFaults([{ match: held, timeout: { holdMs: 1_000 } }]);
    let sawOthersDone = false;
    try {
      await audit(
        sim,
        { regions, targets: { kind: 'self' }, concurrency: 4 },
        {
          progressIntervalMs: 500,
          onProgress: (p) => {
            const waiting = p.scopes.filter((s) => s.state === 'running' || s.state === 'pending');
            if (p.scopeCounts.total === 4 && waiting.length === 1 && waiting[0]!.region === held.region) {
              sawOthersDone = true;
              sim.setFaults([]);
            }
          },
        },
      );
    } finally {
      sim.setFaults([]);
    }
    expect(sawOthersDone).toBe(true);
  });

  it('makes about 3·⌈N/50⌉ + M SSM calls per region, M the nodes with missing, failed or pending-reboot patches', async () => {
    sim.resetCounters();
    const { outcome, store } = await audit(sim, { regions: ['us-east-1'], targets: { kind: 'self' } });
    const n = fleetNodes(sim, 0, 'us-east-1');
    // Issue 19: the detail is read for those nodes only, one call per node and page of 100.
    const open = (p: NonNullable<NodeFacts['patchState']>) =>
      (p.missingCount ?? 0) + (p.failedCount ?? 0) + (p.installedPendingRebootCount ?? 0);
    const nodes = store.loadSnapshotInput(outcome.snapshotId!).input.nodes.map((node) => node.facts);
    const needDetail = nodes.filter((facts) => facts.patchState && open(facts.patchState) > 0);
    expect(needDetail.length).toBeGreaterThan(0);
    expect(needDetail.length).toBeLessThan(n);
    expect(outcome.calls['SSM.DescribeInstancePatches']).toBe(
      needDetail.reduce((calls, facts) => calls + Math.max(1, Math.ceil(open(facts.patchState!) / 100)), 0),
    );
    for (const facts of nodes) {
      expect(facts.sources.patches).toBe(facts.patchState ? 'ok' : 'not_collected');
      if (facts.patchState) expect(facts.patches).toHaveLength(open(facts.patchState));
    }
    const withCves = needDetail.flatMap((facts) => facts.patches!).filter((patch) => patch.state === 'Missing');
    expect(withCves.every((patch) => patch.cveIds.every((id) => /^CVE-\d{4}-\d+$/.test(id)) && patch.cveIds.length > 0)).toBe(true);
    const bound = 3 * Math.ceil(n / 50) + (outcome.calls['SSM.DescribeInstancePatches'] ?? 0);
    const ssmCalls = Object.entries(outcome.calls)
      .filter(([action]) => action.startsWith('SSM.'))
      .reduce((sum, [, count]) => sum + count, 0);
    // The constant: baselines, patch groups, associations, windows and their tasks.
    const windows = sim.fleet().accounts[0]!.regions['us-east-1']!.maintenanceWindows.length;
    expect(ssmCalls).toBeLessThanOrEqual(bound + 4 + windows);
    expect(outcome.calls['SSM.DescribeInstanceInformation']).toBe(Math.ceil(n / 50));
    expect(outcome.calls['SSM.DescribeInstancePatchStates']).toBe(Math.ceil(n / 50));
    expect(outcome.calls['SSM.GetInventory']).toBeLessThanOrEqual(Math.ceil(n / 50));
    expect(outcome.calls['EC2.DescribeInstances']).toBe(1);
  });

  // Issue 20: most regions of an organization hold no node; such a scope asks nothing beyond the node list.
  // Issue 30: and its one DescribeInstances, since a region whose EC2 instances are all unmanaged is a finding.
  it('costs an empty region its one DescribeInstanceInformation and one DescribeInstances call', async () => {
    const region = 'eu-west-1';
    const { nodes: before, otherInstances } = sim.fleet().accounts[0]!.regions[region]!;
    sim.mutate((fleet) => void Object.assign(fleet.accounts[0]!.regions[region]!, { nodes: [], otherInstances: [] }));
    try {
      const { outcome } = await audit(sim, { regions: [region], targets: { kind: 'self' } });
      expect(outcome.scopes).toMatchObject([{ region, status: 'ok', nodes: 0, calls: 2, gaps: [], coverage: { ec2Instances: 0 } }]);
    } finally {
      sim.mutate((fleet) => void Object.assign(fleet.accounts[0]!.regions[region]!, { nodes: before, otherInstances }));
    }
    expect(fleetNodes(sim, 0, region)).toBe(before.length);
  });

  it('audits other accounts through AssumeRole with the external id', async () => {
    const accounts = sim.credentials.slice(1).map((c) => c.accountId);
    const { outcome } = await audit(sim, {
      regions: ['us-east-1'],
      targets: { kind: 'accounts', accountIds: accounts, roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' },
    });
    expect(outcome.status).toBe('complete');
    expect(outcome.scopes.map((s) => s.accountId)).toEqual(accounts);
    expect(outcome.nodes).toBe(fleetNodes(sim, 1, 'us-east-1') + fleetNodes(sim, 2, 'us-east-1'));
  });

  // Issue 20: with every enabled region, an organization has thousands of scopes; each must not cost its own AssumeRole.
  it('assumes each account’s role once, whatever number of regions its scopes read', async () => {
    const accounts = sim.credentials.slice(1).map((c) => c.accountId);
    sim.resetCounters();
    const { outcome } = await audit(sim, {
      regions: REGIONS,
      targets: { kind: 'accounts', accountIds: accounts, roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' },
    });
    expect(outcome.scopes.map((s) => [s.accountId, s.region, s.status])).toEqual(
      accounts.flatMap((id) => REGIONS.map((region) => [id, region, 'ok'])),
    );
    expect(sim.counters().calls['STS.AssumeRole']).toBe(accounts.length);
    // The snapshot's call counts are AWS's: the provider's own STS calls are among them.
    expect(outcome.calls['STS.AssumeRole']).toBe(accounts.length);
    expect(Object.values(outcome.calls).reduce((a, b) => a + b, 0)).toBe(Object.values(sim.counters().calls).reduce((a, b) => a + b, 0));
  });

  it('records an account whose role cannot be assumed as failed and audits the rest (partial)', async () => {
    const member = sim.credentials[1]!.accountId;
    const { outcome, store } = await audit(sim, {
      regions: ['us-east-1'],
      targets: {
        kind: 'accounts',
        accountIds: [member, '999999999999'],
        roleName: 'PatchAuditRole',
        externalId: 'patch-audit-external-id',
      },
    });
    expect(outcome.status).toBe('partial');
    const failed = outcome.scopes.find((s) => s.accountId === '999999999999')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('arn:aws:iam::999999999999:role/PatchAuditRole');
    expect(outcome.scopes.find((s) => s.accountId === member)).toMatchObject({ status: 'ok', nodes: fleetNodes(sim, 1, 'us-east-1') });
    expect(store.getSnapshot(outcome.snapshotId!)?.status).toBe('partial');
  });

  it('fails with a clear message and saves nothing when no account can be reached', async () => {
    const store = tempStore();
    await expect(
      audit(
        sim,
        {
          regions: ['us-east-1'],
          targets: {
            kind: 'accounts',
            accountIds: [sim.credentials[1]!.accountId],
            roleName: 'PatchAuditRole',
            externalId: 'wrong-external-id',
          },
        },
        { store },
      ),
    ).rejects.toThrow(/^No scope could be audited\.\n\d{12}\/us-east-1: Cannot assume arn:aws:iam::\d{12}:role\/PatchAuditRole/);
    expect(store.listSnapshots()).toEqual([]);
  });

  it('discovers the organization and audits its active accounts', async () => {
    const org = sim.fleet().organization;
    const active = org.accounts.filter((a) => a.status === 'ACTIVE').map((a) => a.id);
    const { outcome } = await audit(sim, {
      regions: ['eu-west-1'],
      targets: { kind: 'organization', roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' },
    });
    const audited = outcome.scopes.map((s) => s.accountId).sort();
    expect(audited).toEqual([...active].sort());
    // Suspended accounts are not audited, and accounts the simulator has no data for fail alone.
    expect(outcome.scopes.filter((s) => s.status === 'ok').length).toBeGreaterThanOrEqual(sim.credentials.length);
  });

  it('discovers all enabled regions and skips an opt-in region that is not enabled', async () => {
    const { outcome } = await audit(sim, { regions: 'all', homeRegion: 'us-east-1', targets: { kind: 'self' } });
    const regions = outcome.scopes.map((s) => s.region);
    expect(regions).toContain('us-east-1');
    expect(regions).toContain('eu-west-1');
    expect(regions).not.toContain('me-south-1');
    expect(regions).not.toContain('ap-east-1');
    expect(outcome.status).toBe('complete');
  });

  it('runs with exactly the shipped IAM policy and calls nothing outside it', async () => {
    sim.setFaults([{ policy: SHIPPED_POLICY }]);
    sim.resetCounters();
    try {
      const { outcome } = await audit(sim, {
        regions: REGIONS,
        targets: { kind: 'organization', roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' },
      });
      expect(outcome.scopes.length).toBeGreaterThan(0);
      expect(outcome.scopes.every((s) => s.gaps.length === 0)).toBe(true);
      expect(sim.counters().deniedActions).toEqual({});
      expect(sim.counters().denied).toBe(0);
    } finally {
      sim.setFaults([]);
    }
  });
});
