/**
 * Deterministic fleet generator: the same options give the same fleet on every run, so the
 * demo, the integration tests and the benchmarks see stable data. Uses the seeded PRNG only.
 */
import type { RouteTable, Subnet, Vpc, VpcEndpoint } from '@aws-sdk/client-ec2';
import type {
  Fleet,
  OrgAccount,
  RegionFleet,
  SimAccount,
  SimAssociation,
  SimBaseline,
  SimMaintenanceWindow,
  SimNode,
  SimInstance,
  SimPatchState,
} from './fleet';
import { OPT_IN_REGIONS, wireEnum } from './fleet';
import { generateHostManagement, generateIam, generateUnmanaged, natInstanceCauses } from './generateUnmanaged';
import type { InventoryApp, PlatformVariant } from './platforms';
import { GREENGRASS_PLATFORMS, PLATFORMS, UNKNOWN_PLATFORMS } from './platforms';
import type { Prng } from './prng';
import { createPrng } from './prng';

export interface FleetOptions {
  seed: string | number;
  /** Number of simulated accounts (the first is the Organizations management account). Default 3. */
  accounts?: number;
  /** Regions that hold nodes. Default us-east-1, eu-west-1, ap-northeast-1, ap-southeast-2. */
  regions?: readonly string[];
  /** Managed nodes in each account × region. Default 40. */
  nodesPerRegion?: number;
  /**
   * Managed nodes in one account × region of `regions`, in place of `nodesPerRegion`: an
   * organization's fleet is uneven, a few regions of a few accounts holding most of it.
   */
  nodesIn?: (accountIndex: number, region: string) => number;
  /**
   * EC2 instances that are not managed nodes in each account × region, besides the NAT instance:
   * one of each cause first (no profile, no route, stopped, a role without the policy, no agent),
   * then a random mix; plus a terminated one when above 0. Default 5 in an account × region
   * with managed nodes, none in one without (an organization's many empty regions stay empty);
   * a value given applies to every account × region.
   */
  unmanagedPerRegion?: number;
  /** Opt-in regions every account enabled (others stay `not-opted-in`). Opt-in regions in `regions` are enabled too. */
  optedInRegions?: readonly string[];
  /** Name of the cross-account audit role in every account. Default `PatchAuditRole`. */
  auditRoleName?: string;
  /** ExternalId the audit role requires. Default `patch-audit-external-id`. */
  externalId?: string;
}

export const DEFAULT_FLEET_REGIONS: readonly string[] = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];
export const LATEST_AGENT_VERSION = '3.3.131.0';

const DAY = 86_400;
const OLD_AGENTS = ['2.0.672.0', '2.0.633.0', '2.0.558.0'];
const V2_AGENTS = ['2.0.834.0', '2.3.978.0', '2.3.1319.0', '2.3.1644.0'];
const V3_AGENTS = ['3.1.1732.0', '3.2.582.0', '3.2.1705.0', '3.3.40.0', LATEST_AGENT_VERSION];
// P6: 2008 AMIs ship agent 2; 2.3.1644.0 is the last supported there, 3.x may be incompatible.
const WINDOWS_2008_AGENTS = ['2.3.1644.0', '2.3.1644.0', '2.3.444.0', '3.0.1124.0', '3.1.1004.0'];

