/**
 * `ec2:DescribeInstances`, `DescribeRouteTables` and `DescribeVpcEndpoints` — the route from an
 * EC2 node to the patch source and S3 (P3, P4). Optional, and only read when a scope has EC2 nodes;
 * the three are one source: the rules need them together.
 */
import type { NetworkFacts } from '../../../../shared/model';
import { buildNetworkFacts, type Ec2InstanceShape, type Ec2RouteTableShape, type Ec2VpcEndpointShape } from '../../../../shared/network';
import { SOURCE_GAPS } from '../../../../shared/rules/sources';
import { ArchiveNodeFacts } from '../../store';

export const NETWORK = { action: SOURCE_GAPS.network, required: false } as const;

export interface Ec2Networking {
  instances: ReadonlyMap<string, Ec2InstanceShape>;
  routeTables: readonly Ec2RouteTableShape[];
  endpoints: readonly Ec2VpcEndpointShape[];
}

/**
 * Instances by id, from DescribeInstances reservations, added to `byId` when given. Only the
 * fields the route rules read are kept: a scope holds its instances until all its sources are
 * read, and the SDK's whole instance (tags, profile, devices) is several times larger.
 */
export function instancesById(
  reservations: Iterable<{ Instances?: readonly Ec2InstanceShape[] | undefined }>,
  byId = new Map<string, Ec2InstanceShape>(),
): Map<string, Ec2InstanceShape> {
  for (const reservation of reservations) {
    for (const { InstanceId, VpcId, SubnetId, PublicIpAddress } of reservation.Instances ?? []) {
      if (InstanceId) byId.set(InstanceId, { InstanceId, VpcId, SubnetId, PublicIpAddress });
    }
  }
  return byId;
}

/**
 * A node's network facts; null for a node EC2 does not list. Facts the export file would refuse
 * (a route or endpoint described in a way this version cannot hold) are `'unusable'`: the node's
 * network source is then an error and P3/P4 say `unknown`, so the snapshot stays exportable.
 */
export function networkFactsOf(id: string, ec2: Ec2Networking): NetworkFacts | null | 'unusable' {
  const instance = ec2.instances.get(id);
  if (!instance) return null;
  const facts = buildNetworkFacts(instance, ec2.routeTables, ec2.endpoints);
  return ArchiveNodeFacts.shape.network.safeParse(facts).success ? facts : 'unusable';
}
