/**
 * Issue 30's acceptance against the simulator: an audit of a fleet with unmanaged EC2 instances of
 * every cause, in several accounts and regions, lists each with the causes it was built for (the
 * fleet's `expectedCauses`, set apart from shared/ec2Coverage.ts), counts every instance but the
 * terminated ones, and reads per scope, not per instance. A second account denied the optional
 * IAM reads keeps its instances, their role policy unchecked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, unmanagedInstances, type Simulator } from '../../../electron/core/sim';
import { UNMANAGED_CAUSES } from '../../../shared/ec2Coverage';
import { figureValues } from '../../../shared/figures';
import { audit } from './auditHarness';

const REGIONS = ['us-east-1', 'eu-west-1'];
const ROLE = { roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' };
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    fleetOptions: { seed: 'coverage-audit', accounts: 2, regions: REGIONS, nodesPerRegion: 20, unmanagedPerRegion: 9 },
  });
});
afterAll(() => sim.close());

describe('EC2 coverage of a simulated fleet', () => {
  it('lists every unmanaged instance with the causes it was built for, and calls per scope', async () => {
    const fleet = sim.fleet();
    const accountIds = fleet.accounts.map((a) => a.accountId);
    sim.resetCounters();
    const { outcome, store } = await audit(sim, { regions: REGIONS, targets: { kind: 'accounts', accountIds, ...ROLE } });
    expect(outcome.status).toBe('complete');
    const page = store.unmanagedInstances(outcome.snapshotId!, { limit: 10_000 });
    const rows = new Map(page.rows.map((r) => [`${r.accountId}/${r.region}/${r.instanceId}`, r]));
    let ec2Total = 0;
    const built = new Map<string, string[]>();
    for (const account of fleet.accounts)
      for (const region of REGIONS) {
        const regionFleet = account.regions[region]!;
        const unmanaged = unmanagedInstances(regionFleet);
        const ec2 = regionFleet.nodes.filter((n) => n.ec2).length + unmanaged.length;
        ec2Total += ec2;
        const scope = outcome.scopes.find((s) => s.accountId === account.accountId && s.region === region);
        expect(scope?.coverage).toEqual({ ec2Instances: ec2, hostManagement: regionFleet.hostManagement.enabled ? 'on' : 'off' });
        for (const instance of unmanaged) built.set(`${account.accountId}/${region}/${instance.instanceId}`, instance.expectedCauses!);
      }
    expect([...rows.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [key, causes] of built)
      expect({ key, causes: rows.get(key)?.causes, unchecked: rows.get(key)?.unchecked }).toEqual({ key, causes, unchecked: [] });
    expect(new Set([...built.values()].flat())).toEqual(new Set(UNMANAGED_CAUSES));

    const figures = figureValues(store.figureInput(outcome.snapshotId!));
    expect(figures.ec2Instances).toBe(ec2Total);
    expect(figures.unmanagedInstances).toBe(built.size);

    // No call per instance: one page of instances and one setting per scope, one profile read per distinct profile per account.
    const calls = sim.counters().calls;
    const scopes = fleet.accounts.length * REGIONS.length;
    expect(calls['EC2.DescribeInstances']).toBe(scopes);
    expect(calls['SSM.GetServiceSetting']).toBe(scopes);
    const profiles = fleet.accounts.reduce((n, a) => n + a.iam.instanceProfiles.length, 0);
    expect(calls['IAM.GetInstanceProfile']).toBeLessThanOrEqual(profiles);
    store.close();
  });

  it('keeps the instances of an account denied the optional IAM reads, their role policy unchecked', async () => {
    const fleet = sim.fleet();
    const [allowed, denied] = fleet.accounts;
    sim.setFaults([
      {
        match: { accountId: denied!.accountId },
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'iam:*' },
          ],
        },
      },
    ]);
    const { outcome, store } = await audit(sim, {
      regions: REGIONS,
      targets: { kind: 'accounts', accountIds: [allowed!.accountId, denied!.accountId], ...ROLE },
    });
    sim.setFaults([]);
    const rows = store.unmanagedInstances(outcome.snapshotId!, { limit: 10_000 }).rows;
    const deniedRows = rows.filter((r) => r.accountId === denied!.accountId);
    expect(deniedRows.length).toBe(REGIONS.reduce((n, r) => n + unmanagedInstances(denied!.regions[r]!).length, 0));
    for (const row of deniedRows) {
      expect(row.causes).not.toContain('roleWithoutPolicy');
      if (row.instanceProfileArn) expect(row.unchecked).toContain('rolePolicy');
    }
    expect(rows.filter((r) => r.accountId === allowed!.accountId).some((r) => r.causes.includes('roleWithoutPolicy'))).toBe(true);
    store.close();
  });
});
