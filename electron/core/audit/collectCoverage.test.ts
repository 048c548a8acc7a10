/**
 * What collectScope reads of a scope's EC2 instances (issue 30), against canned AWS answers: the
 * real SDK clients, each call answered by a middleware before it leaves, so every case (a profile
 * whose role has the policy on a second page, IAM denied, a region of unmanaged instances only)
 * is exact and every call is counted by action.
 */
import { describe, expect, it } from 'vitest';
import { emptyCallStats } from '../aws/callStats';
import { createClients, type AwsClients } from '../aws/clients';
import { collectScope } from './collectScope';
import { AccountCache } from './sources';

type Answer = (input: Record<string, unknown>) => unknown;
type Answers = Record<string, Answer>;

const awsError = (name: string): Error => Object.assign(new Error(`${name}: not allowed`), { name, $metadata: {} });

/** Clients whose every call is answered from `answers` by command name, counted in `calls`. */
function cannedClients(answers: Answers, calls: Record<string, number>): AwsClients {
  const clients = createClients('eu-west-1', { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, {}, emptyCallStats());
  for (const client of [clients.ssm, clients.ec2, clients.iam] as const) {
    (client.middlewareStack as { add: (mw: unknown, options: unknown) => void }).add(
      (_next: unknown, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
        const action = (context.commandName ?? '').replace(/Command$/, '');
        calls[action] = (calls[action] ?? 0) + 1;
        const answer = answers[action];
        if (!answer) throw awsError('UnknownOperationException');
        return { output: { $metadata: {}, ...(answer(args.input) as object) }, response: {} };
      },
      { step: 'initialize', name: 'cannedAnswer', priority: 'high' },
    );
  }
  return clients;
}

const node = (id: string, ping = 'Online') => ({ InstanceId: id, PingStatus: ping, ResourceType: 'EC2Instance', PlatformType: 'Linux' });
const instance = (id: string, state: string, subnet: string, profile?: string) => ({
  InstanceId: id,
  State: { Name: state },
  VpcId: 'vpc-1',
  SubnetId: subnet,
  PlatformDetails: 'Linux/UNIX',
  LaunchTime: new Date('2026-01-02T03:04:05Z'),
  Tags: [{ Key: 'Name', Value: `name-${id}` }],
  ...(profile ? { IamInstanceProfile: { Arn: `arn:aws:iam::111111111111:instance-profile/team/${profile}`, Id: 'AIPA' } } : {}),
});

const P1 = 'arn:aws:iam::111111111111:instance-profile/team/p1';
const P2 = 'arn:aws:iam::111111111111:instance-profile/team/p2';

/** A scope's answers: SSM's setup empty, the given nodes and instances, subnet-nat routed to a NAT, subnet-closed nowhere. */
function scopeAnswers(nodes: object[], instances: object[], extra: Answers = {}): Answers {
  return {
    DescribeInstanceInformation: () => ({ InstanceInformationList: nodes }),
    DescribeInstancePatchStates: () => ({ InstancePatchStates: [] }),
    GetInventory: () => ({ Entities: [] }),
    DescribePatchBaselines: () => ({ BaselineIdentities: [] }),
    DescribePatchGroups: () => ({ Mappings: [] }),
    ListAssociations: () => ({ Associations: [] }),
    DescribeMaintenanceWindows: () => ({ WindowIdentities: [] }),
    DescribeInstances: () => ({ Reservations: instances.map((i) => ({ OwnerId: '111111111111', Instances: [i] })) }),
    DescribeRouteTables: () => ({
      RouteTables: [
        {
          RouteTableId: 'rtb-nat',
          VpcId: 'vpc-1',
          Associations: [{ SubnetId: 'subnet-nat' }],
          Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }],
        },
        { RouteTableId: 'rtb-closed', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-closed' }], Routes: [] },
      ],
    }),
    DescribeVpcEndpoints: () => ({ VpcEndpoints: [] }),
    GetServiceSetting: () => ({
      ServiceSetting: { SettingId: '/ssm/managed-instance/default-ec2-instance-management-role', SettingValue: '$None' },
    }),
    GetInstanceProfile: (input) =>
      input.InstanceProfileName === 'p1'
        ? { InstanceProfile: { InstanceProfileName: 'p1', Roles: [{ RoleName: 'r1', Path: '/team/' }] } }
        : (() => {
            throw awsError('NoSuchEntityException');
          })(),
    ListAttachedRolePolicies: (input) =>
      input.Marker === undefined
        ? { AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }], IsTruncated: true, Marker: 'm2' }
        : { AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }], IsTruncated: false },
    ...extra,
  };
}

async function collect(answers: Answers, account = new AccountCache()) {
  const calls: Record<string, number> = {};
  const clients = cannedClients(answers, calls);
  try {
    const result = await collectScope({
      accountId: '111111111111',
      region: 'eu-west-1',
      clients,
      signal: new AbortController().signal,
      account,
    });
    return { result, calls };
  } finally {
    clients.destroy();
  }
}

