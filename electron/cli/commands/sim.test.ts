import { describe, expect, it } from 'vitest';
import { UsageError } from '../io';
import { faultsFromOptions } from './sim';

describe('faultsFromOptions', () => {
  it('turns --latency and --throttle-rate into fault rules on every call', () => {
    expect(faultsFromOptions()).toEqual([]);
    expect(faultsFromOptions('25', '2.5')).toEqual([{ latencyMs: 25 }, { throttle: { ratePerSecond: 2.5, burst: 3 } }]);
  });

  it('refuses values that are not numbers with a usage error', () => {
    expect(() => faultsFromOptions('soon')).toThrow(UsageError);
    expect(() => faultsFromOptions(undefined, '0')).toThrow(UsageError);
  });
});
