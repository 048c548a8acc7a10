import { describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_REGIONS } from './generateFleet';
import { faultsFromOptions, SimOptionError, simulatorOptions, simulatorWelcome } from './options';

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

describe('simulatorWelcome', () => {
  const sim = {
    url: 'http://127.0.0.1:4566',
    credentials: [{ accountId: '111122223333', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's' }],
  };

  it('shows the AWS CLI calls the audit makes, the host management setting among them, and how to audit the simulator', () => {
    const text = simulatorWelcome(sim, ['eu-west-1', 'us-east-1']);
    expect(text).toContain(
      'aws --endpoint-url http://127.0.0.1:4566 ssm get-service-setting --setting-id /ssm/managed-instance/default-ec2-instance-management-role',
    );
    expect(text).toContain('aws --endpoint-url http://127.0.0.1:4566 ec2 describe-instances');
    expect(text).toContain('AWS_REGION=eu-west-1');
    expect(text).toContain('AWS_ENDPOINT_URL=http://127.0.0.1:4566 patch-audit audit --regions eu-west-1,us-east-1');
  });
});
