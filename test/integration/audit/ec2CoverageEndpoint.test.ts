/**
 * Issue 30 against an AWS-shaped endpoint written here from the API references, independent of the
 * simulator (so the two cannot share a misreading): one account × region whose DescribeInstances
 * answer (two pages) holds two managed EC2 nodes (one stopped and ConnectionLost: still a managed
 * node), unmanaged instances of every cause and a terminated one; Default Host Management
 * Configuration is off (`$None`); IAM answers the instance profiles and pages a role's policies.
 * The audit must keep each unmanaged instance with the facts its causes are derived from, count
 * the scope's EC2 instances, and make no call per instance.
 *
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetServiceSetting.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedRolePolicies.html
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../electron/core/audit/runAudit';
import { getCatalog } from '../../../shared/catalog';
import { causesOf } from '../../../shared/ec2Coverage';
import { figureValues } from '../../../shared/figures';
import { tempStore } from './auditHarness';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const SETTING = '/ssm/managed-instance/default-ec2-instance-management-role';
const VPC = 'vpc-0a1b2c3d4e5f60718';
const NAT_SUBNET = 'subnet-0aaaaaaaaaaaaaaa1';
/** On the VPC's main route table, which has the local route only; the VPC has no interface endpoints. */
const ISOLATED_SUBNET = 'subnet-0aaaaaaaaaaaaaaa2';
const CORE_PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/ssm-core`;
const WEB_PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/apps/web`;
const LAUNCHED = '2025-06-01T08:00:00.000Z';

interface Ec2Instance {
  id: string;
  state: [code: number, name: string];
  name?: string;
  platform: string;
  subnet?: string;
  profile?: string;
}

const MANAGED: Ec2Instance[] = [
  { id: 'i-0aaaaaaaaaaaaaa01', state: [16, 'running'], name: 'app-1', platform: 'Linux/UNIX', subnet: NAT_SUBNET, profile: CORE_PROFILE },
  // Stopped, so its managed node lost its connection: it stays a managed node.
  { id: 'i-0aaaaaaaaaaaaaa02', state: [80, 'stopped'], name: 'app-2', platform: 'Windows', subnet: NAT_SUBNET, profile: CORE_PROFILE },
];
const UNMANAGED: Ec2Instance[] = [
  { id: 'i-0bbbbbbbbbbbbbb01', state: [16, 'running'], name: 'no-profile', platform: 'Linux/UNIX', subnet: NAT_SUBNET },
  {
    id: 'i-0bbbbbbbbbbbbbb02',
    state: [16, 'running'],
    name: 'isolated',
    platform: 'Red Hat Enterprise Linux',
    subnet: ISOLATED_SUBNET,
    profile: CORE_PROFILE,
  },
  { id: 'i-0bbbbbbbbbbbbbb03', state: [80, 'stopped'], name: 'stopped', platform: 'Windows', subnet: NAT_SUBNET, profile: CORE_PROFILE },
  { id: 'i-0bbbbbbbbbbbbbb04', state: [16, 'running'], name: 'web', platform: 'Ubuntu Pro', subnet: NAT_SUBNET, profile: WEB_PROFILE },
  { id: 'i-0bbbbbbbbbbbbbb05', state: [16, 'running'], platform: 'SUSE Linux', subnet: NAT_SUBNET, profile: CORE_PROFILE },
  { id: 'i-0bbbbbbbbbbbbbb06', state: [0, 'pending'], name: 'starting', platform: 'Linux/UNIX', subnet: ISOLATED_SUBNET },
];
/** Terminated instances stay listed for up to an hour, without their placement: not accounted for. */
const TERMINATED: Ec2Instance = { id: 'i-0cccccccccccccc01', state: [48, 'terminated'], name: 'gone', platform: 'Linux/UNIX' };
const EXPECTED_CAUSES: Record<string, string[]> = {
  'i-0bbbbbbbbbbbbbb01': ['noProfile'],
  'i-0bbbbbbbbbbbbbb02': ['noRoute'],
  'i-0bbbbbbbbbbbbbb03': ['stopped'],
  'i-0bbbbbbbbbbbbbb04': ['roleWithoutPolicy'],
  'i-0bbbbbbbbbbbbbb05': ['notDetermined'],
  'i-0bbbbbbbbbbbbbb06': ['stopped', 'noProfile', 'noRoute'],
};
const ALL = [...MANAGED, ...UNMANAGED, TERMINATED];