const BASELINE_OS: readonly [string, string, string][] = [
  ['ALMA_LINUX', 'AWS-AlmaLinuxDefaultPatchBaseline', 'AlmaLinux'],
  ['AMAZON_LINUX', 'AWS-AmazonLinuxDefaultPatchBaseline', 'AmazonLinux'],
  ['AMAZON_LINUX_2', 'AWS-AmazonLinux2DefaultPatchBaseline', 'AmazonLinux2'],
  ['AMAZON_LINUX_2022', 'AWS-AmazonLinux2022DefaultPatchBaseline', 'AmazonLinux2022'],
  ['AMAZON_LINUX_2023', 'AWS-AmazonLinux2023DefaultPatchBaseline', 'AmazonLinux2023'],
  ['CENTOS', 'AWS-CentOSDefaultPatchBaseline', 'CentOS CentOSStream'],
  ['DEBIAN', 'AWS-DebianDefaultPatchBaseline', 'Debian'],
  ['MACOS', 'AWS-MacOSDefaultPatchBaseline', 'macOS'],
  ['ORACLE_LINUX', 'AWS-OracleLinuxDefaultPatchBaseline', 'OracleLinux'],
  ['RASPBIAN', 'AWS-RaspbianDefaultPatchBaseline', 'RaspberryPiOS'],
  ['REDHAT_ENTERPRISE_LINUX', 'AWS-RedHatDefaultPatchBaseline', 'RHEL'],
  ['ROCKY_LINUX', 'AWS-RockyLinuxDefaultPatchBaseline', 'RockyLinux'],
  ['SUSE', 'AWS-SuseDefaultPatchBaseline', 'SLES'],
  ['UBUNTU', 'AWS-UbuntuDefaultPatchBaseline', 'Ubuntu'],
  ['WINDOWS', 'AWS-DefaultPatchBaseline', 'WindowsServer Windows10'],
];

const accountId = (prng: Prng): string => String(prng.int(1, 9)) + String(prng.int(0, 99_999_999_999)).padStart(11, '0');
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function chars(prng: Prng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(prng.int(0, alphabet.length - 1));
  return out;
}
const resourceId = (prng: Prng, prefix: string): string => `${prefix}-${prng.hex(17)}`;

function weightedPicker(items: readonly PlatformVariant[]): (prng: Prng) => PlatformVariant {
  const total = items.reduce((sum, p) => sum + p.weight, 0);
  return (prng) => {
    let r = prng.next() * total;
    for (const p of items) {
      r -= p.weight;
      if (r < 0) return p;
    }
    return items[items.length - 1] as PlatformVariant;
  };
}
const pickPlatform = weightedPicker(PLATFORMS);

/** Subnet roles of the generated network (P3/P4 cases) and how many EC2 nodes each gets. */
const SUBNET_ROLES = [
  ['public', 25],
  ['private-nat', 30],
  ['isolated-s3-gateway', 10],
  ['isolated-main', 5],
  ['default-public', 15],
  ['behind-nat-instance', 8],
  ['isolated-s3-interface', 7],
] as const;
type SubnetRole = (typeof SUBNET_ROLES)[number][0];

interface Network {
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  vpcEndpoints: VpcEndpoint[];
  subnetByRole: Map<SubnetRole, Subnet>;
  natInstance: SimInstance;
}

