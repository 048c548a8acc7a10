/**
 * Faults injected on request, each rule scoped to an account, region and/or action pattern
 * (`SSM.DescribeInstanceInformation`, `SSM.*`, `*`). Rules are evaluated in order and all
 * matching rules apply. Randomness (5xx fraction, timeout fraction) comes from a seeded PRNG
 * so a test run is reproducible.
 */
import type { CorruptOptions } from './corrupt';
import type { PolicyDocument } from './policy';

export interface FaultMatch {
  accountId?: string;
  region?: string;
  /** `Service.Action` with `*` wildcards, e.g. `SSM.Describe*`. */
  action?: string;
}

export interface FaultRule {
  match?: FaultMatch;
  /** Added before answering. */
  latencyMs?: number;
  /** Token bucket per account × region: refills `ratePerSecond`, holds at most `burst` (see `throttleKey`). */
  throttle?: ThrottleRule;
  /** Fraction (0–1) of calls answered 500 or 503 (alternating). */
  serverErrorRate?: number;
  /** Fraction (default 1) of calls held without an answer for `holdMs`, then the socket is closed. */
  timeout?: { rate?: number; holdMs: number };
  /** Calls not allowed by this IAM policy are denied (explicit Deny wins). */
  policy?: PolicyDocument;
  /** Calls into the matching region fail as in a region that is not enabled. */
  regionDisabled?: boolean;
  /** The caller's session expires after this many matching calls, or at this time (epoch ms). */
  expireSession?: { afterCalls?: number; atMs?: number };
  /** The answer is sent, but damaged: wrong types, missing fields, huge values, unknown enums (`corrupt.ts`). */
  corrupt?: CorruptOptions;
}

export interface ThrottleRule {
  ratePerSecond: number;
  burst: number;
  /**
   * One bucket per account × region × action, as AWS applies its limits: EC2 evaluates "each
   * API individually" against its own token bucket, and SSM limits each API's request rate per
   * account and region. STS, Organizations and IAM are global services, so their buckets are per
   * calling account × action, whatever region the call was signed for. Without it (the
   * default), every action matching the rule shares the account × region's one bucket.
   */
  perAction?: boolean;
}

const GLOBAL_SERVICES = new Set(['STS', 'Organizations', 'IAM']);

/** The bucket a call draws from under `rule`; `action` is `Service.Action`. */
export function throttleKey(rule: ThrottleRule, accountId: string, region: string, action: string): string {
  if (!rule.perAction) return `${accountId}/${region}`;
  const service = action.split('.')[0] ?? '';
  return GLOBAL_SERVICES.has(service) ? `${accountId}/${action}` : `${accountId}/${region}/${action}`;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(value);
}

export function ruleMatches(rule: FaultRule, accountId: string, region: string, action: string): boolean {
  const m = rule.match;
  if (!m) return true;
  return (
    (m.accountId === undefined || m.accountId === accountId) &&
    (m.region === undefined || m.region === region) &&
    (m.action === undefined || wildcardMatch(m.action, action))
  );
}
