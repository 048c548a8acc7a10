/**
 * `npm run bench [-- --quick]`: every benchmark on the simulator, printed as one table
 * (figure, value, target, ratio, verdict) and written to bench/results/<ISO time>.json with
 * the machine's description. A figure that misses its target is reported, never fatal: the
 * exit code is non-zero only when a benchmark itself crashes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchArchive } from './archive';
import { auditAtSize, COST, CONCURRENCY, efficiencyFigures, memoryFigures, OLD_SPACE_CAP_MB, scaleFigures, type SizedRun } from './audit';
import { benchCoverage } from './coverage';
import { benchEventLoop } from './eventLoop';
import { benchFanOut } from './fanout';
import { formatTable, ratioOf, verdictOf, type Figure } from './figures';
import { benchHeadlineFigures } from './headlineFigures';
import { benchReport } from './report';
import { benchStore } from './store';
import { benchInterface } from './ui';

const quick = process.argv.includes('--quick');
const ROOT = join(import.meta.dirname, '..', '..');

/** Full: the sizes the targets name. Quick (CI): the same benchmarks, small enough for two minutes. */
const PLAN = quick
  ? {
      auditSizes: [1_000, 4_000],
      efficiencyAt: 4_000,
      peakAt: 4_000,
      store: { nodes: 2_000, bigNodes: 5_000, saveRuns: 1 },
      uiRows: 5_000,
      reportNodes: 1_000,
      coverageInstances: 2_000,
    }
  : {
      auditSizes: [1_000, 10_000, 50_000],
      efficiencyAt: 10_000,
      peakAt: 50_000,
      store: { nodes: 10_000, bigNodes: 50_000, saveRuns: 3 },
      uiRows: 50_000,
      reportNodes: 10_000,
      coverageInstances: 10_000,
    };

const figures: Figure[] = [];
const crashed: string[] = [];

async function stage(name: string, run: () => Promise<Figure[]> | Figure[]): Promise<void> {
  const t = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    figures.push(...(await run()));
  } catch (err) {
    crashed.push(name);
    process.stderr.write(`bench: ${name} crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.stderr.write(`bench: ${name} took ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

await stage('audit', async () => {
  const runs: SizedRun[] = [];
  for (const size of PLAN.auditSizes) runs.push(await auditAtSize(size));
  const efficiency = runs.find((r) => r.nodes >= PLAN.efficiencyAt) ?? runs.at(-1)!;
  const peak = runs.find((r) => r.nodes >= PLAN.peakAt) ?? runs.at(-1)!;
  const capped = await auditAtSize(PLAN.peakAt, [`--max-old-space-size=${OLD_SPACE_CAP_MB}`]);
  return [...efficiencyFigures(efficiency), ...scaleFigures(runs), ...memoryFigures(peak, capped)];
});
await stage('fan-out', () => benchFanOut(quick));
await stage('EC2 coverage', () => benchCoverage(PLAN.coverageInstances));
await stage('event loop', () => benchEventLoop(PLAN.peakAt));
await stage('store', () => benchStore(PLAN.store));
await stage('archive', () => benchArchive(PLAN.store.nodes));
await stage('interface', () => benchInterface(PLAN.uiRows));
await stage('report', () => benchReport(PLAN.reportNodes));
await stage('figures', () => benchHeadlineFigures(PLAN.store.bigNodes));

console.log(formatTable(figures));
const missed = figures.filter((f) => verdictOf(f) === 'misses').length;
console.log(
  `\n${figures.length} figures, ${missed} missing their target${crashed.length ? `; crashed: ${crashed.join(', ')}` : ''}${quick ? ' (quick mode)' : ''}`,
);

const at = new Date().toISOString();
const result = {
  at,
  mode: quick ? 'quick' : 'full',
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit: gitCommit(),
  },
  simulator: { ...COST, concurrency: CONCURRENCY },
  figures: figures.map((f) => ({ ...f, ratio: ratioOf(f) ?? null, verdict: verdictOf(f) })),
  crashed,
};
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${at.replace(/:/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`results: ${file}`);
process.exitCode = crashed.length ? 1 : 0;
