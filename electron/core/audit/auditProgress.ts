/**
 * An audit's progress events (docs/design.md §5): one `AuditProgress` the steps update in place,
 * sent as a copy at most once per interval, phase changes at once.
 */
import { countScopes, type AuditProgress, type ScopeProgress } from '../../../shared/auditPlan';
import type { CallStats } from '../aws/callStats';

export interface ProgressReporter {
  /** The run's progress; steps change its fields, then `emit`. */
  readonly progress: AuditProgress;
  /** Sends the progress: at once when forced, else at most once per interval. */
  emit(force?: boolean): void;
  /** Moves to `phase` and says so at once. */
  phase(phase: AuditProgress['phase'], message?: string): void;
  /** The scopes known so far, in plan order. */
  setScopes(scopes: ScopeProgress[]): void;
  /** No progress after the end, whichever way it ends: a pending trailing event would be stale. */
  stop(): void;
}

export interface ProgressOptions {
  runId: string;
  startedAt: Date;
  /** The calls made outside any scope (resolving accounts), counted with the scopes' own. */
  totals: CallStats;
  onProgress: ((progress: AuditProgress) => void) | undefined;
  /** Minimum milliseconds between two events (phase changes always go out). */
  intervalMs: number;
}

export function progressReporter({ runId, startedAt, totals, onProgress, intervalMs }: ProgressOptions): ProgressReporter {
  const progress: AuditProgress = {
    runId,
    phase: 'resolving',
    startedAt: startedAt.toISOString(),
    accountsTotal: 0,
    accountsResolved: 0,
    scopeCounts: countScopes([]),
    nodes: 0,
    calls: 0,
    throttles: 0,
    scopes: [],
  };
  let lastEmit = 0;
  let trailing: NodeJS.Timeout | undefined;
  const emit = (force = false): void => {
    const t = Date.now();
    if (!force && t - lastEmit < intervalMs) {
      // The last change of a burst still goes out once the interval has passed: a scope that
      // ends just after another, followed by a long wait (a region that does not answer), would
      // otherwise show one scope too few until the next event.
      trailing ??= setTimeout(
        () => {
          trailing = undefined;
          emit(true);
        },
        intervalMs - (t - lastEmit),
      );
      return;
    }
    clearTimeout(trailing);
    trailing = undefined;
    lastEmit = t;
    const { scopes } = progress;
    progress.calls = totals.calls + scopes.reduce((sum, s) => sum + s.calls, 0);
    progress.throttles = totals.throttles + scopes.reduce((sum, s) => sum + s.throttles, 0);
    progress.nodes = scopes.reduce((sum, s) => sum + s.nodes, 0);
    progress.scopeCounts = countScopes(scopes);
    onProgress?.(structuredClone(progress));
  };
  return {
    progress,
    emit,
    phase(phase, message) {
      progress.phase = phase;
      if (message !== undefined) progress.message = message;
      emit(true);
    },
    setScopes(scopes) {
      progress.scopes = scopes;
    },
    stop() {
      clearTimeout(trailing);
    },
  };
}
