/**
 * collectScope against the simulator over loopback (issue 30), with a role that may not read the
 * Default Host Management Configuration nor IAM, as many a client's audit role is: the scope is
 * collected, the EC2 instances that are not managed nodes are kept, those two causes are unknown
 * with the AWS error recorded, and no call is made per instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectScope } from '../../../electron/core/audit/collectScope';
import { emptyCallStats } from '../../../electron/core/aws/callStats';
import { createClients } from '../../../electron/core/aws/clients';
import { startSimulator, type PolicyDocument, type Simulator } from '../../../electron/core/sim';
import { SHIPPED_POLICY } from './auditHarness';

const REGION = 'eu-west-1';

/** The shipped policy without the setting and the IAM reads (an explicit Deny wins over its Allow). */
const WITHOUT_COVERAGE_READS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    ...[SHIPPED_POLICY.Statement].flat(),
    { Effect: 'Deny', Action: ['ssm:GetServiceSetting', 'iam:GetInstanceProfile', 'iam:ListAttachedRolePolicies'] },
  ],
};

describe('collectScope over loopback: every EC2 instance of a scope', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'coverage', accounts: 1, regions: [REGION], nodesPerRegion: 120 } });
  });
  afterAll(async () => sim?.close());

  it('keeps the instances that are no node, records the denied setting as a gap, and reads per scope, not per instance', async () => {
    const creds = sim.credentials[0]!;
    const stats = emptyCallStats();
    const clients = createClients(
      REGION,
      { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      { endpoint: sim.url, maxAttempts: 1 },
      stats,
    );
    sim.setFaults([{ policy: WITHOUT_COVERAGE_READS }]);
    let result;
    try {
      result = await collectScope({ accountId: creds.accountId, region: REGION, clients, signal: new AbortController().signal });
    } finally {
      sim.setFaults([]);
      clients.destroy();
    }

    const region = sim.fleet().accounts[0]!.regions[REGION]!;
    const ec2Nodes = region.nodes.filter((node) => node.ec2);
    // A managed node whose agent lost its connection (its instance stopped) is still a managed node.
    expect(ec2Nodes.some((node) => node.pingStatus !== 'Online')).toBe(true);
    const unmanagedIds = result.unmanaged.map((u) => u.instanceId).sort();
    expect(unmanagedIds.length).toBeGreaterThan(0);
    for (const node of region.nodes) expect(unmanagedIds).not.toContain(node.instanceId);
    expect(result.coverage).toEqual({ ec2Instances: ec2Nodes.length + unmanagedIds.length, hostManagement: 'unknown' });

    // Denied where it was needed, recorded with AWS's error; the scope itself is collected.
    expect(result.unmanaged.some((u) => u.instanceProfileArn === undefined)).toBe(true);
    expect(result.gaps).toContain('ssm:GetServiceSetting');
    expect(result.gapErrors['ssm:GetServiceSetting']?.errorCode).toBeTruthy();
    expect(result.gaps).not.toContain('ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints');
    expect(result.facts).toHaveLength(region.nodes.length);

    const profiles = new Set(result.unmanaged.flatMap((u) => (u.instanceProfileArn ? [u.instanceProfileArn] : [])));
    expect(stats.byAction['EC2.DescribeInstances']).toBe(Math.ceil((ec2Nodes.length + unmanagedIds.length) / 1000));
    expect(stats.byAction['SSM.GetServiceSetting'] ?? 0).toBeLessThanOrEqual(1);
    expect(stats.byAction['IAM.GetInstanceProfile'] ?? 0).toBeLessThanOrEqual(profiles.size);
  });
});
