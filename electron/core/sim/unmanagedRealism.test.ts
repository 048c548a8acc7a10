/**
 * The fleet's EC2 instances that are not managed nodes (issue 30), over generated fleets: every
 * cause is there once a region holds five, and the causes each instance was built for are the ones
 * shared/ec2Coverage.ts derives from what the simulator serves (DescribeInstances, the route tables
 * and endpoints, GetServiceSetting, the IAM profiles and roles). The two are written apart, so
 * a mistake in either shows here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNMANAGED_CAUSES } from '../../../shared/ec2Coverage';
import { causesCompared } from '../../../test/support/unmanagedCauses';
import { unmanagedInstances, type Fleet } from './fleet';
import { generateFleet } from './generateFleet';

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

  it('leaves an account × region without managed nodes empty by default, but not when a count is given', () => {
    const nodesIn = (a: number) => (a === 0 ? 10 : 0);
    const counts = (f: Fleet) => f.accounts.map((a) => Object.values(a.regions).map((r) => unmanagedInstances(r).length));
    expect(counts(generateFleet({ seed: 'empty', accounts: 2, regions: ['us-east-1'], nodesIn }))).toEqual([[6], [1]]);
    expect(counts(generateFleet({ seed: 'empty', accounts: 2, regions: ['us-east-1'], nodesIn, unmanagedPerRegion: 7 }))).toEqual([
      [8],
      [8],
    ]);
  });

  it('keeps the managed fleet of a seed as it was: unmanaged instances draw from their own PRNG', () => {
    const ids = (f: Fleet) => f.accounts.flatMap((a) => Object.values(a.regions).flatMap((r) => r.nodes.map((n) => n.instanceId)));
    const without = generateFleet({ seed: 'stable', unmanagedPerRegion: 0 });
    expect(ids(generateFleet({ seed: 'stable', unmanagedPerRegion: 12 }))).toEqual(ids(without));
    expect(without.accounts.every((a) => Object.values(a.regions).every((r) => r.otherInstances.length === 1))).toBe(true);
  });
});