function generateNetwork(prng: Prng, region: string, accountIndex: number, owner: string): Network {
  const vpcA = resourceId(prng, 'vpc');
  const vpcB = resourceId(prng, 'vpc');
  const igwA = resourceId(prng, 'igw');
  const igwB = resourceId(prng, 'igw');
  const nat = resourceId(prng, 'nat');
  const s3PrefixList = `pl-${prng.hex(8)}`;
  const s3Gateway = resourceId(prng, 'vpce');
  const azs = ['a', 'b', 'c'].map((s) => `${region}${s}`);
  const subnets: Subnet[] = [];
  const subnetByRole = new Map<SubnetRole, Subnet>();
  SUBNET_ROLES.forEach(([role], i) => {
    const inB = role === 'default-public' || role === 'behind-nat-instance' || role === 'isolated-s3-interface';
    const subnet: Subnet = {
      SubnetId: resourceId(prng, 'subnet'),
      VpcId: inB ? vpcB : vpcA,
      CidrBlock: inB ? `172.31.${i * 16}.0/20` : `10.${accountIndex}.${i}.0/24`,
      AvailabilityZone: azs[i % azs.length],
      AvailableIpAddressCount: 200,
      MapPublicIpOnLaunch: role === 'public' || role === 'default-public',
      DefaultForAz: role === 'default-public',
      State: 'available',
      OwnerId: owner,
      Tags: [{ Key: 'Name', Value: role }],
    };
    subnets.push(subnet);
    subnetByRole.set(role, subnet);
  });
  const sid = (role: SubnetRole): string => subnetByRole.get(role)?.SubnetId ?? '';
  const natInstance: SimInstance = {
    instanceId: resourceId(prng, 'i'),
    vpcId: vpcB,
    subnetId: sid('default-public'),
    publicIp: `54.${prng.int(64, 250)}.${prng.int(0, 255)}.${prng.int(1, 254)}`,
    name: 'nat-instance',
    state: 'running',
    instanceType: 't3.nano',
    platformDetails: 'Linux/UNIX',
    launchAgeS: 400 * DAY,
    natInstance: true,
    // Set once the region's host management is known.
    expectedCauses: [],
  };
  const local = (cidr: string) => ({
    DestinationCidrBlock: cidr,
    GatewayId: 'local',
    Origin: 'CreateRouteTable' as const,
    State: 'active' as const,
  });
  const table = (vpc: string, cidr: string, main: boolean, subnetIds: string[], extra: RouteTable['Routes']): RouteTable => {
    const id = resourceId(prng, 'rtb');
    return {
      RouteTableId: id,
      VpcId: vpc,
      OwnerId: owner,
      Routes: [local(cidr), ...(extra ?? [])],
      Associations: [
        ...(main
          ? [
              {
                Main: true,
                RouteTableId: id,
                RouteTableAssociationId: resourceId(prng, 'rtbassoc'),
                AssociationState: { State: 'associated' as const },
              },
            ]
          : []),
        ...subnetIds.map((s) => ({
          Main: false,
          SubnetId: s,
          RouteTableId: id,
          RouteTableAssociationId: resourceId(prng, 'rtbassoc'),
          AssociationState: { State: 'associated' as const },
        })),
      ],
      Tags: [],
    };
  };
  const toInternet = (target: Partial<NonNullable<RouteTable['Routes']>[number]>) => ({
    DestinationCidrBlock: '0.0.0.0/0',
    Origin: 'CreateRoute' as const,
    State: 'active' as const,
    ...target,
  });
  const isolatedGwTable = table(
    vpcA,
    '10.0.0.0/8',
    false,
    [sid('isolated-s3-gateway')],
    [{ DestinationPrefixListId: s3PrefixList, GatewayId: s3Gateway, Origin: 'CreateRoute', State: 'active' }],
  );
  const routeTables: RouteTable[] = [
    // VPC A's main table has only the local route: a subnet left on it is isolated.
    table(vpcA, '10.0.0.0/8', true, [], []),
    table(vpcA, '10.0.0.0/8', false, [sid('public')], [toInternet({ GatewayId: igwA })]),
    table(vpcA, '10.0.0.0/8', false, [sid('private-nat')], [toInternet({ NatGatewayId: nat })]),
    isolatedGwTable,
    // VPC B is a default VPC: its main table routes to the internet gateway.
    table(vpcB, '172.31.0.0/16', true, [], [toInternet({ GatewayId: igwB })]),
    table(
      vpcB,
      '172.31.0.0/16',
      false,
      [sid('behind-nat-instance')],
      [toInternet({ InstanceId: natInstance.instanceId, InstanceOwnerId: owner, NetworkInterfaceId: resourceId(prng, 'eni') })],
    ),
    table(vpcB, '172.31.0.0/16', false, [sid('isolated-s3-interface')], []),
  ];
  const endpoint = (service: string, type: 'Gateway' | 'Interface', vpc: string, extra: Partial<VpcEndpoint>): VpcEndpoint => ({
    VpcEndpointId: type === 'Gateway' ? s3Gateway : resourceId(prng, 'vpce'),
    VpcEndpointType: type,
    VpcId: vpc,
    ServiceName: `com.amazonaws.${region}.${service}`,
    // The wire value is lowercase although the SDK's enum spells `Available`.
    State: wireEnum<VpcEndpoint['State']>('available'),
    OwnerId: owner,
    RouteTableIds: [],
    SubnetIds: [],
    PrivateDnsEnabled: false,
    ...extra,
  });
  const interfaceSubnet = [sid('isolated-s3-interface')];
  const vpcEndpoints: VpcEndpoint[] = [
    endpoint('s3', 'Gateway', vpcA, { RouteTableIds: [isolatedGwTable.RouteTableId ?? ''] }),
    endpoint('s3', 'Interface', vpcB, { SubnetIds: interfaceSubnet }),
    endpoint('ssm', 'Interface', vpcB, { SubnetIds: interfaceSubnet, PrivateDnsEnabled: true }),
    endpoint('ssmmessages', 'Interface', vpcB, { SubnetIds: interfaceSubnet, PrivateDnsEnabled: true }),
    endpoint('ec2messages', 'Interface', vpcB, { SubnetIds: interfaceSubnet, PrivateDnsEnabled: true }),
  ];
  const vpcs: Vpc[] = [
    { VpcId: vpcA, CidrBlock: '10.0.0.0/8', IsDefault: false, State: 'available', OwnerId: owner, Tags: [{ Key: 'Name', Value: 'prod' }] },
    { VpcId: vpcB, CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: owner, Tags: [] },
  ];
  return { vpcs, subnets, routeTables, vpcEndpoints, subnetByRole, natInstance };
}

