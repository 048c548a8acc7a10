import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAUSE_TEXT,
  causesOf,
  endpointRouteOf,
  EndpointRoute,
  HostManagement,
  hostManagementOf,
  INSTANCE_STATES,
  isSsmInstancePolicy,
  RolePolicy,
  UNCHECKED_TEXT,
  UNMANAGED_CAUSES,
  userGuideUrl,
  type UnmanagedInstance,
} from './ec2Coverage';
import type { NetworkFacts, Route, VpcEndpointFact } from './model';

const instance = fc.record(
  {
    instanceId: fc.constant('i-0123456789abcdef0'),
    state: fc.constantFrom(...INSTANCE_STATES),
    instanceProfileArn: fc.option(fc.constant('arn:aws:iam::111122223333:instance-profile/web'), { nil: undefined }),
    route: fc.constantFrom(...EndpointRoute.options),
    rolePolicy: fc.constantFrom(...RolePolicy.options),
  },
  { requiredKeys: ['instanceId', 'state', 'route', 'rolePolicy'] },
) satisfies fc.Arbitrary<UnmanagedInstance>;

describe('the causes of an unmanaged instance', () => {
  it('are never empty, in the order a reader acts on them, and "not determined" only when nothing else is found', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom(...HostManagement.options), (i, hostManagement) => {
        const { causes, unchecked } = causesOf(i, hostManagement);
        expect(causes.length).toBeGreaterThan(0);
        expect(causes).toEqual(UNMANAGED_CAUSES.filter((c) => causes.includes(c)));
        expect(causes.includes('notDetermined')).toBe(causes.length === 1 && causes[0] === 'notDetermined');
        expect(causes.includes('stopped')).toBe(i.state !== 'running');
        // Host management matters only without a profile; off is a cause, unknown is a check not made, never "off".
        expect(causes.includes('noProfile')).toBe(i.instanceProfileArn === undefined && hostManagement === 'off');
        expect(unchecked.includes('hostManagement')).toBe(i.instanceProfileArn === undefined && hostManagement === 'unknown');
        expect(causes.includes('roleWithoutPolicy')).toBe(i.instanceProfileArn !== undefined && i.rolePolicy === 'missing');
        expect(causes.includes('noRoute')).toBe(i.route === 'no');
        expect(unchecked.includes('route')).toBe(i.route === 'unknown' || i.route === 'indirect');
      }),
    );
  });

  it('have a label, a meaning and what to do in both languages, with AWS pages in each', () => {
    for (const cause of UNMANAGED_CAUSES) {
      const text = CAUSE_TEXT[cause];
      for (const t of [text.label, text.detail, text.todo]) expect(t.en && t.ja).toBeTruthy();
      expect(text.docs.length).toBeGreaterThan(0);
      for (const page of text.docs) {
        expect(userGuideUrl(page, 'en')).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/systems-manager\/latest\/userguide\/[a-z-]+\.html$/);
        expect(userGuideUrl(page, 'ja')).toContain('/ja_jp/systems-manager/');
      }
    }
    for (const t of Object.values(UNCHECKED_TEXT)) expect(t.en && t.ja).toBeTruthy();
  });
});

describe('the managed policies that let an instance register', () => {
  it('are known by name in every partition, and no other policy is', () => {
    expect(isSsmInstancePolicy('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore')).toBe(true);
    expect(isSsmInstancePolicy('arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore')).toBe(true);
    expect(isSsmInstancePolicy('arn:aws-us-gov:iam::aws:policy/service-role/AmazonEC2RoleforSSM')).toBe(true);
    expect(isSsmInstancePolicy('arn:aws:iam::111122223333:policy/AmazonSSMManagedInstanceCore')).toBe(false);
    expect(isSsmInstancePolicy('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')).toBe(false);
    expect(isSsmInstancePolicy(undefined)).toBe(false);
  });
});

describe('Default Host Management Configuration', () => {
  it('is on when the setting names a role, off when AWS reports $None, unknown when not read', () => {
    expect(hostManagementOf('service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole')).toBe('on');
    expect(hostManagementOf('$None')).toBe('off');
    expect(hostManagementOf('')).toBe('off');
    expect(hostManagementOf(undefined)).toBe('unknown');
  });
});

describe('the route to the Systems Manager endpoints', () => {
  const route = (target: Route['target'], state?: string): Route => ({ destination: '0.0.0.0/0', target, ...(state ? { state } : {}) });
  const endpoint = (service: string, extra: Partial<VpcEndpointFact> = {}): VpcEndpointFact => ({
    id: `vpce-${service}`,
    serviceName: `com.amazonaws.eu-west-1.${service}`,
    type: 'Interface',
    state: 'available',
    privateDnsEnabled: true,
    ...extra,
  });
  const network = (routes: Route[], vpcEndpoints: VpcEndpointFact[] = [], publicIp?: string): NetworkFacts => ({
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    routeTableId: 'rtb-1',
    routes,
    vpcEndpoints,
    ...(publicIp ? { publicIp } : {}),
  });

  it('is there through a NAT, an internet gateway with a public IP, or the ssm and ssmmessages interface endpoints', () => {
    expect(endpointRouteOf(network([route('nat-gateway')]))).toBe('yes');
    expect(endpointRouteOf(network([route('igw')], [], '203.0.113.10'))).toBe('yes');
    expect(endpointRouteOf(network([], [endpoint('ssm'), endpoint('ssmmessages')]))).toBe('yes');
  });

  it('is not there without a default route or endpoints, or through an internet gateway without a public IP', () => {
    expect(endpointRouteOf(network([]))).toBe('no');
    expect(endpointRouteOf(network([route('igw')]))).toBe('no');
    expect(endpointRouteOf(network([route('nat-gateway', 'blackhole')]))).toBe('no');
    // One endpoint of the two, or endpoints the agent's DNS names do not reach, do not make a route.
    expect(endpointRouteOf(network([], [endpoint('ssm')]))).toBe('no');
    expect(endpointRouteOf(network([], [endpoint('ssm'), endpoint('ssmmessages', { privateDnsEnabled: false })]))).toBe('no');
    expect(endpointRouteOf(network([], [endpoint('ssm'), endpoint('ssmmessages', { state: 'pending' })]))).toBe('no');
  });

  it('cannot be told through another network, nor without the network facts', () => {
    expect(endpointRouteOf(network([route('transit-gateway')]))).toBe('indirect');
    // A hub-and-spoke VPC reaches shared endpoints through a route that is not the default one.
    expect(endpointRouteOf(network([{ destination: '10.0.0.0/8', target: 'transit-gateway', targetId: 'tgw-1' }]))).toBe('indirect');
    // Without its subnet's route table the routes were not seen.
    expect(endpointRouteOf({ ...network([]), routeTableId: undefined })).toBe('unknown');
    // A stopped instance released its auto-assigned public IP: started, it may reach the internet gateway again.
    expect(endpointRouteOf(network([route('igw')]), false)).toBe('unknown');
    expect(endpointRouteOf(network([route('igw')]), true)).toBe('no');
    expect(endpointRouteOf(null)).toBe('unknown');
    expect(endpointRouteOf(undefined)).toBe('unknown');
  });
});
