import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countScopes, runBadge, settledPct, settledScopes, type ScopeProgress } from './auditPlan';
import type { ScopeResult } from './model';

const scope = (state: ScopeProgress['state'], region: string | null = 'eu-west-1'): ScopeProgress => ({
  accountId: '123456789012',
  region,
  state,
  nodes: 0,
  calls: 0,
  throttles: 0,
  gaps: [],
});

describe('countScopes (issue 27: every scope counted as what it is)', () => {
  it('counts an account unreachable in 4 listed regions as 4 failed scopes, never finished', () => {
    const regions = ['eu-west-1', 'us-east-1', 'ap-northeast-1', 'us-west-2'];
    const counts = countScopes([scope('done'), ...regions.map((r) => scope('failed', r))]);
    expect(counts).toEqual({ total: 5, collected: 1, failed: 4, cancelled: 0, accountLevel: 0 });
    expect(runBadge({ phase: 'done', scopeCounts: counts })).toBe('doneWithGaps');
  });

  it('counts an account-level failure under all regions as one scope and says so', () => {
    const results: ScopeResult[] = [
      { accountId: '111111111111', region: 'us-east-1', status: 'ok', nodes: 3, calls: 4, throttles: 0, gaps: [] },
      { accountId: '123456789012', region: null, status: 'failed', nodes: 0, calls: 0, throttles: 0, gaps: [] },
      { accountId: '210987654321', region: null, status: 'cancelled', nodes: 0, calls: 0, throttles: 0, gaps: [] },
    ];
    expect(countScopes(results)).toEqual({ total: 3, collected: 1, failed: 1, cancelled: 1, accountLevel: 2 });
  });

  it('reads progress and results alike, and only waiting or running scopes are unsettled', () => {
    const counts = countScopes([scope('pending'), scope('running'), scope('done'), scope('cancelled')]);
    expect(counts).toEqual({ total: 4, collected: 1, failed: 0, cancelled: 1, accountLevel: 0 });
    expect(settledScopes(counts)).toBe(2);
    expect(settledPct(counts)).toBe(50);
    expect(settledPct(countScopes([]))).toBe(0);
  });

  it('never gives the badge "Finished" to a run with a scope that was not collected', () => {
    const states = fc.constantFrom<ScopeProgress['state']>('done', 'failed', 'cancelled');
    const phases = fc.constantFrom<Parameters<typeof runBadge>[0]['phase']>('done', 'failed', 'cancelled', 'saving');
    fc.assert(
      fc.property(fc.array(fc.tuple(states, fc.boolean())), phases, (list, phase) => {
        const counts = countScopes(list.map(([state, accountLevel]) => scope(state, accountLevel ? null : 'eu-west-1')));
        expect(counts.collected + counts.failed + counts.cancelled).toBe(counts.total);
        const badge = runBadge({ phase, scopeCounts: counts });
        expect(badge === 'done').toBe(phase === 'done' && counts.collected === counts.total);
        if (phase !== 'done') expect(badge).toBe(phase);
      }),
    );
  });
});
