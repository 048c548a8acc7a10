/**
 * `ec2:DescribeInstances`, `DescribeRouteTables` and `DescribeVpcEndpoints` — the route from an
 * EC2 node to the patch source and S3 (P3, P4). Optional, and only read when a scope has EC2 nodes;
 * the three are one source: the rules need them together.
 */
import { paginateDescribeInstances, paginateDescribeRouteTables, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import type { NetworkFacts } from '../../../../shared/model';
import { buildNetworkFacts, type Ec2InstanceShape, type Ec2RouteTableShape, type Ec2VpcEndpointShape } from '../../../../shared/network';
import { ArchiveNodeFacts } from '../../store';
import { checkAbort, type CliItems, type NodeSourceModule, type SourceContext, type SourceRead, settleAll } from './source';

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

/** The three listings need nothing from one another: asked at once, they cost one round trip. */
async function collect(ctx: SourceContext): Promise<Ec2Networking> {
  const { clients, signal } = ctx;
  const [instances, routeTables, endpoints] = await settleAll([
    (async () => {
      const byId = new Map<string, Ec2InstanceShape>();
      for await (const page of paginateDescribeInstances({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 })) {
        checkAbort(signal);
        instancesById(page.Reservations ?? [], byId);
      }
      return byId;
    })(),
    (async () => {
      const found: Ec2RouteTableShape[] = [];
      for await (const page of paginateDescribeRouteTables({ client: clients.ec2, pageSize: 100 }, { MaxResults: 100 }))
        found.push(...(page.RouteTables ?? []));
      return found;
    })(),
    (async () => {
      const found: Ec2VpcEndpointShape[] = [];
      for await (const page of paginateDescribeVpcEndpoints({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 }))
        found.push(...(page.VpcEndpoints ?? []));
      return found;
    })(),
  ]);
  return { instances, routeTables, endpoints };
}

const Ec2Instance = z.object({
  InstanceId: z.string().min(1),
  VpcId: z.string().optional(),
  SubnetId: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  Placement: z.object({ AvailabilityZone: z.string().optional() }).optional(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
});
/** One reservation of `aws ec2 describe-instances` output. */
const Reservation = z.object({ OwnerId: z.string().optional(), Instances: z.array(Ec2Instance).default([]) });
type Reservation = z.infer<typeof Reservation>;

const Ec2Route = z.object({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  CarrierGatewayId: z.string().optional(),
  LocalGatewayId: z.string().optional(),
  CoreNetworkArn: z.string().optional(),
  State: z.string().optional(),
});
/** One route table of `aws ec2 describe-route-tables` output. */
const RouteTable = z.object({
  RouteTableId: z.string().min(1),
  VpcId: z.string().optional(),
  Associations: z.array(z.object({ Main: z.boolean().optional(), SubnetId: z.string().optional() })).default([]),
  Routes: z.array(Ec2Route).default([]),
});
/** One endpoint of `aws ec2 describe-vpc-endpoints` output. */
const VpcEndpoint = z.object({
  VpcEndpointId: z.string().min(1),
  VpcEndpointType: z.string().optional(),
  VpcId: z.string().optional(),
  ServiceName: z.string().optional(),
  State: z.string().optional(),
  RouteTableIds: z.array(z.string()).optional(),
  SubnetIds: z.array(z.string()).optional(),
  PrivateDnsEnabled: z.boolean().optional(),
});

/** The network rules need the instance, its route tables and the VPC's endpoints together. */
const NETWORK_KINDS = ['Reservations', 'RouteTables', 'VpcEndpoints'] as const;

function readCliFiles(items: CliItems, notes: string[]): SourceRead<Ec2Networking> {
  const given = NETWORK_KINDS.filter((kind) => items.has(kind));
  if (given.length > 0 && given.length < NETWORK_KINDS.length) {
    const missing = NETWORK_KINDS.filter((kind) => !items.has(kind));
    notes.push(`network checks need ${NETWORK_KINDS.join(', ')} together; missing ${missing.join(', ')}, so network checks are unknown`);
  }
  if (given.length < NETWORK_KINDS.length) return { status: 'not_collected' };
  return {
    status: 'ok',
    value: {
      instances: instancesById(items.get('Reservations') as Reservation[]),
      routeTables: items.get('RouteTables') as Ec2RouteTableShape[],
      endpoints: items.get('VpcEndpoints') as Ec2VpcEndpointShape[],
    },
  };
}

function regionOf(availabilityZone: string | undefined): string {
  return /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)/.exec(availabilityZone ?? '')?.[1] ?? '';
}

/** Each instance's account and region: its reservation's OwnerId, its availability zone's region. */
function placesOfInstances(items: CliItems): Map<string, { accountId: string; region: string }> {
  const scopes = new Map<string, { accountId: string; region: string }>();
  for (const reservation of (items.get('Reservations') ?? []) as Reservation[]) {
    for (const instance of reservation.Instances)
      scopes.set(instance.InstanceId, { accountId: reservation.OwnerId ?? '', region: regionOf(instance.Placement?.AvailabilityZone) });
  }
  return scopes;
}

/** EC2 networking only matters when some node is an EC2 instance. */
const isEc2 = (id: string) => id.startsWith('i-');

export const network: NodeSourceModule<'network', Ec2Networking> = {
  key: 'network',
  dependsOn: { on: 'nodes', wants: (node) => isEc2(node.instanceId) },
  collect,
  fromCliFiles: {
    howToSave: {
      bash: [
        'aws ec2 describe-instances --output json > instances.json        # optional, with the next two',
        'aws ec2 describe-route-tables --output json > route-tables.json',
        'aws ec2 describe-vpc-endpoints --output json > vpc-endpoints.json',
      ],
      powershell: [
        'aws ec2 describe-instances --output json > instances.json',
        'aws ec2 describe-route-tables --output json > route-tables.json',
        'aws ec2 describe-vpc-endpoints --output json > vpc-endpoints.json',
      ],
    },
    kinds: {
      Reservations: {
        command: 'aws ec2 describe-instances',
        item: Reservation,
        identity: (item: Reservation) => item.Instances.map((instance) => instance.InstanceId).join(','),
      },
      RouteTables: {
        command: 'aws ec2 describe-route-tables',
        item: RouteTable,
        identity: (item: { RouteTableId: string }) => item.RouteTableId,
      },
      VpcEndpoints: {
        command: 'aws ec2 describe-vpc-endpoints',
        item: VpcEndpoint,
        identity: (item: { VpcEndpointId: string }) => item.VpcEndpointId,
      },
    },
    read: readCliFiles,
    places: placesOfInstances,
  },
  toFacts: (node, read) => {
    if (!isEc2(node.instanceId)) return { status: 'not_collected' };
    if (read.status !== 'ok') return { status: read.status };
    const facts = networkFactsOf(node.instanceId, read.value);
    return facts === 'unusable' ? { status: 'error' } : { network: facts, status: 'ok' };
  },
};
