/**
 * One host process as the desktop app lays it out (issue 20): this thread plays Electron's main
 * process, the core runs in its worker (`startCoreWorker`), or, for comparison, in this thread
 * (`createCore`, the layout before). It drives the core only through contract calls, as the
 * window does, and measures how long this thread's event loop was held at a time. Reads an
 * `EventLoopJob` as JSON from argv[2], writes an `EventLoopRun` on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallResult } from '../../shared/contract';
import { createCore } from '../../electron/core/createCore';
import type { Dispatch } from '../../electron/core/dispatch';
import type { EventBus } from '../../electron/core/events';
import type { HostFiles } from '../../electron/core/files';
import { startCoreWorker } from '../../electron/core/worker/startCoreWorker';
import type { EventLoopJob, EventLoopRun, Step } from './eventLoop';

/**
 * How long this thread's event loop was held at a time. A timer asks for a turn every `everyMs`;
 * between two turns, the loop's active time (Node's event-loop utilization, this thread only) is
 * how long it ran without reaching its timers, since any new turn of the loop would have run the
 * due timer. The gap between the turns is also kept: beyond the active time it is the OS not
 * scheduling this thread at all (the simulator and the core share two cores here), which no
 * layout of the app could change.
 */
function blockMeter(everyMs = 5) {
  const worst = { blockMs: 0, gapMs: 0 };
  let last = performance.now();
  let lastUse = performance.eventLoopUtilization();
  let turn: () => void = () => {};
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    const use = performance.eventLoopUtilization();
    worst.blockMs = Math.max(worst.blockMs, performance.eventLoopUtilization(use, lastUse).active);
    worst.gapMs = Math.max(worst.gapMs, now - last - everyMs);
    last = now;
    lastUse = use;
    turn();
    timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, everyMs);
  return {
    /** The worst since the last call, once the loop has had the turn that records a block just ended. */
    async take(): Promise<{ blockMs: number; gapMs: number }> {
      await new Promise<void>((resolve) => (turn = resolve));
      const value = { ...worst };
      worst.blockMs = 0;
      worst.gapMs = 0;
      return value;
    },
    stop: () => clearTimeout(timer),
  };
}

function valueOf<T>(result: CallResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function main(job: EventLoopJob): Promise<EventLoopRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-loop-'));
  let lastSaved: string | null = null;
  // As the desktop dialogs would answer: the user picks the file just saved.
  const files: HostFiles = {
    chooseImportFile: async () => lastSaved,
    chooseSaveTarget: async (_kind, name) => {
      const path = join(dir, name);
      lastSaved = path;
      return { path, done: () => ({ fileName: name }) };
    },
  };
  const deps = {
    dataDir: join(dir, 'data'),
    host: { host: 'electron' as const, versions: {}, openExternal: async () => {}, files },
    aws: { clientOptions: { endpoint: job.endpoint }, credentials: { accessKeyId: job.accessKeyId, secretAccessKey: job.secretAccessKey } },
  };
  const core: { dispatch: Dispatch; events: Pick<EventBus, 'subscribe'>; close(): Promise<void> } =
    job.layout === 'worker' ? await startCoreWorker({ ...deps, entry: pathToFileURL(job.workerBundle) }) : createCore(deps);
  const meter = blockMeter();
  const steps = {} as EventLoopRun['steps'];
  const step = async <T>(name: Step, run: () => Promise<T>): Promise<T> => {
    await meter.take();
    const t = performance.now();
    const value = await run();
    const ms = performance.now() - t;
    const worst = await meter.take();
    steps[name] = { ms, longestBlockMs: worst.blockMs, longestGapMs: worst.gapMs };
    return value;
  };
  try {
    const outcome = await step('audit', async () => {
      const finished = new Promise<{ outcome?: { snapshotId?: number; nodes: number }; error?: string }>((resolve) => {
        const off = core.events.subscribe((name, payload) => {
          if (name !== 'audit:finished') return;
          off();
          resolve(payload as never);
        });
      });
      valueOf(await core.dispatch('audit:start', job.plan), 'audit:start');
      const end = await finished;
      if (!end.outcome?.snapshotId) throw new Error(`the audit saved nothing: ${end.error ?? 'no outcome'}`);
      return end.outcome as { snapshotId: number; nodes: number };
    });
    const id = outcome.snapshotId;
    // The report's HTML is the core's work; printing it is Chromium's (Electron's printToPDF
    // renders in another process), so this is what the core's thread does for a report.
    await step('report', async () =>
      valueOf(await core.dispatch('report:create', { snapshotId: id, lang: 'en', paper: 'a4', format: 'html' }), 'report'),
    );
    await step('export', async () => valueOf(await core.dispatch('snapshots:export', { ids: [id] }), 'export'));
    // The snapshot's own file again: read, inflated and validated whole before it is found present.
    await step('import', async () => valueOf(await core.dispatch('snapshots:import', {}), 'import'));
    await step('reevaluate', async () => valueOf(await core.dispatch('snapshots:reevaluate', { id, scanAgeDays: 14 }), 'reevaluate'));
    return { layout: job.layout, nodes: outcome.nodes, steps };
  } finally {
    meter.stop();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const arg = process.argv[2];
if (!arg) throw new Error('usage: eventLoopChild.ts <EventLoopJob as JSON>');
main(JSON.parse(arg) as EventLoopJob).then(
  (run) => process.stdout.write(JSON.stringify(run)),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
