import { describe, expect, it } from 'vitest';
import type { NetworkFacts, Route, VpcEndpointFact } from '../model';
import { check, nodeFacts } from '../../test/unit/nodeFactsFixture';

const LOCAL: Route = { destination: '10.0.0.0/16', target: 'local', targetId: 'local', state: 'active' };
const s3Gateway: VpcEndpointFact = {
  id: 'vpce-s3',
  serviceName: 'com.amazonaws.ap-northeast-1.s3',
  type: 'Gateway',
  state: 'available',
  routeTableIds: ['rtb-1'],
};
const s3Interface: VpcEndpointFact = {
  id: 'vpce-s3i',
  serviceName: 'com.amazonaws.ap-northeast-1.s3',
  type: 'Interface',
  state: 'available',
  subnetIds: ['subnet-1'],
};
const ssmInterface: VpcEndpointFact = {
  id: 'vpce-ssm',
  serviceName: 'com.amazonaws.ap-northeast-1.ssm',
  type: 'Interface',
  state: 'available',
};

function net(defaultRoute: Partial<Route> | undefined, extra: Partial<NetworkFacts> = {}): NetworkFacts {
  const routes: Route[] = [LOCAL, ...(defaultRoute ? [{ destination: '0.0.0.0/0', target: 'other', ...defaultRoute } as Route] : [])];
  return { vpcId: 'vpc-1', subnetId: 'subnet-1', routeTableId: 'rtb-1', routes, vpcEndpoints: [], ...extra };
}

const WINDOWS = { platformType: 'Windows', platformName: 'Microsoft Windows Server 2019 Datacenter', platformVersion: '10.0.17763' };

// [topology, network facts, patch-source Linux, patch-source Windows, s3]
const TOPOLOGIES: [string, NetworkFacts, string, string, string][] = [
  ['public subnet: IGW + public IP', net({ target: 'igw', targetId: 'igw-1' }, { publicIp: '203.0.113.5' }), 'pass', 'pass', 'pass'],
  ['IGW route but no public IP', net({ target: 'igw', targetId: 'igw-1' }), 'warn', 'warn', 'fail'],
  ['private subnet: NAT gateway', net({ target: 'nat-gateway', targetId: 'nat-1' }), 'pass', 'pass', 'pass'],
  ['private subnet: NAT instance', net({ target: 'nat-instance', targetId: 'i-0nat' }), 'pass', 'pass', 'pass'],
  ['isolated subnet', net(undefined), 'warn', 'warn', 'fail'],
  ['isolated + S3 gateway endpoint', net(undefined, { vpcEndpoints: [s3Gateway] }), 'warn', 'warn', 'pass'],
  [
    'isolated + S3 gateway endpoint by its prefix-list route only',
    net(undefined, {
      routes: [LOCAL, { destination: 'pl-61a54008', target: 'vpc-endpoint', targetId: 'vpce-s3', state: 'active' }],
      vpcEndpoints: [{ ...s3Gateway, routeTableIds: [] }],
    }),
    'warn',
    'warn',
    'pass',
  ],
  [
    'isolated + S3 gateway endpoint on another route table',
    net(undefined, { vpcEndpoints: [{ ...s3Gateway, routeTableIds: ['rtb-other'] }] }),
    'warn',
    'warn',
    'fail',
  ],
  ['isolated + S3 interface endpoint', net(undefined, { vpcEndpoints: [s3Interface, ssmInterface] }), 'warn', 'warn', 'pass'],
  [
    'isolated + pending S3 interface endpoint',
    net(undefined, { vpcEndpoints: [{ ...s3Interface, state: 'pending' }] }),
    'warn',
    'warn',
    'fail',
  ],
  ['isolated + only an SSM endpoint', net(undefined, { vpcEndpoints: [ssmInterface] }), 'warn', 'warn', 'fail'],
  [
    'isolated + S3 interface endpoint without private DNS',
    net(undefined, { vpcEndpoints: [{ ...s3Interface, privateDnsEnabled: false }] }),
    'warn',
    'warn',
    'fail',
  ],
  [
    'isolated + S3 interface endpoint with private DNS',
    net(undefined, { vpcEndpoints: [{ ...s3Interface, privateDnsEnabled: true }] }),
    'warn',
    'warn',
    'pass',
  ],
  ['default route to a transit gateway', net({ target: 'transit-gateway', targetId: 'tgw-1' }), 'warn', 'warn', 'warn'],
  ['default route to a VPN gateway', net({ target: 'vpn-gateway', targetId: 'vgw-1' }), 'warn', 'warn', 'warn'],
  [
    'transit gateway + S3 gateway endpoint',
    net({ target: 'transit-gateway', targetId: 'tgw-1' }, { vpcEndpoints: [s3Gateway] }),
    'warn',
    'warn',
    'pass',
  ],
  ['blackhole NAT route', net({ target: 'nat-gateway', targetId: 'nat-gone', state: 'blackhole' }), 'warn', 'warn', 'fail'],
];

