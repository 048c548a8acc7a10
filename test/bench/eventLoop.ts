/**
 * The main process never stalls (issue 20, docs/design.md §10): the longest the host thread's
 * event loop is held while the core audits a large fleet, saves it, builds a report, exports,
 * imports and re-evaluates it, measured in the app's layout (the core in its worker) and, for
 * comparison, with the core in the host thread as before. The simulator runs here, the host in
 * a child process (`eventLoopChild.ts`), so neither's work lands on the other's loop.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AuditPlan } from '../../shared/auditPlan';
import { startSimulator } from '../../electron/core/sim';
import type { Figure } from './figures';

const run = promisify(execFile);

export type CoreLayout = 'worker' | 'in-process';

export interface EventLoopJob {
  layout: CoreLayout;
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  plan: AuditPlan;
  /** The desktop build's core worker (out/main/coreWorker.cjs): the thread the app runs, without tsx's loader. */
  workerBundle: string;
}

export const STEPS = ['audit', 'report', 'export', 'import', 'reevaluate'] as const;
export type Step = (typeof STEPS)[number];

export interface EventLoopRun {
  layout: CoreLayout;
  nodes: number;
  /** Per step: its wall time, the longest this thread's event loop was held, and the longest it went without a turn, in ms. */
  steps: Record<Step, { ms: number; longestBlockMs: number; longestGapMs: number }>;
}

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];
/** A frame at 60 Hz is 16.7 ms; a loop held 50 ms drops three and is felt as a stutter. */
export const LONGEST_BLOCK_TARGET_MS = 50;

const ROOT = join(import.meta.dirname, '..', '..');

async function hostRun(layout: CoreLayout, nodes: number, workerBundle: string): Promise<EventLoopRun> {
  const sim = await startSimulator({
    fleetOptions: { seed: 'event-loop', accounts: 1, regions: REGIONS, nodesPerRegion: Math.ceil(nodes / REGIONS.length) },
  });
  try {
    const creds = sim.credentials[0]!;
    const job: EventLoopJob = {
      layout,
      endpoint: sim.url,
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      plan: { regions: REGIONS, targets: { kind: 'self' }, label: `event loop ${layout}` },
      workerBundle,
    };
    const child = join(import.meta.dirname, 'eventLoopChild.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', child, JSON.stringify(job)], { maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as EventLoopRun;
  } finally {
    await sim.close();
  }
}

export async function benchEventLoop(nodes: number): Promise<Figure[]> {
  await run(process.execPath, [join(ROOT, 'build', 'scripts', 'buildElectron.mjs')], { cwd: ROOT });
  const bundle = join(ROOT, 'out', 'main', 'coreWorker.cjs');
  const worker = await hostRun('worker', nodes, bundle);
  const inProcess = await hostRun('in-process', nodes, bundle);
  const group = `main thread, ${worker.nodes.toLocaleString('en')} nodes`;
  const longest = (r: EventLoopRun) => Math.max(...STEPS.map((s) => r.steps[s].longestBlockMs));
  return [
    {
      group,
      name: 'longest event-loop block, audit + save + report + export + import + re-evaluate (core in its worker, as the app)',
      value: longest(worker),
      unit: 'ms',
      target: LONGEST_BLOCK_TARGET_MS,
    },
    { group, name: 'the same with the core in the host thread (the layout before)', value: longest(inProcess), unit: 'ms' },
    {
      group,
      name: 'longest time without a turn of the loop, core in its worker (block + the OS not scheduling this thread)',
      value: Math.max(...STEPS.map((s) => worker.steps[s].longestGapMs)),
      unit: 'ms',
    },
    ...STEPS.flatMap((s): Figure[] => [
      { group, name: `${s}: wall time (worker)`, value: worker.steps[s].ms / 1000, unit: 's' },
      { group, name: `${s}: longest block, core in its worker`, value: worker.steps[s].longestBlockMs, unit: 'ms' },
      { group, name: `${s}: longest block, core in the host thread`, value: inProcess.steps[s].longestBlockMs, unit: 'ms' },
    ]),
  ];
}
