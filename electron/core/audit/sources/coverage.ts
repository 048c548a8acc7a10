/**
 * The one translation of a scope's EC2 instances into what shared/ec2Coverage.ts holds (issue
 * 30), used by the audit (collectScope) and by `patch-audit evaluate` alike: the unmanaged
 * instances with the facts their causes are derived from, and the scope's coverage.
 */
import { endpointRouteOf, type PlacedUnmanagedInstance, type ScopeCoverage, type UnmanagedInstance } from '../../../../shared/ec2Coverage';
import { buildNetworkFacts } from '../../../../shared/network';
import { hostManagementIn, type ServiceSettingAnswer } from './hostManagement';
import type { RolePolicies } from './instanceRoles';
import { listedState, unmanagedOf, type Ec2Instance, type Ec2Networking } from './network';
import type { SourceRead } from './source';
import { defined, isoTime, text, token } from './awsValues';

/** What the translation reads: the coverage sources' reads, and the ids of the scope's nodes. */
export interface CoverageReads {
  network: SourceRead<Ec2Networking>;
  hostManagement: SourceRead<ServiceSettingAnswer[]>;
  instanceRoles: SourceRead<RolePolicies>;
  nodeIds: ReadonlySet<string>;
}

/** Free text AWS allows longer than the stored shape is cut, not refused (a Name tag of 300 characters is still its name). */
const clip = (value: string | undefined, max: number): string | undefined => text(value?.slice(0, max), max);

/**
 * An instance as the export file holds it (store/archiveSchema.ts `ArchiveUnmanagedInstance`):
 * a value it would refuse (a Name tag with control characters, an id that is no token) is left
 * out, as for managed nodes (awsValues.ts), or the snapshot could never be exported.
 */
function unmanagedInstance(instance: Ec2Instance, ec2: Ec2Networking, roles: SourceRead<RolePolicies>): UnmanagedInstance | undefined {
  const instanceId = token(instance.InstanceId, 64);
  const state = listedState(instance);
  if (!instanceId || !state) return undefined;
  const profileArn = text(instance.profileArn, 2048);
  const network = ec2.routes ? buildNetworkFacts(instance, ec2.routes.routeTables, ec2.routes.endpoints) : null;
  return {
    instanceId,
    state,
    ...defined({
      name: clip(instance.name, 256),
      platform: clip(instance.platformDetails, 256),
      vpcId: token(instance.VpcId, 64),
      subnetId: token(instance.SubnetId, 64),
      launchedAt: isoTime(instance.launchedAt),
      instanceProfileArn: profileArn,
    }),
    route: endpointRouteOf(network, state === 'running'),
    rolePolicy: profileArn && roles.status === 'ok' ? (roles.value.get(profileArn) ?? 'unknown') : 'unknown',
  };
}

/**
 * One scope's unmanaged instances and coverage; no coverage when its instances were not read
 * (denied, failed, or the file not given): nothing is then known of them.
 */
export function scopeCoverage(
  reads: CoverageReads,
  place: { accountId: string; region: string },
): {
  coverage?: ScopeCoverage;
  unmanaged: UnmanagedInstance[];
} {
  const { network } = reads;
  if (network.status !== 'ok') return { unmanaged: [] };
  const ec2 = network.value;
  const unmanaged = unmanagedOf(ec2, reads.nodeIds).flatMap((instance) => unmanagedInstance(instance, ec2, reads.instanceRoles) ?? []);
  const ec2Instances = [...ec2.instances.values()].filter((instance) => listedState(instance) !== undefined).length;
  return { coverage: { ec2Instances, hostManagement: hostManagementIn(reads.hostManagement, place) }, unmanaged };
}

/** The instances placed in their scope, as a snapshot holds them. */
export const placed = (unmanaged: readonly UnmanagedInstance[], place: { accountId: string; region: string }): PlacedUnmanagedInstance[] =>
  unmanaged.map((instance) => ({ ...instance, accountId: place.accountId, region: place.region }));