function baselineOs(family: string): string {
  return BASELINE_OS.find(([, , families]) => families.split(' ').includes(family))?.[0] ?? 'AMAZON_LINUX_2';
}

function generateBaselines(region: string, configured: boolean, prng: Prng): SimBaseline[] {
  // Predefined baselines have the same ids for every account of a region.
  const regional = createPrng(`baselines:${region}`);
  const owner = String(regional.int(100_000_000_000, 999_999_999_999));
  const baselines: SimBaseline[] = BASELINE_OS.map(([os, name]) => ({
    baselineId: `arn:aws:ssm:${region}:${owner}:patchbaseline/pb-${regional.hex(17)}`,
    name,
    operatingSystem: os,
    description: `Default Patch Baseline for ${os} Provided by AWS.`,
    owner: 'AWS',
    defaultBaseline: true,
    approveAfterDays: 7,
    patchGroups: [],
  }));
  if (configured) {
    baselines.push(
      {
        baselineId: `pb-${prng.hex(17)}`,
        name: 'prod-linux-baseline',
        operatingSystem: 'AMAZON_LINUX_2',
        description: 'Production Amazon Linux 2, security patches after 3 days',
        owner: 'Self',
        defaultBaseline: false,
        approveAfterDays: 3,
        patchGroups: ['prod-linux'],
      },
      {
        baselineId: `pb-${prng.hex(17)}`,
        name: 'prod-windows-baseline',
        operatingSystem: 'WINDOWS',
        description: 'Production Windows, critical and security updates',
        owner: 'Self',
        defaultBaseline: false,
        approveAfterDays: 7,
        patchGroups: ['prod-windows'],
      },
    );
  }
  return baselines;
}

function generatePatchState(prng: Prng, node: SimNode, baselines: SimBaseline[], configured: boolean): SimPatchState | null {
  if (node.family === 'Unknown' || prng.chance(configured ? 0.06 : 0.6)) return null;
  const os = baselineOs(node.family);
  const custom = node.patchGroup
    ? baselines.find((b) => b.patchGroups.includes(node.patchGroup ?? '') && b.operatingSystem === os)
    : undefined;
  const fallback = baselines.find((b) => b.owner === 'AWS' && b.operatingSystem === os);
  const missing = prng.chance(0.6) ? 0 : prng.int(1, 25);
  const failed = prng.chance(0.05) ? prng.int(1, 3) : 0;
  const installedPendingReboot = prng.chance(0.1) ? prng.int(1, 5) : 0;
  const installedRejected = prng.chance(0.03) ? 1 : 0;
  // Split as AWS splits them (nonCompliantPatches): a failed install or a pending reboot is as open as a missing patch.
  const open = missing + failed + installedPendingReboot + installedRejected;
  const critical = open ? prng.int(0, Math.min(open, 4)) : 0;
  const security = open ? prng.int(0, open - critical) : 0;
  return {
    baselineId: (custom ?? fallback)?.baselineId ?? '',
    ...(node.patchGroup ? { patchGroup: node.patchGroup } : {}),
    operation: prng.chance(0.4) ? 'Scan' : 'Install',
    operationAgeS: operationAge(prng, node),
    operationDurationS: prng.int(40, 900),
    rebootOption: prng.chance(0.8) ? 'RebootIfNeeded' : 'NoReboot',
    installed: prng.int(20, 400),
    installedOther: prng.int(0, 20),
    installedPendingReboot,
    installedRejected,
    missing,
    failed,
    notApplicable: prng.int(100, 1500),
    critical,
    security,
    other: open - critical - security,
  };
}