function instanceXml(i: Ec2Instance): string {
  const placement = i.subnet
    ? `<subnetId>${i.subnet}</subnetId><vpcId>${VPC}</vpcId><privateIpAddress>10.0.1.${ALL.indexOf(i) + 4}</privateIpAddress>`
    : '';
  const profile = i.profile
    ? `<iamInstanceProfile><arn>${i.profile}</arn><id>AIPA${i.profile.length}EXAMPLE</id></iamInstanceProfile>`
    : '';
  const tags = i.name ? `<tagSet><item><key>Name</key><value>${i.name}</value></item></tagSet>` : '';
  return `<item><instanceId>${i.id}</instanceId><imageId>ami-0123456789abcdef0</imageId><instanceState><code>${i.state[0]}</code><name>${i.state[1]}</name></instanceState>${placement}<instanceType>t3.micro</instanceType><launchTime>${LAUNCHED}</launchTime><platformDetails>${i.platform}</platformDetails>${profile}${tags}</item>`;
}

/** One reservation per instance; two pages whatever MaxResults allows (EC2 may return fewer than asked). */
function describeInstances(params: URLSearchParams): string {
  const max = Number(params.get('MaxResults') ?? ALL.length);
  const start = Number(params.get('NextToken') ?? 0);
  const size = Math.min(max, Math.ceil(ALL.length / 2));
  const page = ALL.slice(start, start + size);
  const next = start + size < ALL.length ? `<nextToken>${start + size}</nextToken>` : '';
  const reservations = page.map(
    (i) =>
      `<item><reservationId>r-${i.id.slice(2)}</reservationId><ownerId>${ACCOUNT}</ownerId><instancesSet>${instanceXml(i)}</instancesSet></item>`,
  );
  return `<reservationSet>${reservations.join('')}</reservationSet>${next}`;
}

const ROUTE_TABLES = `<routeTableSet>
<item><routeTableId>rtb-0main000000000001</routeTableId><vpcId>${VPC}</vpcId><ownerId>${ACCOUNT}</ownerId>
<routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item></routeSet>
<associationSet><item><routeTableAssociationId>rtbassoc-0main0000000001</routeTableAssociationId><routeTableId>rtb-0main000000000001</routeTableId><main>true</main><associationState><state>associated</state></associationState></item></associationSet></item>
<item><routeTableId>rtb-0nat0000000000001</routeTableId><vpcId>${VPC}</vpcId><ownerId>${ACCOUNT}</ownerId>
<routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
<item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>nat-0123456789abcdef0</natGatewayId><state>active</state><origin>CreateRoute</origin></item></routeSet>
<associationSet><item><routeTableAssociationId>rtbassoc-0nat00000000001</routeTableAssociationId><routeTableId>rtb-0nat0000000000001</routeTableId><subnetId>${NAT_SUBNET}</subnetId><main>false</main><associationState><state>associated</state></associationState></item></associationSet></item>
</routeTableSet>`;

function ec2Answer(action: string, params: URLSearchParams): string {
  const members =
    action === 'DescribeInstances'
      ? describeInstances(params)
      : action === 'DescribeRouteTables'
        ? ROUTE_TABLES
        : action === 'DescribeVpcEndpoints'
          ? '<vpcEndpointSet/>'
          : action === 'DescribeSubnets'
            ? `<subnetSet><item><subnetId>${NAT_SUBNET}</subnetId><vpcId>${VPC}</vpcId><state>available</state></item><item><subnetId>${ISOLATED_SUBNET}</subnetId><vpcId>${VPC}</vpcId><state>available</state></item></subnetSet>`
            : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>0</requestId>${members}</${action}Response>`;
}

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const PROFILES: Record<string, { path: string; role: string }> = {
  'ssm-core': { path: '/', role: 'SsmCoreRole' },
  web: { path: '/apps/', role: 'WebRole' },
};
/** SsmCoreRole's policies come in two pages (IAM may return fewer than MaxItems): the Systems Manager one is on the second. */
const ROLE_POLICIES: Record<string, string[][]> = {
  SsmCoreRole: [['CloudWatchAgentServerPolicy'], ['AmazonSSMManagedInstanceCore']],
  WebRole: [['AmazonS3ReadOnlyAccess']],
};

function iamAnswer(action: string, params: URLSearchParams): [number, string] {
  const wrap = (result: string): [number, string] => [
    200,
    `<${action}Response xmlns="${IAM_NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></${action}Response>`,
  ];
  const noSuchEntity = (message: string): [number, string] => [
    404,
    `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>${message}</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
  ];
  if (action === 'GetInstanceProfile') {
    const name = params.get('InstanceProfileName') ?? '';
    const profile = PROFILES[name];
    if (!profile) return noSuchEntity(`Instance Profile ${name} cannot be found.`);
    return wrap(
      `<InstanceProfile><Path>${profile.path}</Path><InstanceProfileName>${name}</InstanceProfileName><InstanceProfileId>AIPAEXAMPLE${name.length}</InstanceProfileId><Arn>arn:aws:iam::${ACCOUNT}:instance-profile${profile.path}${name}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><Roles><member><Path>/</Path><RoleName>${profile.role}</RoleName><RoleId>AROAEXAMPLE${profile.role.length}</RoleId><Arn>arn:aws:iam::${ACCOUNT}:role/${profile.role}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument></member></Roles></InstanceProfile>`,
    );
  }
  if (action === 'ListAttachedRolePolicies') {
    const role = params.get('RoleName') ?? '';
    const pages = ROLE_POLICIES[role];
    if (!pages) return noSuchEntity(`The role with name ${role} cannot be found.`);
    const page = Number(params.get('Marker') ?? 0);
    const policies = (pages[page] ?? []).map(
      (p) => `<member><PolicyName>${p}</PolicyName><PolicyArn>arn:aws:iam::aws:policy/${p}</PolicyArn></member>`,
    );
    const truncated = page + 1 < pages.length;
    return wrap(
      `<AttachedPolicies>${policies.join('')}</AttachedPolicies><IsTruncated>${truncated}</IsTruncated>${truncated ? `<Marker>${page + 1}</Marker>` : ''}`,
    );
  }
  return [
    400,
    `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>${action}</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
  ];
}

