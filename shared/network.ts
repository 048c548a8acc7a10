/**
 * NetworkFacts (the `network.*` rules, P3 and P4) from EC2 data shaped as DescribeInstances,
 * DescribeRouteTables and DescribeVpcEndpoints return it (PascalCase, as the SDK v3 and the AWS CLI
 * give it). The input types are structural and loose so that SDK objects and parsed CLI files both fit.
 */
import type { NetworkFacts, Route, VpcEndpointFact } from './model';

export interface Ec2InstanceShape {
  InstanceId?: string | undefined;
  VpcId?: string | undefined;
  SubnetId?: string | undefined;
  PublicIpAddress?: string | undefined;
}

export interface Ec2RouteShape {
  DestinationCidrBlock?: string | undefined;
  DestinationIpv6CidrBlock?: string | undefined;
  DestinationPrefixListId?: string | undefined;
  GatewayId?: string | undefined;
  NatGatewayId?: string | undefined;
  InstanceId?: string | undefined;
  NetworkInterfaceId?: string | undefined;
  TransitGatewayId?: string | undefined;
  VpcPeeringConnectionId?: string | undefined;
  EgressOnlyInternetGatewayId?: string | undefined;
  CarrierGatewayId?: string | undefined;
  LocalGatewayId?: string | undefined;
  CoreNetworkArn?: string | undefined;
  State?: string | undefined;
}

export interface Ec2RouteTableShape {
  RouteTableId?: string | undefined;
  VpcId?: string | undefined;
  Associations?: readonly { Main?: boolean | undefined; SubnetId?: string | undefined }[] | undefined;
  Routes?: readonly Ec2RouteShape[] | undefined;
}

export interface Ec2VpcEndpointShape {
  VpcEndpointId?: string | undefined;
  VpcEndpointType?: string | undefined;
  VpcId?: string | undefined;
  ServiceName?: string | undefined;
  State?: string | undefined;
  RouteTableIds?: readonly string[] | undefined;
  SubnetIds?: readonly string[] | undefined;
  PrivateDnsEnabled?: boolean | undefined;
}

/**
 * A subnet uses the table explicitly associated with it; without one, the VPC's main table (EC2's rule).
 */
export function effectiveRouteTable(
  instance: Ec2InstanceShape,
  routeTables: readonly Ec2RouteTableShape[],
): { table: Ec2RouteTableShape; main: boolean } | undefined {
  if (!instance.SubnetId) return undefined;
  const explicit = routeTables.find((table) => table.Associations?.some((association) => association.SubnetId === instance.SubnetId));
  if (explicit) return { table: explicit, main: false };
  const main = routeTables.find((table) => table.VpcId === instance.VpcId && table.Associations?.some((association) => association.Main));
  return main ? { table: main, main: true } : undefined;
}

export function classifyRoute(route: Ec2RouteShape): Pick<Route, 'target' | 'targetId'> {
  const gateway = route.GatewayId;
  if (gateway === 'local') return { target: 'local', targetId: gateway };
  if (gateway?.startsWith('igw-')) return { target: 'igw', targetId: gateway };
  if (gateway?.startsWith('vpce-')) return { target: 'vpc-endpoint', targetId: gateway };
  if (gateway?.startsWith('vgw-')) return { target: 'vpn-gateway', targetId: gateway };
  if (route.NatGatewayId) return { target: 'nat-gateway', targetId: route.NatGatewayId };
  if (route.TransitGatewayId) return { target: 'transit-gateway', targetId: route.TransitGatewayId };
  if (route.VpcPeeringConnectionId) return { target: 'peering', targetId: route.VpcPeeringConnectionId };
  // A route to an instance (or its ENI) is how a NAT instance is wired.
  if (route.InstanceId) return { target: 'nat-instance', targetId: route.InstanceId };
  if (route.NetworkInterfaceId) return { target: 'nat-instance', targetId: route.NetworkInterfaceId };
  const other = gateway ?? route.EgressOnlyInternetGatewayId ?? route.CarrierGatewayId ?? route.LocalGatewayId ?? route.CoreNetworkArn;
  return other ? { target: 'other', targetId: other } : { target: 'other' };
}

function toRoute(route: Ec2RouteShape): Route {
  const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? '';
  return { destination, ...classifyRoute(route), ...(route.State ? { state: route.State } : {}) };
}

function toEndpoint(endpoint: Ec2VpcEndpointShape): VpcEndpointFact {
  return {
    id: endpoint.VpcEndpointId ?? '',
    serviceName: endpoint.ServiceName ?? '',
    type: endpoint.VpcEndpointType ?? '',
    ...(endpoint.State ? { state: endpoint.State } : {}),
    ...(endpoint.RouteTableIds ? { routeTableIds: [...endpoint.RouteTableIds] } : {}),
    ...(endpoint.SubnetIds ? { subnetIds: [...endpoint.SubnetIds] } : {}),
    ...(endpoint.PrivateDnsEnabled !== undefined ? { privateDnsEnabled: endpoint.PrivateDnsEnabled } : {}),
  };
}

/** The instance's network facts: its effective route table's routes and its VPC's endpoints. */
export function buildNetworkFacts(
  instance: Ec2InstanceShape,
  routeTables: readonly Ec2RouteTableShape[],
  vpcEndpoints: readonly Ec2VpcEndpointShape[],
): NetworkFacts {
  const effective = effectiveRouteTable(instance, routeTables);
  return {
    ...(instance.VpcId ? { vpcId: instance.VpcId } : {}),
    ...(instance.SubnetId ? { subnetId: instance.SubnetId } : {}),
    ...(instance.PublicIpAddress ? { publicIp: instance.PublicIpAddress } : {}),
    ...(effective?.table.RouteTableId ? { routeTableId: effective.table.RouteTableId } : {}),
    ...(effective ? { mainRouteTable: effective.main } : {}),
    routes: (effective?.table.Routes ?? []).map(toRoute),
    vpcEndpoints: vpcEndpoints.filter((endpoint) => endpoint.VpcId === instance.VpcId).map(toEndpoint),
  };
}
