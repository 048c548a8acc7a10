import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditProgress, ScopeProgress } from '../../../shared/auditPlan';
import { emptyCallStats } from '../aws/callStats';
import { progressReporter } from './auditProgress';

const scope = (nodes: number): ScopeProgress => ({
  accountId: '111111111111',
  region: 'us-east-1',
  state: 'running',
  nodes,
  calls: 2,
  throttles: 0,
  gaps: [],
});

function reporter() {
  const events: AuditProgress[] = [];
  const totals = emptyCallStats();
  totals.calls = 3;
  const r = progressReporter({ runId: 'run', startedAt: new Date(0), totals, onProgress: (p) => events.push(p), intervalMs: 100 });
  return { r, events };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('progressReporter', () => {
  it('sends the last change of a burst once the interval has passed, with the counts of that moment', () => {
    const { r, events } = reporter();
    r.setScopes([scope(1)]);
    r.emit();
    r.progress.scopes[0]!.nodes = 5;
    r.emit();
    r.progress.scopes[0]!.nodes = 7;
    r.emit();
    expect(events.map((e) => e.nodes)).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(events.map((e) => e.nodes)).toEqual([1, 7]);
    expect(events[1]).toMatchObject({ calls: 3 + 2, scopeCounts: { total: 1 } });
  });

  it('sends a phase change at once, within the interval too', () => {
    const { r, events } = reporter();
    r.emit();
    r.phase('failed', 'why');
    expect(events.map((e) => [e.phase, e.message])).toEqual([
      ['resolving', undefined],
      ['failed', 'why'],
    ]);
  });

  it('sends nothing after it is stopped, a pending change included', () => {
    const { r, events } = reporter();
    r.emit();
    r.emit();
    r.stop();
    vi.advanceTimersByTime(1000);
    expect(events).toHaveLength(1);
  });

  it('sends copies: a change after an event does not alter the event', () => {
    const { r, events } = reporter();
    r.setScopes([scope(1)]);
    r.emit(true);
    r.progress.scopes[0]!.nodes = 9;
    expect(events[0]!.scopes[0]!.nodes).toBe(1);
  });
});
