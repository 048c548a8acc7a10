/**
 * Least privilege, one permission at a time. That the audit succeeds with exactly the shipped
 * policy and calls nothing outside it is proven in test/integration/audit/runAudit.test.ts
 * ("runs with exactly the shipped IAM policy"); here every action of
 * build/iam/patch-auditor-policy.json is taken away in turn: an optional one degrades to
 * `unknown` checks and a recorded gap (in one region, or for IAM, which is global, in the whole
 * account), a required one fails the scope (or the audit) with a
 * message that names the permission, and the simulator sees no denied call but that one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPlan } from '../../../shared/auditPlan';
import { isRegional, type RuleId } from '../../../shared/model';
import { startSimulator, type PolicyDocument, type Simulator } from '../../../electron/core/sim';
import { audit, SHIPPED_POLICY } from '../audit/auditHarness';
import { printTable } from './figures';

const REGIONS = ['us-east-1', 'eu-west-1'];
const DEGRADED = 'eu-west-1';
const ORG = { kind: 'organization', roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' } as const;

type Expectation =
  /**
   * Taken away in one region: that scope records `gap` and the rules turn `unknown` there, and
   * with `hostManagement` its Default Host Management Configuration (issue 30).
   */
  | { kind: 'optional'; gap: string; unknown: RuleId[]; hostManagement?: 'unknown' }
  /**
   * A global service's action (IAM, issue 30), taken away in the whole account: a region cannot
   * hold it back, since what one scope reads of the account's IAM its other scopes reuse. Every
   * scope that read instance profiles records `gap`, and their instances' role policies are unknown.
   */
  | { kind: 'optional-global'; gap: string }
  /** Taken away in one region: that scope fails, naming the permission. */
  | { kind: 'required-scope' }
  /** Taken away everywhere: the audit (or the accounts it concerns) fails, naming the permission. */
  | { kind: 'required-audit'; plan: AuditPlan; partial?: boolean };

const NETWORK_GAP = 'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints';
const IAM_GAP = 'iam:GetInstanceProfile/ListAttachedRolePolicies';
const WINDOWS_GAP = 'ssm:DescribeMaintenanceWindows/DescribeMaintenanceWindowTasks';
const PATCH_RULES: RuleId[] = ['patch.scanned', 'patch.scan-age', 'patch.compliant', 'patch.pending-reboot'];

const EXPECTED: Record<string, Expectation> = {
  'ssm:DescribeInstanceInformation': { kind: 'required-scope' },
  'ssm:DescribeInstancePatchStates': { kind: 'optional', gap: 'ssm:DescribeInstancePatchStates', unknown: PATCH_RULES },
  // Issue 19: no rule reads the patch detail; denied, only the detail is unknown.
  'ssm:DescribeInstancePatches': { kind: 'optional', gap: 'ssm:DescribeInstancePatches', unknown: [] },
  'ssm:GetInventory': { kind: 'optional', gap: 'ssm:GetInventory', unknown: ['python.version'] },
  'ssm:DescribePatchBaselines': { kind: 'optional', gap: 'ssm:DescribePatchBaselines', unknown: [] },
  'ssm:DescribePatchGroups': { kind: 'optional', gap: 'ssm:DescribePatchGroups', unknown: [] },
  'ssm:ListAssociations': { kind: 'optional', gap: 'ssm:ListAssociations', unknown: [] },
  'ssm:DescribeMaintenanceWindows': { kind: 'optional', gap: WINDOWS_GAP, unknown: [] },
  'ssm:DescribeMaintenanceWindowTasks': { kind: 'optional', gap: WINDOWS_GAP, unknown: [] },
  'ec2:DescribeInstances': { kind: 'optional', gap: NETWORK_GAP, unknown: ['network.patch-source', 'network.s3'] },
  'ec2:DescribeRouteTables': { kind: 'optional', gap: NETWORK_GAP, unknown: ['network.patch-source', 'network.s3'] },
  'ec2:DescribeVpcEndpoints': { kind: 'optional', gap: NETWORK_GAP, unknown: ['network.patch-source', 'network.s3'] },
  // Issue 30: what stops an unmanaged instance from being managed; denied, that cause is unknown, never assumed.
  'ssm:GetServiceSetting': { kind: 'optional', gap: 'ssm:GetServiceSetting', unknown: [], hostManagement: 'unknown' },
  'iam:GetInstanceProfile': { kind: 'optional-global', gap: IAM_GAP },
  'iam:ListAttachedRolePolicies': { kind: 'optional-global', gap: IAM_GAP },
  'ec2:DescribeRegions': { kind: 'required-audit', plan: { regions: 'all', homeRegion: 'us-east-1', targets: { kind: 'self' } } },
  'sts:GetCallerIdentity': { kind: 'required-audit', plan: { regions: ['us-east-1'], targets: { kind: 'self' } } },
  'organizations:ListAccounts': { kind: 'required-audit', plan: { regions: ['us-east-1'], targets: ORG } },
  'sts:AssumeRole': { kind: 'required-audit', plan: { regions: ['us-east-1'], targets: ORG }, partial: true },
};

function shippedActions(policy: PolicyDocument): string[] {
  return [policy.Statement].flat().flatMap((s) => (s.Effect === 'Allow' ? [s.Action ?? []].flat() : []));
}

/** The shipped policy with one action taken away (an explicit Deny wins over its Allow). */
const without = (action: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [...[SHIPPED_POLICY.Statement].flat(), { Effect: 'Deny', Action: action }],
});

