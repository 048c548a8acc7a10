/**
 * The fleet's EC2 instances that are not managed nodes (issue 30), over generated fleets: every
 * cause is there once a region holds five, and the causes each instance was built for are the ones
 * shared/ec2Coverage.ts derives from what the simulator serves (DescribeInstances, the route tables
 * and endpoints, GetServiceSetting, the IAM profiles and roles). The two are written apart, so
 * a mistake in either shows here.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  causesOf,
  endpointRouteOf,
  SSM_INSTANCE_POLICIES,
  UNMANAGED_CAUSES,
  type InstanceState,
  type RolePolicy,
} from '../../../shared/ec2Coverage';
import { buildNetworkFacts } from '../../../shared/network';
import { unmanagedInstances, type Fleet, type SimAccount } from './fleet';
import { generateFleet } from './generateFleet';
import { World } from './world';

/** What the served IAM answers say of a profile ARN: its role's attached managed policies. */
function rolePolicyOf(account: SimAccount, arn: string | undefined): RolePolicy {
  if (arn === undefined) return 'unknown';
  const profile = account.iam.instanceProfiles.find((p) => p.name === arn.split('/').at(-1));
  const role = account.iam.roles.find((r) => r.name === profile?.roleName);
  return role?.attachedPolicyArns.some((p) => (SSM_INSTANCE_POLICIES as readonly string[]).includes(p)) ? 'attached' : 'missing';
}

/** Per unmanaged instance: the causes it was built for, and those derived from the served facts. */
function causesCompared(fleet: Fleet): { id: string; built: string[] | null; derived: string[]; unchecked: string[] }[] {
  const world = new World(fleet, Date.UTC(2026, 11, 1));
  return fleet.accounts.flatMap((account) =>
    Object.keys(account.regions).flatMap((region) => {
      const view = world.view(account, region);
      const served = new Map(view.reservations.flatMap((r) => r.Instances ?? []).map((i): [string, Instance] => [i.InstanceId ?? '', i]));
      return unmanagedInstances(view.fleet).map((built) => {
        const instance = served.get(built.instanceId) ?? {};
        const network = buildNetworkFacts(instance, view.fleet.routeTables, view.fleet.vpcEndpoints);
        const arn = instance.IamInstanceProfile?.Arn;
        const { causes, unchecked } = causesOf(
          {
            instanceId: built.instanceId,
            state: instance.State?.Name as InstanceState,
            ...(arn ? { instanceProfileArn: arn } : {}),
            route: endpointRouteOf(network),
            rolePolicy: rolePolicyOf(account, arn),
          },
          view.fleet.hostManagement.enabled ? 'on' : 'off',
        );
        return { id: built.instanceId, built: built.expectedCauses, derived: causes, unchecked };
      });
    }),
  );
}

const options = fc.record({
  seed: fc.string({ minLength: 1, maxLength: 12 }),
  accounts: fc.integer({ min: 1, max: 3 }),
  regions: fc.subarray(['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'], { minLength: 1 }),
  unmanagedPerRegion: fc.integer({ min: 5, max: 14 }),
});

describe('unmanaged EC2 instances of the simulated fleet', () => {
  it('hold every cause, and the causes they were built for are those the served facts give', () => {
    fc.assert(
      fc.property(options, (opts) => {
        const fleet = generateFleet({ ...opts, nodesPerRegion: 10 });
        const compared = causesCompared(fleet);
        expect(compared.filter((c) => JSON.stringify(c.built) !== JSON.stringify(c.derived) || c.unchecked.length)).toEqual([]);
        expect(new Set(compared.flatMap((c) => c.derived))).toEqual(new Set(UNMANAGED_CAUSES));
      }),
      { numRuns: 25 },
    );
  });

  it('serves a terminated one per region besides, and the NAT instance among the unmanaged', () => {
    const fleet = generateFleet({ seed: 'terminated', accounts: 2, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 10 });
    for (const account of fleet.accounts)
      for (const region of Object.values(account.regions)) {
        expect(region.otherInstances.filter((i) => i.state === 'terminated')).toHaveLength(1);
        expect(unmanagedInstances(region)).toHaveLength(5 + 1);
        expect(unmanagedInstances(region).filter((i) => i.natInstance)).toHaveLength(1);
      }
  });

  it('keeps the managed fleet of a seed as it was: unmanaged instances draw from their own PRNG', () => {
    const ids = (f: Fleet) => f.accounts.flatMap((a) => Object.values(a.regions).flatMap((r) => r.nodes.map((n) => n.instanceId)));
    const without = generateFleet({ seed: 'stable', unmanagedPerRegion: 0 });
    expect(ids(generateFleet({ seed: 'stable', unmanagedPerRegion: 12 }))).toEqual(ids(without));
    expect(without.accounts.every((a) => Object.values(a.regions).every((r) => r.otherInstances.length === 1))).toBe(true);
  });
});
