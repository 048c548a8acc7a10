/** EC2 (ec2Query): regions and the networking facts behind the `network.*` rules (P3, P4). */
import type {
  DescribeInstancesRequest,
  DescribeRegionsRequest,
  DescribeRouteTablesRequest,
  DescribeSubnetsRequest,
  DescribeVpcEndpointsRequest,
  Filter,
  Instance,
  Region,
  RouteTable,
  Subnet,
  Tag,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type { Handler, HandlerContext } from './context';
import { validation } from './context';
import { SimError } from './errors';
import { wildcardMatch } from './faults';
import { DEFAULT_REGIONS, OPT_IN_REGIONS, isRegionEnabled } from './fleet';

type Field<T> = (item: T) => string | boolean | number | undefined | (string | undefined)[];

const tagsOf = (item: object): Tag[] => ('Tags' in item && Array.isArray(item.Tags) ? (item.Tags as Tag[]) : []);

/** EC2 filters: every filter must match; any of its values may (with `*` / `?` wildcards). */
function applyFilters<T extends { Tags?: Tag[] } | Region>(
  ctx: HandlerContext,
  items: readonly T[],
  filters: Filter[] | undefined,
  fields: Record<string, Field<T>>,
): T[] {
  const compiled = (filters ?? []).map((f) => {
    const name = f.Name ?? '';
    const values = f.Values ?? [];
    let field: Field<T> | undefined = fields[name];
    if (!field && name.startsWith('tag:')) field = (item) => tagsOf(item).find((t) => t.Key === name.slice(4))?.Value;
    if (!field && name === 'tag-key') field = (item) => tagsOf(item).map((t) => t.Key);
    if (!field) throw validation(ctx.service, `The filter '${name}' is invalid`);
    const get = field;
    return (item: T): boolean => {
      const raw = get(item);
      const actual = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined).map(String);
      return values.some((v) => actual.some((a) => wildcardMatch(v.replaceAll('?', '*'), a)));
    };
  });
  return compiled.length ? items.filter((item) => compiled.every((test) => test(item))) : [...items];
}

function byIds<T>(items: T[], ids: string[] | undefined, id: (item: T) => string | undefined, notFound: string, label: string): T[] {
  if (!ids?.length) return items;
  const missing = ids.find((x) => !items.some((item) => id(item) === x));
  if (missing) throw new SimError(notFound, `The ${label} '${missing}' does not exist`);
  return items.filter((item) => ids.includes(id(item) ?? ''));
}

const describeRegions: Handler = (raw, ctx) => {
  const input = raw as DescribeRegionsRequest;
  const account = ctx.caller.account;
  let regions: Region[] = [...DEFAULT_REGIONS, ...OPT_IN_REGIONS].map((name) => ({
    RegionName: name,
    Endpoint: `ec2.${name}.amazonaws.com`,
    OptInStatus: DEFAULT_REGIONS.includes(name) ? 'opt-in-not-required' : isRegionEnabled(account, name) ? 'opted-in' : 'not-opted-in',
  }));
  if (!input.AllRegions) regions = regions.filter((r) => r.OptInStatus !== 'not-opted-in');
  if (input.RegionNames?.length) {
    const unknown = input.RegionNames.find((n) => !regions.some((r) => r.RegionName === n));
    if (unknown) throw new SimError('InvalidParameterValue', `Invalid region: ${unknown}`);
    regions = regions.filter((r) => input.RegionNames?.includes(r.RegionName ?? ''));
  }
  const filtered = applyFilters<Region>(ctx, regions, input.Filters, {
    'region-name': (r) => r.RegionName,
    endpoint: (r) => r.Endpoint,
    'opt-in-status': (r) => r.OptInStatus,
  });
  return { Regions: filtered };
};

const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

