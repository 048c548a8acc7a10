/**
 * Joins AWS CLI outputs into NodeFacts, by instance id. Kinds that were not given are "not collected",
 * so the checks that need them say `unknown` rather than guessing.
 *
 * The AWS CLI files carry no account or region for SSM records; both are taken from the EC2 data when
 * it is given (reservation OwnerId, the instance's availability zone), and are otherwise "".
 */
import type { InventoryApp, NodeFacts, PatchState, SourceStatus } from '../../shared/model';
import { buildNetworkFacts } from '../../shared/network';
import type { AwsCliInput, InstanceInformation, InstancePatchState, InventoryEntity, Reservation } from './awsCliFiles';

const APPLICATION_TYPE = 'AWS:Application';
/** The network rules need the instance, its route tables and the VPC's endpoints together. */
const NETWORK_KINDS = ['Reservations', 'RouteTables', 'VpcEndpoints'] as const;

function toPatchState(state: InstancePatchState): PatchState {
  const fields: PatchState = {
    baselineId: state.BaselineId,
    patchGroup: state.PatchGroup,
    operation: state.Operation,
    operationStartTime: state.OperationStartTime,
    operationEndTime: state.OperationEndTime,
    lastNoRebootInstallOperationTime: state.LastNoRebootInstallOperationTime,
    rebootOption: state.RebootOption,
    installedCount: state.InstalledCount,
    installedOtherCount: state.InstalledOtherCount,
    installedPendingRebootCount: state.InstalledPendingRebootCount,
    installedRejectedCount: state.InstalledRejectedCount,
    missingCount: state.MissingCount,
    failedCount: state.FailedCount,
    notApplicableCount: state.NotApplicableCount,
    unreportedNotApplicableCount: state.UnreportedNotApplicableCount,
    criticalNonCompliantCount: state.CriticalNonCompliantCount,
    securityNonCompliantCount: state.SecurityNonCompliantCount,
    otherNonCompliantCount: state.OtherNonCompliantCount,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as PatchState;
}

/** Python-related applications only (what the rules use); null when the node has no application inventory. */
function toInventory(entity: InventoryEntity | undefined): InventoryApp[] | null {
  const content = entity?.Data?.[APPLICATION_TYPE]?.Content;
  if (!content) return null;
  return content.flatMap((item) => {
    const name = typeof item.Name === 'string' ? item.Name : undefined;
    if (!name || !/python/i.test(name)) return [];
    return [{ name, version: typeof item.Version === 'string' ? item.Version : '' }];
  });
}

type Ec2Instance = Reservation['Instances'][number];

function regionOf(availabilityZone: string | undefined): string {
  return /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)/.exec(availabilityZone ?? '')?.[1] ?? '';
}

function byId<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [id(item), item]));
}

export interface AwsCliNodeFacts {
  facts: NodeFacts[];
  /** Why an optional source was left out (printed to stderr; the evaluation still runs). */
  notes: string[];
}

export function nodeFactsFromAwsCli(input: AwsCliInput): AwsCliNodeFacts {
  const notes: string[] = [...input.notes];
  const patchStates = byId(input.InstancePatchStates, (state) => state.InstanceId);
  const inventory = byId(input.Entities, (entity) => entity.Id);
  const ec2 = new Map<string, { instance: Ec2Instance; ownerId: string | undefined }>();
  for (const reservation of input.Reservations) {
    for (const instance of reservation.Instances) ec2.set(instance.InstanceId, { instance, ownerId: reservation.OwnerId });
  }
  const givenNetworkKinds = NETWORK_KINDS.filter((kind) => input.kinds.has(kind));
  const networkComplete = givenNetworkKinds.length === NETWORK_KINDS.length;
  if (givenNetworkKinds.length > 0 && !networkComplete) {
    const missing = NETWORK_KINDS.filter((kind) => !input.kinds.has(kind));
    notes.push(`network checks need ${NETWORK_KINDS.join(', ')} together; missing ${missing.join(', ')}, so network checks are unknown`);
  }
  const status = (given: boolean): SourceStatus => (given ? 'ok' : 'not_collected');
  const sources = {
    patchState: status(input.kinds.has('InstancePatchStates')),
    inventory: status(input.kinds.has('Entities')),
    network: status(networkComplete),
  };

  const facts = input.InstanceInformationList.map((info: InstanceInformation): NodeFacts => {
    const id = info.InstanceId;
    const onEc2 = ec2.get(id);
    const nameTag = onEc2?.instance.Tags?.find((tag) => tag.Key === 'Name')?.Value;
    const name = info.Name ?? nameTag;
    const state = patchStates.get(id);
    return {
      accountId: onEc2?.ownerId ?? '',
      region: regionOf(onEc2?.instance.Placement?.AvailabilityZone),
      instanceId: id,
      ...(name ? { name } : {}),
      ...(info.IPAddress ? { ipAddress: info.IPAddress } : {}),
      ...(info.ResourceType ? { resourceType: info.ResourceType } : {}),
      ...(info.SourceType ? { sourceType: info.SourceType } : {}),
      ...(info.PingStatus ? { pingStatus: info.PingStatus } : {}),
      ...(info.LastPingDateTime ? { lastPingAt: info.LastPingDateTime } : {}),
      ...(info.AgentVersion ? { agentVersion: info.AgentVersion } : {}),
      ...(info.IsLatestVersion !== undefined ? { isLatestVersion: info.IsLatestVersion } : {}),
      ...(info.PlatformType ? { platformType: info.PlatformType } : {}),
      ...(info.PlatformName ? { platformName: info.PlatformName } : {}),
      ...(info.PlatformVersion ? { platformVersion: info.PlatformVersion } : {}),
      ...(sources.patchState === 'ok' ? { patchState: state ? toPatchState(state) : null } : {}),
      ...(sources.inventory === 'ok' ? { inventory: toInventory(inventory.get(id)) } : {}),
      ...(networkComplete ? { network: onEc2 ? buildNetworkFacts(onEc2.instance, input.RouteTables, input.VpcEndpoints) : null } : {}),
      sources,
    };
  });
  return { facts, notes };
}