/**
 * Seconds since the last patch operation ended: never after the node's last contact (a node
 * that lost its connection reports nothing since), and stale for a fifth of the online ones.
 */
function operationAge(prng: Prng, node: SimNode): number {
  if (node.pingStatus !== 'Online') return node.lastPingAgeS + prng.int(3600, 30 * DAY);
  return prng.chance(0.2) ? prng.int(8 * DAY, 120 * DAY) : prng.int(3600, 6 * DAY);
}

function agentVersion(prng: Prng, platform: PlatformVariant): string {
  if (platform.type === 'Windows' && (platform.version.startsWith('6.0') || platform.version.startsWith('6.1')))
    return prng.pick(WINDOWS_2008_AGENTS);
  const r = prng.next();
  if (r < 0.08) return prng.pick(OLD_AGENTS);
  if (r < 0.25) return prng.pick(V2_AGENTS);
  return prng.pick(V3_AGENTS);
}

function inventoryFor(prng: Prng, node: SimNode, platform: PlatformVariant): InventoryApp[] | null {
  if (node.family === 'Unknown' || prng.chance(node.pingStatus === 'Online' ? 0.08 : 0.35)) return null;
  const python = platform.python.length ? prng.pick(platform.python) : [];
  const agentName = platform.type === 'Windows' ? 'Amazon SSM Agent' : 'amazon-ssm-agent';
  const others: InventoryApp[] =
    platform.type === 'Windows'
      ? [{ name: 'Microsoft Visual C++ 2019 X64 Minimum Runtime', version: '14.29.30139' }]
      : [
          { name: 'openssl', version: '1.1.1k' },
          { name: 'curl', version: '7.79.1' },
        ];
  return [{ name: agentName, version: node.agentVersion }, ...python, ...others];
}

interface RegionCounts {
  nodes: number;
  unmanaged: number;
}

