/**
 * What the audit reads to account for EC2 instances that are not managed nodes (issue 30), through
 * the real SDK clients: DescribeInstances' fields, GetServiceSetting for Default Host Management
 * Configuration, the two IAM reads, and their denial per account as each protocol reports it.
 */
import { DescribeInstancesCommand, type EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { GetInstanceProfileCommand, ListAttachedRolePoliciesCommand, paginateListAttachedRolePolicies } from '@aws-sdk/client-iam';
import { GetServiceSettingCommand } from '@aws-sdk/client-ssm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { unmanagedInstances } from '../../../electron/core/sim/fleet';
import { clients } from './clients';

const SETTING = '/ssm/managed-instance/default-ec2-instance-management-role';
const REGIONS = ['us-east-1', 'eu-west-1'];
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    fleetOptions: { seed: 'coverage-it', accounts: 2, regions: REGIONS, nodesPerRegion: 30, unmanagedPerRegion: 8 },
  });
});
afterAll(() => sim.close());
afterEach(() => sim.setFaults([]));

async function instancesOf(ec2: EC2Client): Promise<Instance[]> {
  const out = await ec2.send(new DescribeInstancesCommand({}));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

describe('DescribeInstances of unmanaged instances', () => {
  it('serves each with its state, Name tag, platform, launch time, placement and profile as EC2 spells them', async () => {
    const account = sim.fleet().accounts[1]!;
    const instances = await instancesOf(clients(sim, { account: 1, region: 'eu-west-1' }).ec2);
    const byId = new Map(instances.map((i) => [i.InstanceId, i]));
    const region = account.regions['eu-west-1']!;
    for (const other of region.otherInstances) {
      const served = byId.get(other.instanceId);
      expect(served?.State).toEqual({
        Code: { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 }[other.state],
        Name: other.state,
      });
      expect(served?.PlatformDetails).toBe(other.platformDetails);
      expect(served?.LaunchTime).toBeInstanceOf(Date);
      expect(served?.Tags?.find((t) => t.Key === 'Name')?.Value).toBe(other.name);
      if (other.state === 'terminated') {
        expect(served?.SubnetId).toBeUndefined();
        continue;
      }
      expect(served?.VpcId).toMatch(/^vpc-/);
      expect(served?.SubnetId).toMatch(/^subnet-/);
      if (other.instanceProfile) {
        expect(served?.IamInstanceProfile?.Arn).toMatch(
          new RegExp(`^arn:aws:iam::${account.accountId}:instance-profile/(.+/)?${other.instanceProfile}$`),
        );
        expect(served?.IamInstanceProfile?.Id).toMatch(/^AIPA[A-Z2-7]{17}$/);
      } else expect(served?.IamInstanceProfile).toBeUndefined();
    }
    expect(unmanagedInstances(region).length).toBe(8 + 1);
    // Managed EC2 nodes carry a profile of their account too.
    const managed = region.nodes.filter((n) => n.ec2).map((n) => byId.get(n.instanceId));
    expect(managed.every((i) => i?.IamInstanceProfile?.Arn?.startsWith(`arn:aws:iam::${account.accountId}:instance-profile/`))).toBe(true);
  });
});

describe('GetServiceSetting', () => {
  it('answers the Default Host Management Configuration of each account × region: the role when on, $None when off', async () => {
    const fleet = sim.fleet();
    const seen = new Set<boolean>();
    for (const [a, account] of fleet.accounts.entries()) {
      for (const region of REGIONS) {
        const { ssm } = clients(sim, { account: a, region });
        const out = await ssm.send(new GetServiceSettingCommand({ SettingId: SETTING }));
        const enabled = account.regions[region]!.hostManagement.enabled;
        seen.add(enabled);
        expect(out.ServiceSetting).toMatchObject({
          SettingId: SETTING,
          SettingValue: enabled ? 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole' : '$None',
          ARN: `arn:aws:ssm:${region}:${account.accountId}:servicesetting${SETTING}`,
          Status: enabled ? 'Customized' : 'Default',
        });
        expect(out.ServiceSetting?.LastModifiedDate).toBeInstanceOf(Date);
        expect(out.ServiceSetting?.LastModifiedUser).toBeTruthy();
      }
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('accepts the setting ARN the AWS CLI examples pass, and refuses an unknown setting with ServiceSettingNotFound', async () => {
    const account = sim.fleet().accounts[0]!;
    const { ssm } = clients(sim, { region: 'us-east-1' });
    const byArn = await ssm.send(
      new GetServiceSettingCommand({ SettingId: `arn:aws:ssm:us-east-1:${account.accountId}:servicesetting${SETTING}` }),
    );
    expect(byArn.ServiceSetting?.SettingId).toBe(SETTING);
    await expect(ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/no/such-setting' }))).rejects.toMatchObject({
      name: 'ServiceSettingNotFound',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('IAM', () => {
  it('GetInstanceProfile answers the profile, its path and its role; an unknown one is NoSuchEntity (404)', async () => {
    const account = sim.fleet().accounts[0]!;
    const { iam } = clients(sim);
    const out = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'app-server' }));
    expect(out.InstanceProfile).toMatchObject({
      Path: '/application/',
      InstanceProfileName: 'app-server',
      Arn: `arn:aws:iam::${account.accountId}:instance-profile/application/app-server`,
    });
    expect(out.InstanceProfile?.InstanceProfileId).toMatch(/^AIPA/);
    expect(out.InstanceProfile?.CreateDate).toBeInstanceOf(Date);
    expect(out.InstanceProfile?.Roles).toHaveLength(1);
    expect(out.InstanceProfile?.Roles?.[0]).toMatchObject({
      Path: '/application/',
      RoleName: 'AppServerRole',
      Arn: `arn:aws:iam::${account.accountId}:role/application/AppServerRole`,
    });
    expect(decodeURIComponent(out.InstanceProfile?.Roles?.[0]?.AssumeRolePolicyDocument ?? '')).toContain('ec2.amazonaws.com');
    const orphan = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'orphaned-profile' }));
    expect(orphan.InstanceProfile?.Roles).toEqual([]);
    await expect(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'nope' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('ListAttachedRolePolicies pages with MaxItems and Marker, and each account has its own roles', async () => {
    const { iam } = clients(sim, { account: 1, region: 'eu-west-1' });
    const first = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AppServerRole', MaxItems: 5 }));
    expect(first.AttachedPolicies).toHaveLength(5);
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toBeTruthy();
    const names: string[] = [];
    for await (const page of paginateListAttachedRolePolicies({ client: iam, pageSize: 5 }, { RoleName: 'AppServerRole' }))
      names.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ''));
    expect(names).toHaveLength(13);
    expect(names.at(-1)).toBe('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
    const all = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AppServerRole' }));
    expect(all.IsTruncated).toBe(false);
    expect(all.Marker).toBeUndefined();
    expect(all.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual(names);
    const legacy = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'LegacySsmRole' }));
    expect(legacy.AttachedPolicies).toEqual([
      { PolicyName: 'AmazonEC2RoleforSSM', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM' },
    ]);
    await expect(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AppServerRole', MaxItems: 0 }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'NoSuchRole' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'WebLegacyRole', Marker: first.Marker }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
    expect(sim.counters().calls['IAM.ListAttachedRolePolicies']).toBeGreaterThan(0);
  });
});

describe('denial per account', () => {
  it('a policy without the new actions denies them in that account only, as each protocol reports it', async () => {
    const member = sim.fleet().accounts[1];
    sim.setFaults([
      {
        match: { accountId: member!.accountId },
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 'ssm:Describe*'] }] },
      },
    ]);
    const denied = clients(sim, { account: 1 });
    await expect(denied.ssm.send(new GetServiceSettingCommand({ SettingId: SETTING }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    });
    const iamDenied = denied.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'app-server' }));
    await expect(iamDenied).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(iamDenied).rejects.toThrow(/iam:GetInstanceProfile/);
    await expect(denied.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AppServerRole' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    expect(sim.counters().deniedActions).toMatchObject({
      'ssm:GetServiceSetting': 1,
      'iam:GetInstanceProfile': 1,
      'iam:ListAttachedRolePolicies': 1,
    });
    const allowed = clients(sim, { account: 0 });
    await expect(allowed.ssm.send(new GetServiceSettingCommand({ SettingId: SETTING }))).resolves.toBeDefined();
    await expect(allowed.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'app-server' }))).resolves.toBeDefined();
  });
});