const describeInstances: Handler = (raw, ctx) => {
  const input = raw as DescribeInstancesRequest;
  if (input.InstanceIds?.length && input.MaxResults !== undefined) {
    throw new SimError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  const malformed = input.InstanceIds?.find((id) => !INSTANCE_ID.test(id));
  if (malformed) throw new SimError('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`);
  const view = ctx.view();
  const all = view.reservations.flatMap((r) => r.Instances ?? []);
  const missing = input.InstanceIds?.find((id) => !all.some((i) => i.InstanceId === id));
  if (missing) throw new SimError('InvalidInstanceID.NotFound', `The instance ID '${missing}' does not exist`);
  const matched = new Set(
    applyFilters<Instance>(ctx, all, input.Filters, {
      'instance-id': (i) => i.InstanceId,
      'vpc-id': (i) => i.VpcId,
      'subnet-id': (i) => i.SubnetId,
      'instance-state-name': (i) => i.State?.Name,
      'instance-type': (i) => i.InstanceType,
      'private-ip-address': (i) => i.PrivateIpAddress,
      'ip-address': (i) => i.PublicIpAddress,
      platform: (i) => i.Platform,
      'availability-zone': (i) => i.Placement?.AvailabilityZone,
    }).filter((i) => !input.InstanceIds?.length || input.InstanceIds.includes(i.InstanceId ?? '')),
  );
  const reservations = view.reservations
    .map((r) => ({ ...r, Instances: (r.Instances ?? []).filter((i) => matched.has(i)) }))
    .filter((r) => r.Instances.length > 0);
  const { items, nextToken } = ctx.page(reservations, input, { min: 5, max: 1000, default: Number.MAX_SAFE_INTEGER });
  return { Reservations: items, NextToken: nextToken };
};

const describeSubnets: Handler = (raw, ctx) => {
  const input = raw as DescribeSubnetsRequest;
  const subnets = byIds(ctx.view().fleet.subnets, input.SubnetIds, (s) => s.SubnetId, 'InvalidSubnetID.NotFound', 'subnet ID');
  const filtered = applyFilters<Subnet>(ctx, subnets, input.Filters, {
    'subnet-id': (s) => s.SubnetId,
    'vpc-id': (s) => s.VpcId,
    'availability-zone': (s) => s.AvailabilityZone,
    'cidr-block': (s) => s.CidrBlock,
    'default-for-az': (s) => s.DefaultForAz,
    'map-public-ip-on-launch': (s) => s.MapPublicIpOnLaunch,
    state: (s) => s.State,
    'owner-id': (s) => s.OwnerId,
  });
  const { items, nextToken } = ctx.page(filtered, input, { min: 5, max: 1000, default: Number.MAX_SAFE_INTEGER });
  return { Subnets: items, NextToken: nextToken };
};

const describeRouteTables: Handler = (raw, ctx) => {
  const input = raw as DescribeRouteTablesRequest;
  const tables = byIds(
    ctx.view().fleet.routeTables,
    input.RouteTableIds,
    (t) => t.RouteTableId,
    'InvalidRouteTableID.NotFound',
    'routeTable ID',
  );
  const routes = (t: RouteTable) => t.Routes ?? [];
  const filtered = applyFilters<RouteTable>(ctx, tables, input.Filters, {
    'route-table-id': (t) => t.RouteTableId,
    'vpc-id': (t) => t.VpcId,
    'owner-id': (t) => t.OwnerId,
    'association.subnet-id': (t) => (t.Associations ?? []).map((a) => a.SubnetId),
    'association.main': (t) => String((t.Associations ?? []).some((a) => a.Main)),
    'association.route-table-association-id': (t) => (t.Associations ?? []).map((a) => a.RouteTableAssociationId),
    'route.destination-cidr-block': (t) => routes(t).map((r) => r.DestinationCidrBlock),
    'route.destination-prefix-list-id': (t) => routes(t).map((r) => r.DestinationPrefixListId),
    'route.gateway-id': (t) => routes(t).map((r) => r.GatewayId),
    'route.nat-gateway-id': (t) => routes(t).map((r) => r.NatGatewayId),
    'route.instance-id': (t) => routes(t).map((r) => r.InstanceId),
    'route.transit-gateway-id': (t) => routes(t).map((r) => r.TransitGatewayId),
    'route.vpc-peering-connection-id': (t) => routes(t).map((r) => r.VpcPeeringConnectionId),
    'route.state': (t) => routes(t).map((r) => r.State),
  });
  const { items, nextToken } = ctx.page(filtered, input, { min: 5, max: 100, default: Number.MAX_SAFE_INTEGER });
  return { RouteTables: items, NextToken: nextToken };
};

const describeVpcEndpoints: Handler = (raw, ctx) => {
  const input = raw as DescribeVpcEndpointsRequest;
  const endpoints = byIds(
    ctx.view().fleet.vpcEndpoints,
    input.VpcEndpointIds,
    (e) => e.VpcEndpointId,
    'InvalidVpcEndpointId.NotFound',
    'VPC endpoint ID',
  );
  const filtered = applyFilters<VpcEndpoint>(ctx, endpoints, input.Filters, {
    'vpc-endpoint-id': (e) => e.VpcEndpointId,
    'vpc-id': (e) => e.VpcId,
    'service-name': (e) => e.ServiceName,
    'vpc-endpoint-state': (e) => e.State,
    'vpc-endpoint-type': (e) => e.VpcEndpointType,
  });
  const { items, nextToken } = ctx.page(filtered, input, { min: 1, max: 1000, default: 1000 });
  return { VpcEndpoints: items, NextToken: nextToken };
};

export const EC2_OPERATIONS: Record<string, Handler> = {
  DescribeRegions: describeRegions,
  DescribeInstances: describeInstances,
  DescribeSubnets: describeSubnets,
  DescribeRouteTables: describeRouteTables,
  DescribeVpcEndpoints: describeVpcEndpoints,
};