function ssmAnswer(operation: string, body: Record<string, unknown>): [number, object] {
  switch (operation) {
    case 'DescribeInstanceInformation':
      return [
        200,
        {
          InstanceInformationList: [
            ...MANAGED.map((m, i) => ({
              InstanceId: m.id,
              PingStatus: i === 0 ? 'Online' : 'ConnectionLost',
              AgentVersion: '3.3.40.0',
              PlatformType: m.platform === 'Windows' ? 'Windows' : 'Linux',
              PlatformName: m.platform === 'Windows' ? 'Microsoft Windows Server 2019 Datacenter' : 'Amazon Linux',
              PlatformVersion: m.platform === 'Windows' ? '10.0.17763' : '2023',
              ResourceType: 'EC2Instance',
              ComputerName: m.name,
            })),
            // A hybrid node is a managed node, and no EC2 instance.
            {
              InstanceId: 'mi-0aaaaaaaaaaaaaaa1',
              PingStatus: 'Online',
              AgentVersion: '3.3.40.0',
              PlatformType: 'Linux',
              PlatformName: 'Ubuntu',
              PlatformVersion: '22.04',
              ResourceType: 'ManagedInstance',
              ComputerName: 'onprem-1',
            },
          ],
        },
      ];
    case 'GetServiceSetting':
      if (body.SettingId !== SETTING && body.SettingId !== `arn:aws:ssm:${REGION}:${ACCOUNT}:servicesetting${SETTING}`)
        return [400, { __type: 'ServiceSettingNotFound', message: "The specified service setting wasn't found." }];
      return [
        200,
        {
          ServiceSetting: {
            SettingId: SETTING,
            SettingValue: '$None',
            LastModifiedDate: 1764633600,
            LastModifiedUser: 'System',
            ARN: `arn:aws:ssm:${REGION}:${ACCOUNT}:servicesetting${SETTING}`,
            Status: 'Default',
          },
        },
      ];
    case 'DescribeInstancePatchStates':
      return [200, { InstancePatchStates: [] }];
    case 'GetInventory':
      return [200, { Entities: [] }];
    case 'DescribePatchBaselines':
      return [200, { BaselineIdentities: [] }];
    case 'DescribePatchGroups':
      return [200, { Mappings: [] }];
    case 'ListAssociations':
      return [200, { Associations: [] }];
    case 'DescribeMaintenanceWindows':
      return [200, { WindowIdentities: [] }];
    default:
      return [200, {}];
  }
}

