/**
 * The installed fleet as the server serves it: per account × region, the SDK-shaped records
 * are built once on first use (not per request) and dates are fixed against the clock of the
 * moment the fleet was installed.
 */
import type { Instance, Reservation } from '@aws-sdk/client-ec2';
import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import type { Fleet, RegionFleet, SimAccount, SimNode } from './fleet';
import { wireEnum } from './fleet';
import { LATEST_AGENT_VERSION } from './generateFleet';

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

function ec2Instance(node: SimNode, region: string, at: (ageS: number) => Date): Instance | undefined {
  const e = node.ec2;
  if (!e) return undefined;
  const windows = node.platformType === 'Windows';
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
    PlatformDetails: windows ? 'Windows' : 'Linux/UNIX',
    LaunchTime: at(node.lastPingAgeS + 30 * 86_400),
    Placement: { AvailabilityZone: `${region}a` },
    IamInstanceProfile: { Arn: 'arn:aws:iam::instance-profile/AmazonSSMRoleForInstancesQuickSetup', Id: 'AIPAEXAMPLE' },
    Tags: [{ Key: 'Name', Value: node.computerName }, ...(node.patchGroup ? [{ Key: 'Patch Group', Value: node.patchGroup }] : [])],
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
        const instance = ec2Instance(node, region, at);
        if (instance)
          reservations.push({ ReservationId: `r-${node.instanceId.slice(2)}`, OwnerId: account.accountId, Instances: [instance] });
      }
      for (const other of fleet.otherInstances) {
        reservations.push({
          ReservationId: `r-${other.instanceId.slice(2)}`,
          OwnerId: account.accountId,
          Instances: [
            {
              InstanceId: other.instanceId,
              InstanceType: 't3.nano',
              State: { Code: 16, Name: 'running' },
              SubnetId: other.subnetId,
              VpcId: other.vpcId,
              PublicIpAddress: other.publicIp,
              SourceDestCheck: false,
              PlatformDetails: 'Linux/UNIX',
              Tags: [{ Key: 'Name', Value: other.name }],
            },
          ],
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