const FLEET = [
  instance('i-00000000000000001', 'running', 'subnet-nat', 'p1'),
  instance('i-00000000000000002', 'stopped', 'subnet-nat', 'p1'),
  instance('i-00000000000000003', 'running', 'subnet-closed'),
  instance('i-00000000000000004', 'stopped', 'subnet-closed', 'p1'),
  instance('i-00000000000000005', 'running', 'subnet-nat', 'p2'),
  instance('i-00000000000000006', 'terminated', 'subnet-closed'),
];
// i-…1 is a managed node, i-…2 one whose agent lost its connection: both in the node list.
const NODES = [node('i-00000000000000001'), node('i-00000000000000002', 'ConnectionLost'), node('mi-0123456789abcdef0')];

describe('collectScope: every EC2 instance of a scope', () => {
  it('keeps the unmanaged ones with their facts, and reads their causes once per scope and per profile, never per instance', async () => {
    const { result, calls } = await collect(scopeAnswers(NODES, FLEET));
    expect(result.gaps).toEqual([]);
    expect(result.coverage).toEqual({ ec2Instances: 5, hostManagement: 'off' });
    expect(result.unmanaged).toEqual([
      {
        instanceId: 'i-00000000000000003',
        name: 'name-i-00000000000000003',
        state: 'running',
        platform: 'Linux/UNIX',
        vpcId: 'vpc-1',
        subnetId: 'subnet-closed',
        launchedAt: '2026-01-02T03:04:05.000Z',
        route: 'no',
        rolePolicy: 'unknown',
      },
      expect.objectContaining({
        instanceId: 'i-00000000000000004',
        state: 'stopped',
        instanceProfileArn: P1,
        route: 'no',
        rolePolicy: 'attached',
      }),
      expect.objectContaining({ instanceId: 'i-00000000000000005', instanceProfileArn: P2, route: 'yes', rolePolicy: 'missing' }),
    ]);
    expect(calls).toMatchObject({
      DescribeInstances: 1,
      DescribeRouteTables: 1,
      DescribeVpcEndpoints: 1,
      GetServiceSetting: 1,
      GetInstanceProfile: 2,
      ListAttachedRolePolicies: 2,
    });
  });

  it('asks IAM once per profile per account: a second region listing the same profile asks nothing more', async () => {
    const account = new AccountCache();
    await collect(scopeAnswers(NODES, FLEET), account);
    const { result, calls } = await collect(scopeAnswers([], [instance('i-00000000000000007', 'running', 'subnet-nat', 'p1')]), account);
    expect(result.unmanaged).toEqual([expect.objectContaining({ instanceId: 'i-00000000000000007', rolePolicy: 'attached' })]);
    expect(calls.GetInstanceProfile).toBeUndefined();
    expect(calls.ListAttachedRolePolicies).toBeUndefined();
  });

  it('reads a region without a managed node: its instances are the finding', async () => {
    const { result, calls } = await collect(scopeAnswers([], [instance('i-00000000000000003', 'running', 'subnet-closed')]));
    expect(result.facts).toEqual([]);
    expect(result.coverage).toEqual({ ec2Instances: 1, hostManagement: 'off' });
    expect(result.unmanaged.map((u) => u.instanceId)).toEqual(['i-00000000000000003']);
    expect(calls.DescribeInstances).toBe(1);
  });

  it('costs an empty region its node list and one DescribeInstances, and nothing else', async () => {
    const { result, calls } = await collect(scopeAnswers([], [instance('i-00000000000000006', 'terminated', 'subnet-closed')]));
    expect(calls).toEqual({ DescribeInstanceInformation: 1, DescribeInstances: 1 });
    expect(result.coverage).toEqual({ ec2Instances: 0, hostManagement: 'unknown' });
    expect(result.unmanaged).toEqual([]);
  });

  it('records a denied setting or IAM as gaps with their AWS error, the causes unknown, the scope collected', async () => {
    const denied = () => {
      throw awsError('AccessDeniedException');
    };
    const { result } = await collect(scopeAnswers(NODES, FLEET, { GetServiceSetting: denied, GetInstanceProfile: denied }));
    expect(result.gaps).toEqual(['ssm:GetServiceSetting', 'iam:GetInstanceProfile/ListAttachedRolePolicies']);
    expect(Object.keys(result.gapErrors)).toEqual(result.gaps);
    expect(result.coverage).toEqual({ ec2Instances: 5, hostManagement: 'unknown' });
    expect(result.unmanaged.map((u) => u.rolePolicy)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(result.facts).toHaveLength(NODES.length);
  });

  it('treats a setting AWS has not provisioned as unknown, never off', async () => {
    const { result } = await collect(
      scopeAnswers(NODES, FLEET, {
        GetServiceSetting: () => {
          throw awsError('ServiceSettingNotFound');
        },
      }),
    );
    expect(result.coverage?.hostManagement).toBe('unknown');
    expect(result.gaps).toEqual(['ssm:GetServiceSetting']);
  });

  it('has no coverage when DescribeInstances is denied, and asks nothing that depends on it', async () => {
    const { result, calls } = await collect(
      scopeAnswers(NODES, FLEET, {
        DescribeInstances: () => {
          throw awsError('UnauthorizedOperation');
        },
      }),
    );
    expect(result.coverage).toBeUndefined();
    expect(result.unmanaged).toEqual([]);
    expect(result.gaps).toEqual(['ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints']);
    expect([calls.GetServiceSetting, calls.GetInstanceProfile, calls.DescribeRouteTables]).toEqual([undefined, undefined, undefined]);
  });
});