const STS_IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
const IAM_ACTIONS = new Set(['GetInstanceProfile', 'ListAttachedRolePolicies']);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('EC2 coverage from an independent AWS-shaped endpoint', () => {
  let server: Server;
  let url: string;
  /** `Service.Action` and the parameters of each call. */
  const calls: { action: string; params: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        const target = String(req.headers['x-amz-target'] ?? '');
        if (target.startsWith('AmazonSSM.')) {
          const operation = target.slice('AmazonSSM.'.length);
          const body = JSON.parse(text || '{}') as Record<string, unknown>;
          calls.push({ action: `SSM.${operation}`, params: body });
          const [status, answer] = ssmAnswer(operation, body);
          res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer));
          return;
        }
        const params = new URLSearchParams(text);
        const action = params.get('Action') ?? '';
        if (action === 'GetCallerIdentity') {
          res.writeHead(200, { 'content-type': 'text/xml' }).end(STS_IDENTITY);
        } else if (IAM_ACTIONS.has(action)) {
          calls.push({ action: `IAM.${action}`, params: Object.fromEntries(params) });
          const [status, answer] = iamAnswer(action, params);
          res.writeHead(status, { 'content-type': 'text/xml' }).end(answer);
        } else {
          calls.push({ action: `EC2.${action}`, params: Object.fromEntries(params) });
          res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(ec2Answer(action, params));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps every unmanaged instance with its facts and causes, counts the EC2 instances, and calls per scope, not per instance', async () => {
    const store = tempStore();
    const outcome = await runAudit(
      { regions: [REGION], targets: { kind: 'self' } },
      {
        clientOptions: { endpoint: url, maxAttempts: 1, requestTimeoutMs: 3000 },
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret' },
        saveSnapshot: (input) => store.saveSnapshot(input),
        catalog: getCatalog('seed-2022')!,
        scanAgeDays: 3650,
        log: () => {},
      },
    );
    expect(outcome.status).toBe('complete');
    // The managed nodes' routes come from the same answers (P3, P4): the endpoint's XML is read as AWS's.
    const nodes = new Map(store.loadSnapshotInput(outcome.snapshotId!).input.nodes.map((n) => [n.facts.instanceId, n.facts]));
    expect(nodes.get(MANAGED[0]!.id)?.network).toMatchObject({ vpcId: VPC, subnetId: NAT_SUBNET, routeTableId: 'rtb-0nat0000000000001' });
    expect(nodes.get(MANAGED[1]!.id)?.pingStatus).toBe('ConnectionLost');
    const scope = outcome.scopes.find((s) => s.region === REGION);
    expect(scope?.coverage).toEqual({ ec2Instances: MANAGED.length + UNMANAGED.length, hostManagement: 'off' });

    const page = store.unmanagedInstances(outcome.snapshotId!);
    expect(page.total).toBe(UNMANAGED.length);
    expect(page.scopesRead).toBe(1);
    const rows = new Map(page.rows.map((r) => [r.instanceId, r]));
    expect([...rows.keys()].sort()).toEqual(UNMANAGED.map((u) => u.id).sort());
    for (const u of UNMANAGED) {
      const row = rows.get(u.id)!;
      expect(row).toMatchObject({
        accountId: ACCOUNT,
        region: REGION,
        state: u.state[1],
        platform: u.platform,
        vpcId: VPC,
        subnetId: u.subnet,
        hostManagement: 'off',
        route: u.subnet === ISOLATED_SUBNET ? 'no' : 'yes',
      });
      expect(row.name).toBe(u.name);
      expect(row.instanceProfileArn).toBe(u.profile);
      expect(Date.parse(row.launchedAt ?? '')).toBe(Date.parse(LAUNCHED));
      expect(row.rolePolicy).toBe(u.profile === WEB_PROFILE ? 'missing' : u.profile ? 'attached' : 'unknown');
      expect(causesOf(row, row.hostManagement)).toEqual({ causes: EXPECTED_CAUSES[u.id], unchecked: [] });
      expect(row.causes).toEqual(EXPECTED_CAUSES[u.id]);
    }
    expect(rows.has(TERMINATED.id)).toBe(false);
    expect(page.byCause).toEqual({ stopped: 2, noProfile: 2, roleWithoutPolicy: 1, noRoute: 2, notDetermined: 1 });

    const figures = figureValues(store.figureInput(outcome.snapshotId!));
    expect(figures.ec2Instances).toBe(MANAGED.length + UNMANAGED.length);
    expect(figures.unmanagedInstances).toBe(UNMANAGED.length);

    const count = (action: string) => calls.filter((c) => c.action === action).length;
    const describe = calls.filter((c) => c.action === 'EC2.DescribeInstances');
    expect(describe).toHaveLength(2);
    expect(describe.every((c) => Number(c.params.MaxResults) >= 5 && Number(c.params.MaxResults) <= 1000)).toBe(true);
    expect(describe.every((c) => !Object.keys(c.params).some((k) => k.startsWith('InstanceId')))).toBe(true);
    expect(describe[1]?.params.NextToken).toBeDefined();
    expect(count('SSM.GetServiceSetting')).toBe(1);
    // Once per distinct instance profile of the account, and once per page of each role's policies.
    expect(count('IAM.GetInstanceProfile')).toBe(2);
    expect(
      calls
        .filter((c) => c.action === 'IAM.GetInstanceProfile')
        .map((c) => c.params.InstanceProfileName)
        .sort(),
    ).toEqual(['ssm-core', 'web']);
    expect(count('IAM.ListAttachedRolePolicies')).toBe(3);
    store.close();
  });
});
