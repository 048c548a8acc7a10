import { describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_REGIONS } from './generateFleet';
import { faultsFromOptions, SimOptionError, simulatorOptions } from './options';

describe('faultsFromOptions', () => {
  it('turns --latency and --throttle-rate into fault rules on every call', () => {
    expect(faultsFromOptions()).toEqual([]);
    expect(faultsFromOptions('25', '2.5')).toEqual([{ latencyMs: 25 }, { throttle: { ratePerSecond: 2.5, burst: 3 } }]);
  });

  it('refuses values that are not numbers with an option error', () => {
    expect(() => faultsFromOptions('soon')).toThrow(SimOptionError);
    expect(() => faultsFromOptions(undefined, '0')).toThrow(SimOptionError);
  });
});

describe('simulatorOptions', () => {
  const given = { port: '0', seed: 's', accounts: '3', nodes: '480' };

  it('spreads the nodes over accounts × regions, the default regions when none are named', () => {
    const options = simulatorOptions(given);
    expect(options.regions).toEqual([...DEFAULT_FLEET_REGIONS]);
    expect(options.fleetOptions).toEqual({
      seed: 's',
      accounts: 3,
      regions: [...DEFAULT_FLEET_REGIONS],
      nodesPerRegion: Math.ceil(480 / (3 * DEFAULT_FLEET_REGIONS.length)),
    });
    expect(simulatorOptions({ ...given, regions: ' eu-west-1, ,us-east-1' }).regions).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('refuses no region, no account and a port that is not a whole number', () => {
    expect(() => simulatorOptions({ ...given, regions: ',' })).toThrow('--regions needs at least one region');
    expect(() => simulatorOptions({ ...given, accounts: '0' })).toThrow('--accounts must be a positive integer, got "0"');
    expect(() => simulatorOptions({ ...given, port: 'abc' })).toThrow(SimOptionError);
  });
});
