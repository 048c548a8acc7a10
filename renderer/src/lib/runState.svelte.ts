/**
 * The audit as this window follows it: the latest progress, how the run ended and any MFA
 * code the core is waiting for. Kept outside the Run page so leaving the page and coming back
 * (or reloading: `audit:status`) re-attaches to a running audit.
 */
import type { AuditPlan, AuditProgress } from '../../../shared/auditPlan';
import type { EventPayload } from '../../../shared/contract';
import { auditor } from './bridge';
import { router } from './router.svelte';
import { snapshots } from './snapshotState.svelte';

export type RunFinished = EventPayload<'audit:finished'>;

const TERMINAL: ReadonlySet<AuditProgress['phase']> = new Set(['done', 'failed', 'cancelled']);

let progress = $state<AuditProgress | null>(null);
let finished = $state<RunFinished | null>(null);
let mfa = $state<{ runId: string; serial: string } | null>(null);
let loaded = $state(false);
let loadError = $state<string | null>(null);

async function openResult(result: RunFinished): Promise<void> {
  const id = result.outcome?.snapshotId;
  if (id === undefined) return;
  snapshots.select(id);
  await snapshots.refresh();
  router.go('#/overview');
}

let started = false;
/** Loads the current run once and follows it; safe to call from every page. */
export function useRun(): void {
  if (started) return;
  started = true;
  auditor.audit.onProgress((next) => {
    if (finished && finished.runId !== next.runId) finished = null;
    progress = next;
  });
  auditor.audit.onMfaRequired((request) => (mfa = request));
  auditor.audit.onFinished((result) => {
    finished = result;
    mfa = null;
    // A complete result opens by itself when its run is being watched; a partial or failed one
    // stays on the Run page, which says what went wrong.
    if (router.page === 'run' && result.outcome?.status === 'complete') void openResult(result);
  });
  auditor.audit
    .status()
    .then((current) => {
      if (current && (!progress || progress.runId === current.runId)) progress = current;
      loadError = null;
    })
    .catch((err: unknown) => (loadError = err instanceof Error ? err.message : String(err)))
    .finally(() => (loaded = true));
}

export const run = {
  get progress() {
    return progress;
  },
  get running(): boolean {
    return progress !== null && !TERMINAL.has(progress.phase) && finished?.runId !== progress.runId;
  },
  get finished() {
    return finished;
  },
  get mfa() {
    return mfa;
  },
  get loaded() {
    return loaded;
  },
  get loadError() {
    return loadError;
  },
  async start(plan: AuditPlan): Promise<void> {
    finished = null;
    progress = null;
    const { runId } = await auditor.audit.start(plan);
    // The first progress event may have arrived before the answer; ask for it if not.
    if (!progress) {
      const current = await auditor.audit.status();
      if (current?.runId === runId && !progress) progress = current;
    }
  },
  async cancel(): Promise<boolean> {
    if (!progress) return false;
    return (await auditor.audit.cancel({ runId: progress.runId })).cancelled;
  },
  async provideMfa(code: string): Promise<boolean> {
    if (!mfa) return false;
    const { accepted } = await auditor.audit.provideMfa({ runId: mfa.runId, code });
    if (accepted) mfa = null;
    return accepted;
  },
  openResult,
};
