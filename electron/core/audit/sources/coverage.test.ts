/**
 * The one translation of a scope's EC2 instances (coverage.ts), over generated scopes: the
 * unmanaged instances are exactly the listed (non-terminated) instances that are no node, a
 * terminated one is never listed, and each cause follows from the facts kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causesOf, hostManagementOf, UnmanagedInstance } from '../../../../shared/ec2Coverage';
import { ArchiveUnmanagedInstance } from '../../store';
import { scopeCoverage, type CoverageReads } from './coverage';
import type { RolePolicies } from './instanceRoles';
import { instancesById, type Ec2Networking } from './network';

const STATES = ['pending', 'running', 'shutting-down', 'stopping', 'stopped', 'terminated'] as const;
const PROFILES = ['arn:aws:iam::111111111111:instance-profile/a', 'arn:aws:iam::111111111111:instance-profile/path/b'];
const SUBNETS = ['subnet-nat', 'subnet-closed', 'subnet-unrouted'];

const instanceArb = fc.record({
  n: fc.integer({ min: 0, max: 40 }),
  state: fc.constantFrom(...STATES),
  subnet: fc.constantFrom(...SUBNETS),
  profile: fc.option(fc.constantFrom(...PROFILES), { nil: undefined }),
  // Any code point: a Name tag may hold control characters the export file refuses.
  name: fc.option(fc.string({ maxLength: 300, unit: 'binary' }), { nil: undefined }),
  managed: fc.boolean(),
});

const scopeArb = fc.record({
  instances: fc.uniqueArray(instanceArb, { selector: (i) => i.n, maxLength: 30 }),
  routesRead: fc.boolean(),
  setting: fc.option(fc.constantFrom('$None', '', 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole'), { nil: undefined }),
  settingRead: fc.boolean(),
  roles: fc.option(fc.dictionary(fc.constantFrom(...PROFILES), fc.constantFrom('attached' as const, 'missing' as const)), {
    nil: undefined,
  }),
  hybridNodes: fc.integer({ min: 0, max: 3 }),
});

type Scope = typeof scopeArb extends fc.Arbitrary<infer T> ? T : never;

const idOf = (n: number) => `i-${n.toString(16).padStart(17, '0')}`;

function networking(scope: Scope): Ec2Networking {
  const reservations = scope.instances.map((i) => ({
    Instances: [
      {
        InstanceId: idOf(i.n),
        VpcId: 'vpc-1',
        SubnetId: i.subnet,
        State: { Name: i.state },
        ...(i.name !== undefined ? { Tags: [{ Key: 'Name', Value: i.name }] } : {}),
        ...(i.profile ? { IamInstanceProfile: { Arn: i.profile } } : {}),
      },
    ],
  }));
  const routes = {
    routeTables: [
      {
        RouteTableId: 'rtb-1',
        VpcId: 'vpc-1',
        Associations: [{ SubnetId: 'subnet-nat' }],
        Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }],
      },
      { RouteTableId: 'rtb-2', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-closed' }], Routes: [] },
    ],
    endpoints: [],
  };
  return { instances: instancesById(reservations), routes: scope.routesRead ? routes : null };
}

function readsOf(scope: Scope): CoverageReads {
  const nodeIds = new Set([
    ...scope.instances.filter((i) => i.managed).map((i) => idOf(i.n)),
    ...Array.from({ length: scope.hybridNodes }, (_, k) => `mi-${k.toString(16).padStart(17, '0')}`),
  ]);
  const roles: RolePolicies | undefined = scope.roles && new Map(Object.entries(scope.roles));
  return {
    network: { status: 'ok', value: networking(scope) },
    hostManagement: scope.settingRead ? { status: 'ok', value: [{ settingValue: scope.setting }] } : { status: 'denied' },
    instanceRoles: roles ? { status: 'ok', value: roles } : { status: 'denied' },
    nodeIds,
  };
}

const PLACE = { accountId: '111111111111', region: 'eu-west-1' };

describe('scopeCoverage', () => {
  it('lists exactly the non-terminated instances that are no node, each valid and each cause derivable from its facts', () => {
    fc.assert(
      fc.property(scopeArb, (scope) => {
        const reads = readsOf(scope);
        const { coverage, unmanaged } = scopeCoverage(reads, PLACE);
        const listed = scope.instances.filter((i) => i.state !== 'terminated');
        const expected = listed.filter((i) => !i.managed).map((i) => idOf(i.n));
        expect(unmanaged.map((u) => u.instanceId)).toEqual(expected);
        expect(coverage?.ec2Instances).toBe(listed.length);
        const hostManagement = scope.settingRead ? hostManagementOf(scope.setting) : 'unknown';
        expect(coverage?.hostManagement).toBe(hostManagement);

        for (const u of unmanaged) {
          expect(UnmanagedInstance.safeParse(u).success).toBe(true);
          // Whatever the audit saves, its own export must take back.
          expect(ArchiveUnmanagedInstance.safeParse({ ...u, ...PLACE }).error).toBeUndefined();
          const source = scope.instances.find((i) => idOf(i.n) === u.instanceId)!;
          expect(u.state).not.toBe('terminated');
          expect(u.instanceProfileArn).toBe(source.profile);
          // The route is known only when the routes were read and the subnet's table is among them.
          const route = { 'subnet-nat': 'yes', 'subnet-closed': 'no', 'subnet-unrouted': 'unknown' }[source.subnet]!;
          expect(u.route).toBe(scope.routesRead ? route : 'unknown');
          expect(u.rolePolicy).toBe((source.profile && scope.roles?.[source.profile]) ?? 'unknown');

          const { causes, unchecked } = causesOf(u, hostManagement);
          expect(causes.includes('stopped')).toBe(u.state !== 'running');
          expect(causes.includes('noProfile')).toBe(!u.instanceProfileArn && hostManagement === 'off');
          expect(unchecked.includes('hostManagement')).toBe(!u.instanceProfileArn && hostManagement === 'unknown');
          expect(causes.includes('roleWithoutPolicy')).toBe(u.rolePolicy === 'missing' && u.instanceProfileArn !== undefined);
          expect(causes.includes('noRoute')).toBe(u.route === 'no');
          expect(unchecked.includes('route')).toBe(u.route === 'unknown');
        }
      }),
    );
  });

  it('knows nothing of a scope whose instances were not read', () => {
    fc.assert(
      fc.property(scopeArb, fc.constantFrom('denied' as const, 'error' as const, 'not_collected' as const), (scope, status) => {
        expect(scopeCoverage({ ...readsOf(scope), network: { status } }, PLACE)).toEqual({ unmanaged: [] });
      }),
    );
  });
});
