import { describe, expect, it } from 'vitest';
import { buildNetworkFacts, classifyRoute, type Ec2RouteTableShape } from './network';

const instance = { InstanceId: 'i-1', VpcId: 'vpc-1', SubnetId: 'subnet-private', PublicIpAddress: undefined };

const mainTable: Ec2RouteTableShape = {
  RouteTableId: 'rtb-main',
  VpcId: 'vpc-1',
  Associations: [{ Main: true }],
  Routes: [
    { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
    { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
  ],
};
const privateTable: Ec2RouteTableShape = {
  RouteTableId: 'rtb-private',
  VpcId: 'vpc-1',
  Associations: [{ Main: false, SubnetId: 'subnet-private' }],
  Routes: [
    { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
    { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
    { DestinationPrefixListId: 'pl-61a54008', GatewayId: 'vpce-s3', State: 'active' },
  ],
};
const otherVpcMain: Ec2RouteTableShape = { RouteTableId: 'rtb-other', VpcId: 'vpc-2', Associations: [{ Main: true }], Routes: [] };

describe('buildNetworkFacts', () => {
  it("uses the subnet's explicit association", () => {
    const facts = buildNetworkFacts(instance, [otherVpcMain, mainTable, privateTable], []);
    expect(facts).toMatchObject({ routeTableId: 'rtb-private', mainRouteTable: false, subnetId: 'subnet-private', vpcId: 'vpc-1' });
    expect(facts.routes.map((route) => [route.destination, route.target, route.targetId])).toEqual([
      ['10.0.0.0/16', 'local', 'local'],
      ['0.0.0.0/0', 'nat-gateway', 'nat-1'],
      ['pl-61a54008', 'vpc-endpoint', 'vpce-s3'],
    ]);
  });

  it("falls back to the main table of the instance's VPC", () => {
    const facts = buildNetworkFacts(
      { ...instance, SubnetId: 'subnet-public', PublicIpAddress: '203.0.113.10' },
      [otherVpcMain, mainTable, privateTable],
      [],
    );
    expect(facts).toMatchObject({ routeTableId: 'rtb-main', mainRouteTable: true, publicIp: '203.0.113.10' });
  });

  it('has no routes when no table applies', () => {
    const facts = buildNetworkFacts({ ...instance, VpcId: 'vpc-9', SubnetId: 'subnet-9' }, [otherVpcMain], []);
    expect(facts.routes).toEqual([]);
    expect(facts.routeTableId).toBeUndefined();
  });

  it("keeps only the endpoints of the instance's VPC", () => {
    const facts = buildNetworkFacts(
      instance,
      [privateTable],
      [
        {
          VpcEndpointId: 'vpce-s3',
          VpcEndpointType: 'Gateway',
          VpcId: 'vpc-1',
          ServiceName: 'com.amazonaws.ap-northeast-1.s3',
          State: 'available',
          RouteTableIds: ['rtb-private'],
        },
        {
          VpcEndpointId: 'vpce-ssm',
          VpcEndpointType: 'Interface',
          VpcId: 'vpc-1',
          ServiceName: 'com.amazonaws.ap-northeast-1.ssm',
          State: 'available',
          SubnetIds: ['subnet-private'],
          PrivateDnsEnabled: true,
        },
        { VpcEndpointId: 'vpce-elsewhere', VpcEndpointType: 'Gateway', VpcId: 'vpc-2', ServiceName: 'com.amazonaws.ap-northeast-1.s3' },
      ],
    );
    expect(facts.vpcEndpoints).toEqual([
      {
        id: 'vpce-s3',
        serviceName: 'com.amazonaws.ap-northeast-1.s3',
        type: 'Gateway',
        state: 'available',
        routeTableIds: ['rtb-private'],
      },
      {
        id: 'vpce-ssm',
        serviceName: 'com.amazonaws.ap-northeast-1.ssm',
        type: 'Interface',
        state: 'available',
        subnetIds: ['subnet-private'],
        privateDnsEnabled: true,
      },
    ]);
  });
});

describe('classifyRoute', () => {
  it.each([
    [{ GatewayId: 'local' }, 'local', 'local'],
    [{ GatewayId: 'igw-0abc' }, 'igw', 'igw-0abc'],
    [{ NatGatewayId: 'nat-0abc' }, 'nat-gateway', 'nat-0abc'],
    [{ InstanceId: 'i-0nat', NetworkInterfaceId: 'eni-0nat' }, 'nat-instance', 'i-0nat'],
    [{ NetworkInterfaceId: 'eni-0nat' }, 'nat-instance', 'eni-0nat'],
    [{ GatewayId: 'vpce-0abc' }, 'vpc-endpoint', 'vpce-0abc'],
    [{ TransitGatewayId: 'tgw-0abc' }, 'transit-gateway', 'tgw-0abc'],
    [{ GatewayId: 'vgw-0abc' }, 'vpn-gateway', 'vgw-0abc'],
    [{ VpcPeeringConnectionId: 'pcx-0abc' }, 'peering', 'pcx-0abc'],
    [{ EgressOnlyInternetGatewayId: 'eigw-0abc' }, 'other', 'eigw-0abc'],
  ])('%j → %s', (route, target, targetId) => {
    expect(classifyRoute(route)).toEqual({ target, targetId });
  });
});
