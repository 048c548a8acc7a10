/**
 * The simulated world: accounts, their regions and what lives there. Times are stored as ages
 * in seconds so a fleet depends on its seed only; the server turns them into dates against its
 * own clock when the fleet is installed.
 */
import type { RouteTable, Subnet, Vpc, VpcEndpoint } from '@aws-sdk/client-ec2';
import type { UnmanagedCause } from '../../../shared/ec2Coverage';
import type { InventoryApp, PlatformType } from './platforms';
import { OPT_IN_REGIONS as SHARED_OPT_IN_REGIONS, REGIONS_WITHOUT_OPT_IN } from '../../../shared/awsRegions';

export type NodeKind = 'ec2' | 'onprem' | 'greengrass';

export interface SimPatchState {
  baselineId: string;
  patchGroup?: string;
  operation: 'Scan' | 'Install';
  /** Seconds between the end of the last patch operation and the fleet's clock. */
  operationAgeS: number;
  operationDurationS: number;
  rebootOption: 'RebootIfNeeded' | 'NoReboot';
  installed: number;
  installedOther: number;
  installedPendingReboot: number;
  installedRejected: number;
  missing: number;
  failed: number;
  notApplicable: number;
  /** critical + security + other = nonCompliantPatches(state), each non-compliant patch in one of the three. */
  critical: number;
  security: number;
  other: number;
}

/**
 * The patches that make a node NON_COMPLIANT, as AWS counts them. The API reference of
 * InstancePatchState (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_InstancePatchState.html):
 * CriticalNonCompliantCount and SecurityNonCompliantCount count patches that "aren't installed.
 * These patches might be missing, have failed installation, were rejected, or were installed but
 * awaiting a required managed node reboot. The status of these managed nodes is NON_COMPLIANT";
 * OtherNonCompliantCount the others that "aren't compliant with the patch baseline". So the
 * three split MISSING, FAILED, INSTALLED_REJECTED and INSTALLED_PENDING_REBOOT patches
 * (PatchComplianceData's State), never MISSING alone.
 */
export function nonCompliantPatches(p: SimPatchState): number {
  return p.missing + p.failed + p.installedPendingReboot + p.installedRejected;
}

export interface SimNode {
  instanceId: string;
  kind: NodeKind;
  computerName: string;
  privateIp: string;
  pingStatus: 'Online' | 'ConnectionLost' | 'Inactive';
  lastPingAgeS: number;
  agentVersion: string;
  platformType: PlatformType | '';
  platformName: string;
  platformVersion: string;
  /** Generator-side labels (not SSM fields) for coverage assertions. */
  family: string;
  supported: boolean;
  patchGroup?: string;
  patchState: SimPatchState | null;
  /** Installed applications (Python ones and a few others); null when the node has no inventory. */
  inventory: InventoryApp[] | null;
  inventoryAgeS: number;
  associationStatus: 'Success' | 'Failed' | 'Pending';
  /** EC2 placement; absent for on-premises and Greengrass nodes. */
  ec2?: { vpcId: string; subnetId: string; publicIp?: string; instanceType: string; state: 'running' | 'stopped' };
}

export interface SimBaseline {
  baselineId: string;
  name: string;
  operatingSystem: string;
  description: string;
  /** AWS-owned predefined baseline (ARN id) vs. one the account created. */
  owner: 'AWS' | 'Self';
  defaultBaseline: boolean;
  approveAfterDays: number;
  patchGroups: string[];
}

export interface SimMaintenanceWindow {
  windowId: string;
  name: string;
  schedule: string;
  duration: number;
  cutoff: number;
  enabled: boolean;
  tasks: {
    windowTaskId: string;
    taskArn: string;
    type: 'RUN_COMMAND';
    operation: 'Scan' | 'Install';
    priority: number;
    targetKey: string;
    targetValues: string[];
  }[];
}

export interface SimAssociation {
  associationId: string;
  name: string;
  associationName: string;
  scheduleExpression: string;
  operation: 'Scan' | 'Install';
  targetKey: string;
  targetValues: string[];
  lastExecutionAgeS: number;
  status: 'Success' | 'Failed' | 'Pending';
}