function generateRegion(
  prng: Prng,
  seed: string,
  region: string,
  account: { id: string; index: number },
  regionIndex: number,
  counts: RegionCounts,
): RegionFleet {
  const nodesPerRegion = counts.nodes;
  const configured = (account.index + regionIndex) % 3 !== 2;
  const network = generateNetwork(prng, region, account.index, account.id);
  const hostManagement = generateHostManagement(seed, account.index, regionIndex);
  network.natInstance.expectedCauses = natInstanceCauses(hostManagement);
  const baselines = generateBaselines(region, configured, prng);
  const subnetTotal = SUBNET_ROLES.reduce((sum, [, w]) => sum + w, 0);
  const nodes: SimNode[] = [];
  for (let j = 0; j < nodesPerRegion; j++) {
    // Deterministic slots make even a small region hold on-premises and Greengrass nodes.
    const kind = j % 25 === 3 ? 'greengrass' : j % 10 === 7 ? 'onprem' : 'ec2';
    const unknown = kind === 'onprem' && j % 50 === 17;
    const platform = unknown
      ? (UNKNOWN_PLATFORMS[((j / 50) % 2) | 0] as PlatformVariant)
      : kind === 'greengrass'
        ? (GREENGRASS_PLATFORMS[((j / 25) | 0) % GREENGRASS_PLATFORMS.length] as PlatformVariant)
        : j < PLATFORMS.length
          ? (PLATFORMS[j] as PlatformVariant)
          : pickPlatform(prng);
    const agent = agentVersion(prng, platform);
    // Agents before 3.x on macOS reported the OS as Linux.
    const macAsLinux = platform.type === 'MacOS' && prng.chance(0.25);
    const ping = prng.next();
    const pingStatus = ping < 0.88 ? 'Online' : ping < 0.985 ? 'ConnectionLost' : 'Inactive';
    const lastPingAgeS = pingStatus === 'Online' ? prng.int(5, 300) : prng.int(2 * DAY, 90 * DAY);
    const isWindows = platform.type === 'Windows';
    const node: SimNode = {
      instanceId: kind === 'ec2' ? resourceId(prng, 'i') : resourceId(prng, 'mi'),
      kind,
      computerName: '',
      privateIp: '',
      pingStatus,
      lastPingAgeS,
      agentVersion: macAsLinux ? prng.pick(V2_AGENTS) : agent,
      platformType: platform.name === '' ? '' : macAsLinux ? 'Linux' : platform.type,
      platformName: platform.name,
      platformVersion: platform.version,
      family: platform.family,
      supported: platform.supported,
      patchState: null,
      inventory: null,
      // Inventory is collected from a connected node: its last collection is no later than the last ping.
      inventoryAgeS: (pingStatus === 'Online' ? 0 : lastPingAgeS) + prng.int(600, 2 * DAY),
      associationStatus: prng.chance(0.9) ? 'Success' : prng.chance(0.5) ? 'Failed' : 'Pending',
    };
    if (configured && platform.family !== 'Unknown' && prng.chance(0.5)) node.patchGroup = isWindows ? 'prod-windows' : 'prod-linux';
    if (kind === 'ec2') {
      let r = prng.int(0, subnetTotal - 1);
      const role = (SUBNET_ROLES.find(([, w]) => (r -= w) < 0) ?? SUBNET_ROLES[0])[0];
      const subnet = network.subnetByRole.get(role) as Subnet;
      const base = (subnet.CidrBlock ?? '10.0.0.0/24').split('/')[0]?.split('.') ?? [];
      node.privateIp = `${base[0]}.${base[1]}.${Number(base[2]) + ((j >> 8) & 15)}.${(j % 250) + 4}`;
      const publicIp =
        subnet.MapPublicIpOnLaunch && prng.chance(0.92) ? `3.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}` : undefined;
      node.ec2 = {
        vpcId: subnet.VpcId ?? '',
        subnetId: subnet.SubnetId ?? '',
        ...(publicIp ? { publicIp } : {}),
        instanceType: isWindows ? 'm5.large' : prng.pick(['t3.micro', 't3.medium', 'm5.large', 'c6g.large']),
        state: pingStatus === 'Online' ? 'running' : 'stopped',
      };
      node.computerName = isWindows
        ? `EC2AMAZ-${chars(prng, BASE32, 7)}`
        : `ip-${node.privateIp.replaceAll('.', '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;
    } else {
      node.privateIp = `192.168.${account.index * 16 + regionIndex}.${(j % 250) + 2}`;
      node.computerName = kind === 'greengrass' ? `gg-core-${j}` : `srv${String(j).padStart(4, '0')}.corp.example.com`;
    }
    node.patchState = generatePatchState(prng, node, baselines, configured);
    node.inventory = inventoryFor(prng, node, platform);
    nodes.push(node);
  }
  const maintenanceWindows: SimMaintenanceWindow[] = [];
  const associations: SimAssociation[] = [
    {
      associationId: prng.hex(8) + '-' + prng.hex(4) + '-' + prng.hex(4) + '-' + prng.hex(4) + '-' + prng.hex(12),
      name: 'AWS-GatherSoftwareInventory',
      associationName: 'inventory-all',
      scheduleExpression: 'rate(30 minutes)',
      operation: 'Scan',
      targetKey: 'InstanceIds',
      targetValues: ['*'],
      lastExecutionAgeS: 900,
      status: 'Success',
    },
  ];
  if (configured) {
    maintenanceWindows.push({
      windowId: resourceId(prng, 'mw'),
      name: 'weekly-patch-install',
      schedule: 'cron(0 3 ? * SUN *)',
      duration: 4,
      cutoff: 1,
      enabled: true,
      tasks: [
        {
          windowTaskId: `${prng.hex(8)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(12)}`,
          taskArn: 'AWS-RunPatchBaseline',
          type: 'RUN_COMMAND',
          operation: 'Install',
          priority: 1,
          targetKey: 'tag:Patch Group',
          targetValues: ['prod-linux', 'prod-windows'],
        },
      ],
    });
    associations.push({
      associationId: `${prng.hex(8)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(12)}`,
      name: 'AWS-RunPatchBaseline',
      associationName: 'daily-patch-scan',
      scheduleExpression: 'rate(1 day)',
      operation: 'Scan',
      targetKey: 'InstanceIds',
      targetValues: ['*'],
      lastExecutionAgeS: prng.int(600, DAY),
      status: prng.chance(0.8) ? 'Success' : 'Failed',
    });
  }
  return {
    region,
    nodes,
    otherInstances: [
      network.natInstance,
      ...generateUnmanaged({
        seed,
        accountId: account.id,
        region,
        count: counts.unmanaged,
        hostManagement,
        subnetByRole: network.subnetByRole,
      }),
    ],
    hostManagement,
    vpcs: network.vpcs,
    subnets: network.subnets,
    routeTables: network.routeTables,
    vpcEndpoints: network.vpcEndpoints,
    baselines,
    maintenanceWindows,
    associations,
  };
}

export function generateFleet(options: FleetOptions): Fleet {
  const seed = String(options.seed);
  const prng = createPrng(seed);
  const regions = options.regions ?? DEFAULT_FLEET_REGIONS;
  const nodesPerRegion = options.nodesPerRegion ?? 40;
  const optedIn = [...new Set([...(options.optedInRegions ?? []), ...regions.filter((r) => OPT_IN_REGIONS.includes(r))])];
  const accounts: SimAccount[] = [];
  const count = options.accounts ?? 3;
  for (let a = 0; a < count; a++) {
    const id = accountId(prng);
    const account: SimAccount = {
      accountId: id,
      name: a === 0 ? 'management' : `workload-${a}`,
      email: `aws+${a === 0 ? 'management' : `workload-${a}`}@example.com`,
      userName: 'auditor',
      accessKeyId: `AKIA${chars(prng, BASE32, 16)}`,
      secretAccessKey: chars(prng, B64, 40),
      roles: [
        {
          name: options.auditRoleName ?? 'PatchAuditRole',
          externalId: options.externalId ?? 'patch-audit-external-id',
          maxSessionDurationS: 3600,
        },
        { name: 'ReadOnlyAuditRole', maxSessionDurationS: 3600 },
      ],
      optedInRegions: optedIn,
      iam: generateIam(seed, id),
      regions: {},
    };
    regions.forEach((region, r) => {
      const nodes = options.nodesIn?.(a, region) ?? nodesPerRegion;
      account.regions[region] = generateRegion(prng, seed, region, { id, index: a }, r, {
        nodes,
        unmanaged: options.unmanagedPerRegion ?? (nodes > 0 ? 5 : 0),
      });
    });
    accounts.push(account);
  }
  const management = accounts[0]?.accountId ?? '';
  const members: OrgAccount[] = accounts.map((acc, i) => ({
    id: acc.accountId,
    name: acc.name,
    email: acc.email,
    status: 'ACTIVE',
    joinedMethod: i === 0 ? 'INVITED' : 'CREATED',
    joinedAgeS: (900 - i * 30) * DAY,
  }));
  for (const [i, status] of (['ACTIVE', 'SUSPENDED', 'ACTIVE', 'SUSPENDED'] as const).entries()) {
    members.push({
      id: accountId(prng),
      name: `sandbox-${i + 1}`,
      email: `aws+sandbox-${i + 1}@example.com`,
      status,
      joinedMethod: 'CREATED',
      joinedAgeS: (400 - i * 50) * DAY,
    });
  }
  return {
    seed,
    accounts,
    organization: {
      id: `o-${chars(prng, 'abcdefghijklmnopqrstuvwxyz0123456789', 10)}`,
      managementAccountId: management,
      accounts: members,
    },
  };
}
