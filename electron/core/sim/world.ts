/**
 * The installed fleet as the server serves it: per account × region, the SDK-shaped records
 * are built once on first use (not per request) and dates are fixed against the clock of the
 * moment the fleet was installed.
 */
import type { Instance, Reservation } from '@aws-sdk/client-ec2';
import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import type { Fleet, RegionFleet, SimAccount, SimInstance, SimNode } from './fleet';
import { INSTANCE_STATE_CODES, wireEnum } from './fleet';
import { LATEST_AGENT_VERSION } from './generateFleet';
import { MANAGED_NODE_PROFILE } from './generateUnmanaged';

export interface RegionView {
  region: string;
  fleet: RegionFleet;
  byId: Map<string, SimNode>;
  info: InstanceInformation[];
  patchStates: Map<string, InstancePatchState>;
  reservations: Reservation[];
  /** Absolute time (ms) for an age in seconds. */
  at(ageS: number): Date;
}

const SOURCE_TYPES = { ec2: 'AWS::EC2::Instance', onprem: 'AWS::SSM::ManagedInstance', greengrass: 'AWS::IoT::Thing' } as const;

function emptyRegion(region: string): RegionFleet {
  return {
    region,
    nodes: [],
    otherInstances: [],
    hostManagement: { enabled: false, modifiedAgeS: 0 },
    vpcs: [],
    subnets: [],
    routeTables: [],
    vpcEndpoints: [],
    baselines: [],
    maintenanceWindows: [],
    associations: [],
  };
}

function instanceInformation(node: SimNode, at: (ageS: number) => Date): InstanceInformation {
  const managed = node.kind !== 'ec2';
  return {
    InstanceId: node.instanceId,
    PingStatus: node.pingStatus,
    LastPingDateTime: at(node.lastPingAgeS),
    AgentVersion: node.agentVersion,
    IsLatestVersion: node.agentVersion === LATEST_AGENT_VERSION,
    ...(node.platformType ? { PlatformType: node.platformType } : {}),
    PlatformName: node.platformName,
    PlatformVersion: node.platformVersion,
    ResourceType: managed ? 'ManagedInstance' : 'EC2Instance',
    IPAddress: node.privateIp,
    ComputerName: node.computerName,
    AssociationStatus: node.associationStatus,
    LastAssociationExecutionDate: at(node.inventoryAgeS),
    LastSuccessfulAssociationExecutionDate: at(node.inventoryAgeS + (node.associationStatus === 'Success' ? 0 : 86_400)),
    SourceId: node.kind === 'greengrass' ? node.computerName : node.instanceId,
    SourceType: SOURCE_TYPES[node.kind],
    ...(managed
      ? {
          Name: node.computerName,
          IamRole: node.kind === 'greengrass' ? 'GreengrassV2TokenExchangeRole' : 'SSMServiceRole',
          ActivationId: node.kind === 'onprem' ? '5743558d-563b-4457-8682-d16c3EXAMPLE' : undefined,
          RegistrationDate: at(node.lastPingAgeS + 200 * 86_400),
        }
      : {}),
  };
}

function patchState(node: SimNode, at: (ageS: number) => Date): InstancePatchState | undefined {
  const p = node.patchState;
  if (!p) return undefined;
  return {
    InstanceId: node.instanceId,
    PatchGroup: p.patchGroup ?? '',
    BaselineId: p.baselineId,
    Operation: p.operation,
    OperationStartTime: at(p.operationAgeS + p.operationDurationS),
    OperationEndTime: at(p.operationAgeS),
    ...(p.operation === 'Install' ? { LastNoRebootInstallOperationTime: at(p.operationAgeS) } : {}),
    RebootOption: p.rebootOption,
    InstalledCount: p.installed,
    InstalledOtherCount: p.installedOther,
    InstalledPendingRebootCount: p.installedPendingReboot,
    InstalledRejectedCount: p.installedRejected,
    MissingCount: p.missing,
    FailedCount: p.failed,
    UnreportedNotApplicableCount: 0,
    NotApplicableCount: p.notApplicable,
    CriticalNonCompliantCount: p.critical,
    SecurityNonCompliantCount: p.security,
    OtherNonCompliantCount: p.other,
  };
}

/** DescribeInstances' `IamInstanceProfile`: the profile's ARN (with its path) and id, no name. */
function instanceProfileOf(account: SimAccount, name: string | undefined): Instance['IamInstanceProfile'] | undefined {
  const profile = name === undefined ? undefined : account.iam.instanceProfiles.find((p) => p.name === name);
  if (!profile) return undefined;
  return { Arn: `arn:aws:iam::${account.accountId}:instance-profile${profile.path}${profile.name}`, Id: profile.id };
}

/** The AMI billing platform EC2 reports for a node's operating system family. */
const PLATFORM_DETAILS: Record<string, string> = { RHEL: 'Red Hat Enterprise Linux', SLES: 'SUSE Linux', WindowsServer: 'Windows' };