describe('least privilege: every permission of the shipped policy taken away in turn', () => {
  let sim: Simulator;
  const table: Record<string, string | number>[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'least-privilege', accounts: 2, regions: REGIONS, nodesPerRegion: 40 } });
  });
  afterAll(async () => {
    printTable('least privilege: one permission of build/iam/patch-auditor-policy.json taken away', table);
    await sim?.close();
  });

  it('has an expectation for exactly the actions the policy grants', () => {
    expect(shippedActions(SHIPPED_POLICY).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('audits a scope with patching set up, so every optional source is really read', () => {
    const scope = sim.fleet().accounts[0]!.regions[DEGRADED]!;
    expect(scope.maintenanceWindows.length).toBeGreaterThan(0);
    expect(scope.nodes.some((n) => n.instanceId.startsWith('i-'))).toBe(true);
  });

  it.each(shippedActions(SHIPPED_POLICY))('without %s', async (action) => {
    const want = EXPECTED[action]!;
    sim.resetCounters();
    if (want.kind === 'required-audit') {
      sim.setFaults([{ policy: without(action) }]);
      try {
        if (want.partial) {
          const { outcome } = await audit(sim, want.plan);
          expect(outcome.status).toBe('partial');
          const failed = outcome.scopes.filter((s) => s.status === 'failed');
          expect(failed.length).toBeGreaterThan(0);
          for (const scope of failed) expect(scope.error).toContain(action);
          table.push({ action, 'if missing': 'accounts reached through it fail', message: failed[0]!.error!.slice(0, 90) });
        } else {
          const error = await audit(sim, want.plan).then(
            () => new Error('the audit succeeded'),
            (err: unknown) => err as Error,
          );
          expect(error.name).toBe('AuditFailed');
          expect(error.message).toContain(action);
          table.push({ action, 'if missing': 'the audit cannot start', message: error.message.slice(0, 90) });
        }
      } finally {
        sim.setFaults([]);
      }
      expect(Object.keys(sim.counters().deniedActions)).toEqual([action]);
      return;
    }

    if (want.kind === 'optional-global') {
      sim.setFaults([{ policy: without(action) }]);
      let result: Awaited<ReturnType<typeof audit>>;
      try {
        result = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
      } finally {
        sim.setFaults([]);
      }
      const { outcome, store } = result;
      expect(Object.keys(sim.counters().deniedActions)).toEqual([action]);
      expect(outcome.status).toBe('complete');
      const regional = outcome.scopes.filter(isRegional);
      expect(regional.map((s) => s.region).sort()).toEqual([...REGIONS].sort());
      const unmanaged = store.loadSnapshotInput(outcome.snapshotId!).input.unmanaged ?? [];
      for (const scope of regional) {
        // Each scope that needed the account's IAM answers holds the denial, with AWS's error.
        const withProfile = unmanaged.filter((u) => u.region === scope.region && u.instanceProfileArn);
        expect(withProfile.length).toBeGreaterThan(0);
        expect(withProfile.every((u) => u.rolePolicy === 'unknown')).toBe(true);
        expect(scope).toMatchObject({ status: 'ok', gaps: [want.gap] });
        expect(scope.gapErrors?.[want.gap]).toMatchObject({ errorCode: 'access_denied' });
      }
      table.push({ action, 'if missing': `gap ${want.gap} in every scope of the account; role policies unknown`, message: '' });
      store.close();
      return;
    }

    sim.setFaults([{ policy: SHIPPED_POLICY }, { match: { region: DEGRADED }, policy: without(action) }]);
    let result: Awaited<ReturnType<typeof audit>>;
    try {
      result = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    } finally {
      sim.setFaults([]);
    }
    const { outcome, store } = result;
    expect(Object.keys(sim.counters().deniedActions)).toEqual([action]);
    const full = outcome.scopes.filter(isRegional).find((s) => s.region !== DEGRADED)!;
    const degraded = outcome.scopes.find((s) => s.region === DEGRADED)!;
    expect(full).toMatchObject({ status: 'ok', gaps: [] });

    if (want.kind === 'required-scope') {
      expect(outcome.status).toBe('partial');
      expect(degraded.status).toBe('failed');
      expect(degraded.error).toContain(action);
      expect(store.getSnapshot(outcome.snapshotId!)?.scopes?.find((s) => s.region === DEGRADED)?.error).toContain(action);
      table.push({ action, 'if missing': 'the scope fails (required)', message: degraded.error!.slice(0, 90) });
      store.close();
      return;
    }

    expect(outcome.status).toBe('complete');
    expect(degraded).toMatchObject({ status: 'ok', gaps: [want.gap] });
    if (want.hostManagement) {
      expect(degraded.coverage?.hostManagement).toBe(want.hostManagement);
      expect(full.coverage?.hostManagement).not.toBe('unknown');
    }
    expect(store.getSnapshot(outcome.snapshotId!)?.scopes?.find((s) => s.region === DEGRADED)?.gaps).toEqual([want.gap]);
    const nodes = store.loadSnapshotInput(outcome.snapshotId!).input.nodes;
    const statuses = (region: string, rule: RuleId) =>
      nodes.filter((n) => n.facts.region === region).map((n) => n.checks.find((c) => c.rule === rule)!.status);
    for (const rule of want.unknown) {
      // Never a guess: where the source is missing, nothing passes or fails.
      const there = statuses(DEGRADED, rule);
      expect(there.filter((s) => s !== 'unknown' && s !== 'not_applicable')).toEqual([]);
      expect(there).toContain('unknown');
      expect(statuses(full.region, rule).some((s) => s === 'pass' || s === 'fail' || s === 'warn')).toBe(true);
    }
    table.push({
      action,
      'if missing': `gap ${want.gap}${want.unknown.length ? `; ${want.unknown.join(', ')} unknown` : ''}`,
      message: '',
    });
    store.close();
  });
});
