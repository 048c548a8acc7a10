/**
 * EC2 instances that are not managed nodes (issue 30), the instance profiles and roles of each
 * account, and the Default Host Management Configuration of each account × region. Each instance
 * is built for a cause and labelled with the causes that follow from how it was built
 * (`expectedCauses`), not from shared/ec2Coverage.ts, so a test comparing the two catches a
 * mistake in either. A PRNG of its own per account (× region) leaves the rest of the fleet as the
 * seed made it before.
 */
import type { Subnet } from '@aws-sdk/client-ec2';
import type { UnmanagedCause } from '../../../shared/ec2Coverage';
import type { RegionFleet, SimIamRole, SimInstance, SimInstanceProfile, SimInstanceState } from './fleet';
import type { Prng } from './prng';
import { createPrng } from './prng';

const DAY = 86_400;
const AWS_POLICY = 'arn:aws:iam::aws:policy/';
const SSM_CORE_POLICY = `${AWS_POLICY}AmazonSSMManagedInstanceCore`;

/** The profile managed EC2 nodes carry (the one Quick Setup creates). */
export const MANAGED_NODE_PROFILE = 'AmazonSSMRoleForInstancesQuickSetup';

/** Which kind of profile an unmanaged instance carries, and whether its role lets the agent register. */
type ProfileKind = 'none' | 'core' | 'legacy' | 'noPolicy' | 'noRole';
const PROFILES_BY_KIND: Record<Exclude<ProfileKind, 'none'>, readonly string[]> = {
  core: [MANAGED_NODE_PROFILE, 'app-server'],
  legacy: ['legacy-ssm'],
  noPolicy: ['web-legacy'],
  noRole: ['orphaned-profile'],
};