export interface RegionFleet {
  region: string;
  nodes: SimNode[];
  /** EC2 instances that are not managed nodes: the NAT instance, unmanaged instances of every cause, a terminated one. */
  otherInstances: SimInstance[];
  /** The Default Host Management Configuration of this account × region (`ssm:GetServiceSetting`). */
  hostManagement: { enabled: boolean; modifiedAgeS: number };
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  vpcEndpoints: VpcEndpoint[];
  baselines: SimBaseline[];
  maintenanceWindows: SimMaintenanceWindow[];
  associations: SimAssociation[];
}

/** DescribeInstances' `State.Name`, with its `State.Code` in `INSTANCE_STATE_CODES`. */
export type SimInstanceState = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html */
export const INSTANCE_STATE_CODES: Record<SimInstanceState, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** An EC2 instance that is not a managed node. */
export interface SimInstance {
  instanceId: string;
  /** The Name tag; absent when the instance has none. */
  name?: string;
  state: SimInstanceState;
  instanceType: string;
  /** DescribeInstances' `PlatformDetails` (`Linux/UNIX`, `Windows`, `Red Hat Enterprise Linux`…). */
  platformDetails: string;
  launchAgeS: number;
  /** Absent once terminated: EC2 no longer lists the placement of a terminated instance. */
  vpcId?: string;
  subnetId?: string;
  privateIp?: string;
  publicIp?: string;
  /** Name of one of the account's `iam.instanceProfiles`; absent without a profile. */
  instanceProfile?: string;
  /** A NAT instance forwards traffic that is not its own. */
  natInstance?: boolean;
  /**
   * Generator-side label (not an EC2 field), from how the instance was built: why it is not a
   * managed node, in `UNMANAGED_CAUSES` order; null for a terminated one, which is not accounted for.
   */
  expectedCauses: UnmanagedCause[] | null;
}

export interface SimIamRole {
  name: string;
  /** `/` or `/…/`. */
  path: string;
  id: string;
  createAgeS: number;
  /** Managed policies attached, in the order ListAttachedRolePolicies lists them. */
  attachedPolicyArns: string[];
}

export interface SimInstanceProfile {
  name: string;
  path: string;
  id: string;
  createAgeS: number;
  /** Absent for a profile whose role was removed. */
  roleName?: string;
}

export interface SimRole {
  name: string;
  /** When set, AssumeRole must carry this ExternalId (the confused-deputy guard). */
  externalId?: string;
  maxSessionDurationS: number;
}

export interface SimAccount {
  accountId: string;
  name: string;
  email: string;
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
  roles: SimRole[];
  /** Opt-in regions this account enabled. */
  optedInRegions: string[];
  /** The account's instance profiles and their roles (IAM is global: one set per account). */
  iam: { instanceProfiles: SimInstanceProfile[]; roles: SimIamRole[] };
  regions: Record<string, RegionFleet>;
}

export interface OrgAccount {
  id: string;
  name: string;
  email: string;
  status: 'ACTIVE' | 'SUSPENDED';
  joinedMethod: 'INVITED' | 'CREATED';
  joinedAgeS: number;
}

export interface Fleet {
  seed: string;
  accounts: SimAccount[];
  organization: { id: string; managementAccountId: string; accounts: OrgAccount[] };
}

/** Regions every account has (`opt-in-not-required`), and those it must enable first. */
export const DEFAULT_REGIONS: readonly string[] = REGIONS_WITHOUT_OPT_IN;
export const OPT_IN_REGIONS: readonly string[] = SHARED_OPT_IN_REGIONS;

export function isRegionEnabled(account: SimAccount, region: string): boolean {
  return DEFAULT_REGIONS.includes(region) || account.optedInRegions.includes(region);
}

/** The unmanaged instances of a region: every other instance but the terminated ones. */
export function unmanagedInstances(region: RegionFleet): SimInstance[] {
  return region.otherInstances.filter((i) => i.state !== 'terminated');
}

/** EC2 answers some enums in another case than the SDK's TypeScript unions declare. */
export const wireEnum = <T>(value: string): T => value as T;
