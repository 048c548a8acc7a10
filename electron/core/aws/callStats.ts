/** Calls and throttles seen by one scope's clients, every attempt counted (retries included). */
export interface CallStats {
  calls: number;
  throttles: number;
  /** Calls per `Service.Action`, e.g. `SSM.DescribeInstanceInformation`. */
  byAction: Record<string, number>;
}

export const emptyCallStats = (): CallStats => ({ calls: 0, throttles: 0, byAction: {} });

const THROTTLE_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
]);

export function isThrottle(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return THROTTLE_CODES.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429;
}

export function mergeCallStats(into: CallStats, from: CallStats): void {
  into.calls += from.calls;
  into.throttles += from.throttles;
  for (const [action, n] of Object.entries(from.byAction)) into.byAction[action] = (into.byAction[action] ?? 0) + n;
}