function ec2Instance(node: SimNode, account: SimAccount, region: string, at: (ageS: number) => Date): Instance | undefined {
  const e = node.ec2;
  if (!e) return undefined;
  const windows = node.platformType === 'Windows';
  const profile = instanceProfileOf(account, MANAGED_NODE_PROFILE);
  return {
    InstanceId: node.instanceId,
    ImageId: `ami-${node.instanceId.slice(2, 19)}`,
    InstanceType: e.instanceType as Instance['InstanceType'],
    State: e.state === 'running' ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
    PrivateIpAddress: node.privateIp,
    ...(e.publicIp ? { PublicIpAddress: e.publicIp } : {}),
    SubnetId: e.subnetId,
    VpcId: e.vpcId,
    // EC2 answers `windows` (lowercase) although the SDK's union spells `Windows`.
    ...(windows ? { Platform: wireEnum<Instance['Platform']>('windows') } : {}),
    PlatformDetails: PLATFORM_DETAILS[node.family] ?? (windows ? 'Windows' : 'Linux/UNIX'),
    LaunchTime: at(node.lastPingAgeS + 30 * 86_400),
    Placement: { AvailabilityZone: `${region}a` },
    ...(profile ? { IamInstanceProfile: profile } : {}),
    Tags: [{ Key: 'Name', Value: node.computerName }, ...(node.patchGroup ? [{ Key: 'Patch Group', Value: node.patchGroup }] : [])],
  };
}

function otherInstance(other: SimInstance, account: SimAccount, region: string, at: (ageS: number) => Date): Instance {
  const profile = instanceProfileOf(account, other.instanceProfile);
  const windows = other.platformDetails.startsWith('Windows');
  return {
    InstanceId: other.instanceId,
    ImageId: `ami-${other.instanceId.slice(2, 19)}`,
    InstanceType: other.instanceType as Instance['InstanceType'],
    State: { Code: INSTANCE_STATE_CODES[other.state], Name: other.state },
    ...(other.state === 'terminated' ? { StateTransitionReason: 'User initiated' } : {}),
    ...(other.privateIp ? { PrivateIpAddress: other.privateIp } : {}),
    // Public addresses here are Elastic IPs, which stay with an instance while it is stopped.
    ...(other.publicIp ? { PublicIpAddress: other.publicIp } : {}),
    ...(other.subnetId ? { SubnetId: other.subnetId } : {}),
    ...(other.vpcId ? { VpcId: other.vpcId } : {}),
    ...(windows ? { Platform: wireEnum<Instance['Platform']>('windows') } : {}),
    PlatformDetails: other.platformDetails,
    LaunchTime: at(other.launchAgeS),
    Placement: { AvailabilityZone: `${region}a` },
    ...(profile ? { IamInstanceProfile: profile } : {}),
    ...(other.natInstance ? { SourceDestCheck: false } : {}),
    ...(other.name !== undefined ? { Tags: [{ Key: 'Name', Value: other.name }] } : {}),
  };
}

export class World {
  private readonly views = new Map<string, RegionView>();
  private readonly byAccessKey = new Map<string, SimAccount>();
  private readonly byAccountId = new Map<string, SimAccount>();

  constructor(
    readonly fleet: Fleet,
    private readonly anchorMs: number,
  ) {
    for (const account of fleet.accounts) {
      this.byAccessKey.set(account.accessKeyId, account);
      this.byAccountId.set(account.accountId, account);
    }
  }

  accountByKey(accessKeyId: string): SimAccount | undefined {
    return this.byAccessKey.get(accessKeyId);
  }

  account(accountId: string): SimAccount | undefined {
    return this.byAccountId.get(accountId);
  }

  at(ageS: number): Date {
    return new Date(this.anchorMs - ageS * 1000);
  }

  view(account: SimAccount, region: string): RegionView {
    const key = `${account.accountId}/${region}`;
    let view = this.views.get(key);
    if (!view) {
      const fleet = account.regions[region] ?? emptyRegion(region);
      const at = (ageS: number): Date => this.at(ageS);
      const patchStates = new Map<string, InstancePatchState>();
      const reservations: Reservation[] = [];
      for (const node of fleet.nodes) {
        const state = patchState(node, at);
        if (state) patchStates.set(node.instanceId, state);
        const instance = ec2Instance(node, account, region, at);
        if (instance)
          reservations.push({ ReservationId: `r-${node.instanceId.slice(2)}`, OwnerId: account.accountId, Instances: [instance] });
      }
      for (const other of fleet.otherInstances) {
        reservations.push({
          ReservationId: `r-${other.instanceId.slice(2)}`,
          OwnerId: account.accountId,
          Instances: [otherInstance(other, account, region, at)],
        });
      }
      view = {
        region,
        fleet,
        byId: new Map(fleet.nodes.map((n) => [n.instanceId, n])),
        info: fleet.nodes.map((n) => instanceInformation(n, at)),
        patchStates,
        reservations,
        at,
      };
      this.views.set(key, view);
    }
    return view;
  }
}