describe('network.patch-source (P3) and network.s3 (P4)', () => {
  it.each(TOPOLOGIES)('%s', (_name, network, linux, windows, s3) => {
    expect(check(nodeFacts({ network }), 'network.patch-source').status).toBe(linux);
    expect(check(nodeFacts({ ...WINDOWS, network }), 'network.patch-source').status).toBe(windows);
    expect(check(nodeFacts({ network }), 'network.s3').status).toBe(s3);
  });

  it('names what it saw: route target, endpoint, route table', () => {
    const nat = check(nodeFacts({ network: net({ target: 'nat-gateway', targetId: 'nat-1', state: 'active' }) }), 'network.patch-source');
    expect(nat).toMatchObject({
      code: 'network.patch-source.internet',
      params: { via_en: 'NAT gateway', targetId: 'nat-1' },
      evidence: { defaultRoute: 'nat-gateway nat-1 active', routeTableId: 'rtb-1' },
    });
    const endpoint = check(nodeFacts({ network: net(undefined, { vpcEndpoints: [s3Gateway] }) }), 'network.s3');
    expect(endpoint).toMatchObject({ code: 'network.s3.gateway-endpoint', params: { endpointId: 'vpce-s3', routeTableId: 'rtb-1' } });
    expect(check(nodeFacts({ network: net(undefined) }), 'network.s3')).toMatchObject({
      code: 'network.s3.no-route',
      params: { routeTableId: 'rtb-1' },
    });
  });

  it('names the missing public IP, not a missing route, when the subnet routes to an internet gateway', () => {
    const network = net({ target: 'igw', targetId: 'igw-1' });
    for (const facts of [nodeFacts({ network }), nodeFacts({ ...WINDOWS, network })]) {
      expect(check(facts, 'network.patch-source')).toMatchObject({
        code: 'network.patch-source.igw-no-public-ip',
        params: { subnetId: 'subnet-1', targetId: 'igw-1' },
      });
    }
    expect(check(nodeFacts({ network }), 'network.s3')).toMatchObject({
      code: 'network.s3.igw-no-public-ip',
      params: { routeTableId: 'rtb-1', targetId: 'igw-1' },
    });
  });

  it('says an S3 interface endpoint without private DNS is not used, and how to fix it', () => {
    const network = net(undefined, { vpcEndpoints: [{ ...s3Interface, privateDnsEnabled: false }] });
    expect(check(nodeFacts({ network }), 'network.s3')).toMatchObject({
      code: 'network.s3.interface-no-private-dns',
      params: { endpointId: 'vpce-s3i', routeTableId: 'rtb-1' },
    });
  });

  it('points Windows at WSUS and Linux at its repositories when there is no internet route', () => {
    expect(check(nodeFacts({ ...WINDOWS, network: net(undefined) }), 'network.patch-source').code).toBe(
      'network.patch-source.no-internet-windows',
    );
    expect(check(nodeFacts({ network: net(undefined) }), 'network.patch-source').code).toBe('network.patch-source.no-internet');
  });

  it.each([
    [
      'on-premises node (mi-)',
      { instanceId: 'mi-0123456789abcdef0', resourceType: 'ManagedInstance', sourceType: 'AWS::SSM::ManagedInstance', network: null },
      'network.not-ec2',
    ],
    [
      'Greengrass core device',
      { sourceType: 'AWS::IoT::Thing', resourceType: 'ManagedInstance', instanceId: 'mi-0aaaaaaaaaaaaaaaa' },
      'network.not-ec2',
    ],
    ['EC2 node missing from the EC2 data', { network: null }, 'network.no-facts'],
    ['EC2 data denied', { network: null, sources: { patchState: 'ok', inventory: 'ok', network: 'denied' } }, 'source.denied'],
    [
      'EC2 data not collected',
      { network: undefined, sources: { patchState: 'ok', inventory: 'ok', network: 'not_collected' } },
      'source.not-collected',
    ],
    ['EC2 data failed', { sources: { patchState: 'ok', inventory: 'ok', network: 'error' } }, 'source.error'],
  ] as const)('%s → unknown', (_name, overrides, code) => {
    const facts = nodeFacts(overrides);
    expect(check(facts, 'network.patch-source')).toMatchObject({ status: 'unknown', code });
    expect(check(facts, 'network.s3')).toMatchObject({ status: 'unknown', code });
  });
});