const id = (prng: Prng, prefix: string): string =>
  prefix + Array.from({ length: 17 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.charAt(prng.int(0, 31))).join('');

/**
 * The instance profiles and roles of one account: the Quick Setup one managed nodes use, one
 * whose role has many policies with AmazonSSMManagedInstanceCore last (so reading only the first
 * page of ListAttachedRolePolicies misses it), one with the legacy AmazonEC2RoleforSSM, one whose
 * role has no Systems Manager policy, and one left without a role.
 */
export function generateIam(seed: string, accountId: string): { instanceProfiles: SimInstanceProfile[]; roles: SimIamRole[] } {
  const prng = createPrng(`${seed}:iam:${accountId}`);
  const role = (name: string, path: string, attachedPolicyArns: string[]): SimIamRole => ({
    name,
    path,
    id: id(prng, 'AROA'),
    createAgeS: prng.int(100, 1500) * DAY,
    attachedPolicyArns,
  });
  const customerPolicies = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${accountId}:policy/application/app-access-${i + 1}`);
  const roles = [
    role(MANAGED_NODE_PROFILE, '/', [SSM_CORE_POLICY, `${AWS_POLICY}AmazonSSMPatchAssociation`]),
    role('AppServerRole', '/application/', [...customerPolicies, `${AWS_POLICY}CloudWatchAgentServerPolicy`, SSM_CORE_POLICY]),
    role('LegacySsmRole', '/', [`${AWS_POLICY}service-role/AmazonEC2RoleforSSM`]),
    role('WebLegacyRole', '/', [`${AWS_POLICY}AmazonS3ReadOnlyAccess`, `${AWS_POLICY}CloudWatchAgentServerPolicy`]),
  ];
  const profile = (name: string, path: string, roleName?: string): SimInstanceProfile => ({
    name,
    path,
    id: id(prng, 'AIPA'),
    createAgeS: prng.int(100, 1500) * DAY,
    ...(roleName ? { roleName } : {}),
  });
  const instanceProfiles = [
    profile(MANAGED_NODE_PROFILE, '/', MANAGED_NODE_PROFILE),
    profile('app-server', '/application/', 'AppServerRole'),
    profile('legacy-ssm', '/', 'LegacySsmRole'),
    profile('web-legacy', '/', 'WebLegacyRole'),
    profile('orphaned-profile', '/'),
  ];
  return { instanceProfiles, roles };
}

/** Default Host Management Configuration is on in a third of the account × regions, off in the first. */
export function generateHostManagement(seed: string, accountIndex: number, regionIndex: number): RegionFleet['hostManagement'] {
  const prng = createPrng(`${seed}:dhmc:${accountIndex}:${regionIndex}`);
  return { enabled: (accountIndex + regionIndex) % 3 === 1, modifiedAgeS: prng.int(10, 700) * DAY };
}

/**
 * Whether an instance in a subnet of this role reaches the Systems Manager endpoints, from how the
 * network was built: an internet gateway (the instance gets a public IP), a NAT gateway or
 * instance, or the ssm / ssmmessages interface endpoints of its VPC.
 */
const SUBNET_REACHES_SSM = {
  public: true,
  'private-nat': true,
  'isolated-s3-gateway': false,
  'isolated-main': false,
  'default-public': true,
  'behind-nat-instance': true,
  'isolated-s3-interface': true,
} as const;
type SubnetRole = keyof typeof SUBNET_REACHES_SSM;
const SUBNET_ROLES = Object.keys(SUBNET_REACHES_SSM) as SubnetRole[];
const PUBLIC_SUBNETS: readonly SubnetRole[] = ['public', 'default-public'];

interface Blueprint {
  state: SimInstanceState;
  profile: ProfileKind;
  subnet: SubnetRole;
}

/** The first five of each region: one of each cause, so even a small fleet has them all. */
const ONE_OF_EACH: readonly Blueprint[] = [
  { state: 'running', profile: 'none', subnet: 'private-nat' },
  { state: 'running', profile: 'core', subnet: 'isolated-main' },
  { state: 'stopped', profile: 'core', subnet: 'private-nat' },
  { state: 'running', profile: 'noPolicy', subnet: 'public' },
  { state: 'running', profile: 'core', subnet: 'private-nat' },
];

const PLATFORM_DETAILS = [
  'Linux/UNIX',
  'Linux/UNIX',
  'Linux/UNIX',
  'Windows',
  'Windows',
  'Red Hat Enterprise Linux',
  'SUSE Linux',
  'Ubuntu Pro',
  'Windows with SQL Server Standard',
] as const;
const NAMES = ['legacy-batch', 'build-agent', 'jump-host', 'reporting', 'web', 'etl-worker', 'vendor-appliance', 'test'] as const;

function randomBlueprint(prng: Prng): Blueprint {
  const s = prng.next();
  const state: SimInstanceState = s < 0.7 ? 'running' : s < 0.85 ? 'stopped' : prng.pick(['pending', 'stopping', 'shutting-down'] as const);
  const p = prng.next();
  const profile: ProfileKind = p < 0.3 ? 'none' : p < 0.65 ? 'core' : p < 0.8 ? 'noPolicy' : p < 0.9 ? 'legacy' : 'noRole';
  return { state, profile, subnet: prng.pick(SUBNET_ROLES) };
}

/** Why an instance built this way is not managed, in `UNMANAGED_CAUSES` order. */
function causesOfBlueprint(b: Blueprint, hostManagementOn: boolean): UnmanagedCause[] {
  const causes: UnmanagedCause[] = [];
  if (b.state !== 'running') causes.push('stopped');
  if (b.profile === 'none' && !hostManagementOn) causes.push('noProfile');
  if (b.profile === 'noPolicy' || b.profile === 'noRole') causes.push('roleWithoutPolicy');
  if (!SUBNET_REACHES_SSM[b.subnet]) causes.push('noRoute');
  return causes.length ? causes : ['notDetermined'];
}

const publicIp = (prng: Prng): string => `18.${prng.int(128, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;

export interface UnmanagedContext {
  seed: string;
  accountId: string;
  region: string;
  count: number;
  hostManagement: RegionFleet['hostManagement'];
  subnetByRole: ReadonlyMap<string, Subnet>;
}

/** `count` unmanaged instances (one of each cause first) and, when there are any, a terminated one. */
export function generateUnmanaged(ctx: UnmanagedContext): SimInstance[] {
  if (ctx.count <= 0) return [];
  const prng = createPrng(`${ctx.seed}:unmanaged:${ctx.accountId}:${ctx.region}`);
  const instances: SimInstance[] = [];
  for (let j = 0; j < ctx.count; j++) {
    const blueprint = ONE_OF_EACH[j] ?? randomBlueprint(prng);
    const subnet = ctx.subnetByRole.get(blueprint.subnet);
    const base = (subnet?.CidrBlock ?? '10.0.0.0/24').split('/')[0]?.split('.') ?? [];
    const profiles = blueprint.profile === 'none' ? [] : PROFILES_BY_KIND[blueprint.profile];
    const name = prng.chance(0.9) ? `${prng.pick(NAMES)}-${j + 1}` : undefined;
    instances.push({
      instanceId: `i-${prng.hex(17)}`,
      ...(name ? { name } : {}),
      state: blueprint.state,
      instanceType: prng.pick(['t2.micro', 't3.small', 'm5.large', 'r5.xlarge']),
      platformDetails: prng.pick(PLATFORM_DETAILS),
      launchAgeS: prng.int(1, 900) * DAY,
      vpcId: subnet?.VpcId ?? '',
      subnetId: subnet?.SubnetId ?? '',
      privateIp: `${base[0]}.${base[1]}.${Number(base[2]) + 1}.${(j % 250) + 4}`,
      // An internet gateway carries only public addresses: the instance built to reach it has one.
      ...(PUBLIC_SUBNETS.includes(blueprint.subnet) ? { publicIp: publicIp(prng) } : {}),
      ...(profiles.length ? { instanceProfile: prng.pick(profiles) } : {}),
      expectedCauses: causesOfBlueprint(blueprint, ctx.hostManagement.enabled),
    });
  }
  instances.push({
    instanceId: `i-${prng.hex(17)}`,
    name: 'decommissioned',
    state: 'terminated',
    instanceType: 't3.micro',
    platformDetails: 'Linux/UNIX',
    launchAgeS: prng.int(2, 90) * DAY,
    expectedCauses: null,
  });
  return instances;
}

/** The NAT instance of the default VPC: no profile, in a public subnet with a public IP, not managed. */
export function natInstanceCauses(hostManagement: RegionFleet['hostManagement']): UnmanagedCause[] {
  return causesOfBlueprint({ state: 'running', profile: 'none', subnet: 'default-public' }, hostManagement.enabled);
}
