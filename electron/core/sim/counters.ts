/** Call counters for tests and benchmarks (docs/design.md §5: aim at ~3·⌈N/50⌉ calls per region). */
export interface SimCounters {
  total: number;
  /** Per `Service.Action`, e.g. `SSM.DescribeInstanceInformation`. */
  calls: Record<string, number>;
  /** Per `accountId/region`. */
  scopes: Record<string, number>;
  throttled: number;
  throttledByAction: Record<string, number>;
  denied: number;
  /** Per IAM action, e.g. `ssm:GetInventory`. */
  deniedActions: Record<string, number>;
  serverErrors: number;
  timeouts: number;
  expired: number;
  /** Answers sent damaged by a `corrupt` fault. */
  corrupted: number;
  /** Every error answered, per error code. */
  errors: Record<string, number>;
}

export function emptyCounters(): SimCounters {
  return {
    total: 0,
    calls: {},
    scopes: {},
    throttled: 0,
    throttledByAction: {},
    denied: 0,
    deniedActions: {},
    serverErrors: 0,
    timeouts: 0,
    expired: 0,
    corrupted: 0,
    errors: {},
  };
}

export function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export function cloneCounters(c: SimCounters): SimCounters {
  return structuredClone(c);
}
