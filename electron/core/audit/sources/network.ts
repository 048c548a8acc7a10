/**
 * `ec2:DescribeInstances`, `DescribeRouteTables` and `DescribeVpcEndpoints` — every EC2 instance
 * of a scope, managed or not (issue 30), and the route from it to the patch source, S3 (P3, P4)
 * and the Systems Manager endpoints. Optional; DescribeInstances is read in every regional scope,
 * also one without a managed node (a region whose instances are all unmanaged is the finding);
 * route tables and endpoints only when EC2 lists an instance that is not terminated. The three
 * are one source: the rules need them together.
 */
import { paginateDescribeInstances, paginateDescribeRouteTables, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { INSTANCE_STATES, type InstanceState } from '../../../../shared/ec2Coverage';
import type { NetworkFacts } from '../../../../shared/model';
import { buildNetworkFacts, type Ec2InstanceShape, type Ec2RouteTableShape, type Ec2VpcEndpointShape } from '../../../../shared/network';
import { ArchiveNodeFacts } from '../../store';
import { checkAbort, type CliItems, type NodeSourceModule, type SourceContext, type SourceRead, settleAll } from './source';

/**
 * What is kept of one instance: the fields the route rules read, and what an unmanaged instance
 * is stored with. A scope holds its instances until all its sources are read, and the SDK's whole
 * instance (block devices, interfaces, security groups) is several times larger.
 */
export interface Ec2Instance extends Ec2InstanceShape {
  InstanceId: string;
  /** `State.Name`, as AWS spells it (`terminated` included). */
  state?: string | undefined;
  /** The `Name` tag. */
  name?: string | undefined;
  platformDetails?: string | undefined;
  /** ISO 8601. */
  launchedAt?: string | undefined;
  /** `IamInstanceProfile.Arn`. */
  profileArn?: string | undefined;
}

export interface Ec2Networking {
  instances: ReadonlyMap<string, Ec2Instance>;
  /** Null when not read: no instance but terminated ones (the audit), or the files were not given (evaluate). */
  routes: { routeTables: readonly Ec2RouteTableShape[]; endpoints: readonly Ec2VpcEndpointShape[] } | null;
}

/** The part of an instance DescribeInstances' answer and the AWS CLI's output share (LaunchTime: a Date, or the CLI's text). */
interface InstanceAnswer extends Ec2InstanceShape {
  State?: { Name?: string | undefined } | undefined;
  Tags?: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined;
  PlatformDetails?: string | undefined;
  LaunchTime?: Date | string | undefined;
  IamInstanceProfile?: { Arn?: string | undefined } | undefined;
}

function isoTime(time: Date | string | undefined): string | undefined {
  if (time === undefined) return undefined;
  const date = typeof time === 'string' ? new Date(time) : time;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Instances by id, from DescribeInstances reservations, added to `byId` when given. */
export function instancesById(
  reservations: Iterable<{ Instances?: readonly InstanceAnswer[] | undefined }>,
  byId = new Map<string, Ec2Instance>(),
): Map<string, Ec2Instance> {
  for (const reservation of reservations) {
    for (const instance of reservation.Instances ?? []) {
      const { InstanceId, VpcId, SubnetId, PublicIpAddress } = instance;
      if (!InstanceId) continue;
      byId.set(InstanceId, {
        InstanceId,
        VpcId,
        SubnetId,
        PublicIpAddress,
        state: instance.State?.Name,
        name: instance.Tags?.find((tag) => tag.Key === 'Name')?.Value,
        platformDetails: instance.PlatformDetails,
        launchedAt: isoTime(instance.LaunchTime),
        profileArn: instance.IamInstanceProfile?.Arn,
      });
    }
  }
  return byId;
}

/**
 * An instance's state when it is accounted for: any but `terminated` (EC2 lists a terminated
 * instance for up to an hour after, API_DescribeInstances), undefined otherwise.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html
 */
export function listedState(instance: Ec2Instance): InstanceState | undefined {
  return (INSTANCE_STATES as readonly (string | undefined)[]).includes(instance.state) ? (instance.state as InstanceState) : undefined;
}

/**
 * The EC2 instances of a scope that are not managed nodes: listed (not terminated) and not in the
 * node list. An instance whose node is offline (ConnectionLost) is in the node list: a managed
 * node, not one of these.
 */
export function unmanagedOf(ec2: Ec2Networking, nodeIds: ReadonlySet<string>): Ec2Instance[] {
  return [...ec2.instances.values()].filter((instance) => listedState(instance) !== undefined && !nodeIds.has(instance.InstanceId));
}

/**
 * A node's network facts; null for a node EC2 does not list, `'not-read'` when the routes were not.
 * Facts the export file would refuse (a route or endpoint described in a way this version cannot
 * hold) are `'unusable'`: the node's network source is then an error and P3/P4 say `unknown`, so
 * the snapshot stays exportable.
 */
export function networkFactsOf(id: string, ec2: Ec2Networking): NetworkFacts | null | 'unusable' | 'not-read' {
  const instance = ec2.instances.get(id);
  if (!instance) return null;
  if (!ec2.routes) return 'not-read';
  const facts = buildNetworkFacts(instance, ec2.routes.routeTables, ec2.routes.endpoints);
  return ArchiveNodeFacts.shape.network.safeParse(facts).success ? facts : 'unusable';
}

/**
 * Asked beside the node list, whatever it holds. Every instance first, at DescribeInstances' largest page (1000; MaxResults cannot go with
 * InstanceIds, API_DescribeInstances): an empty region then costs that one call. The route
 * tables and endpoints, which need nothing from each other, are asked at once after it.
 */
async function collect(ctx: SourceContext): Promise<Ec2Networking> {
  const { clients, signal } = ctx;
  const instances = new Map<string, Ec2Instance>();
  for await (const page of paginateDescribeInstances({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 })) {
    checkAbort(signal);
    instancesById(page.Reservations ?? [], instances);
  }
  if (![...instances.values()].some((instance) => listedState(instance) !== undefined)) return { instances, routes: null };
  const [routeTables, endpoints] = await settleAll([
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
  return { instances, routes: { routeTables, endpoints } };
}

const Ec2Instance = z.object({
  InstanceId: z.string().min(1),
  VpcId: z.string().optional(),
  SubnetId: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  Placement: z.object({ AvailabilityZone: z.string().optional() }).optional(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
  State: z.object({ Name: z.string().optional() }).optional(),
  PlatformDetails: z.string().optional(),
  LaunchTime: z.string().optional(),
  IamInstanceProfile: z.object({ Arn: z.string().optional() }).optional(),
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

/** Instances alone tell which are not managed; their routes need the route tables and endpoints too. */
function readCliFiles(items: CliItems, notes: string[]): SourceRead<Ec2Networking> {
  const given = NETWORK_KINDS.filter((kind) => items.has(kind));
  if (given.length > 0 && given.length < NETWORK_KINDS.length) {
    const missing = NETWORK_KINDS.filter((kind) => !items.has(kind));
    notes.push(`network checks need ${NETWORK_KINDS.join(', ')} together; missing ${missing.join(', ')}, so network checks are unknown`);
  }
  const reservations = items.get('Reservations') as Reservation[] | undefined;
  if (!reservations) return { status: 'not_collected' };
  const routes =
    given.length === NETWORK_KINDS.length
      ? { routeTables: items.get('RouteTables') as Ec2RouteTableShape[], endpoints: items.get('VpcEndpoints') as Ec2VpcEndpointShape[] }
      : null;
  return { status: 'ok', value: { instances: instancesById(reservations), routes } };
}

function regionOf(availabilityZone: string | undefined): string {
  return /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)/.exec(availabilityZone ?? '')?.[1] ?? '';
}

/** Each instance's account and region: its reservation's OwnerId, its availability zone's region. */
export function placesOfInstances(items: CliItems): Map<string, { accountId: string; region: string }> {
  const scopes = new Map<string, { accountId: string; region: string }>();
  for (const reservation of (items.get('Reservations') ?? []) as Reservation[]) {
    for (const instance of reservation.Instances)
      scopes.set(instance.InstanceId, { accountId: reservation.OwnerId ?? '', region: regionOf(instance.Placement?.AvailabilityZone) });
  }
  return scopes;
}

/** Only an EC2 node has network facts. */
const isEc2 = (id: string) => id.startsWith('i-');

export const network: NodeSourceModule<'network', Ec2Networking> = {
  key: 'network',
  dependsOn: { on: 'scope' },
  collect,
  fromCliFiles: {
    howToSave: {
      bash: [
        'aws ec2 describe-instances --output json > instances.json        # optional: every EC2 instance; their routes with the next two',
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
    if (facts === 'not-read') return { status: 'not_collected' };
    return facts === 'unusable' ? { status: 'error' } : { network: facts, status: 'ok' };
  },
};
