/**
 * Audit figures (docs/design.md §5, §10): calls against their lower bound, wall time against the
 * time the simulator's latency and throttle allow, and how time and memory grow with the
 * fleet. The simulator runs here; each audit runs in a child process (`auditProcess.ts`).
 */
import { cpus } from 'node:os';
import { startSimulator, type Simulator } from '../../electron/core/sim';
import type { AuditJob, AuditRun } from './auditChild';
import { runAuditChild } from './auditProcess';
import { isRegional } from '../../shared/model';
import { chainBound, scheduleBoundMs, scopeBoundMs, ssmCallBound, type Figure, type SimCost } from './figures';

export const ACCOUNTS = 3;
export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'] as const;
export const CONCURRENCY = 4;
/**
 * 50 ms a call, and a bucket of 20 calls a second with a burst of 40 per account × region: in
 * the range of SSM's own Describe* limits, tight enough that an audit which bursts gets
 * throttled and must rely on the adaptive retry.
 */
export const COST: SimCost = { latencyMs: 50, ratePerSecond: 20, burst: 40 };

export interface SizedRun {
  nodes: number;
  run: AuditRun;
  /** CPU the simulator (this process) spent while the audit ran, in ms. */
  simCpuMs: number;
  /** The collection bound (ms) for the calls this run made. */
  boundMs: number;
  /** Σ 3·⌈n/50⌉ + d over the scopes, d the nodes needing patch detail. */
  ssmBound: number;
  /** Nodes whose patch state counts missing, failed or pending-reboot patches (issue 19). */
  detailNodes: number;
}

/** Per `account/region`: the nodes of the simulated fleet whose patch detail the audit must read. */
function detailNodesByScope(sim: Simulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const account of sim.fleet().accounts) {
    for (const [region, world] of Object.entries(account.regions)) {
      const open = world.nodes.filter(
        (n) => n.patchState && n.patchState.missing + n.patchState.failed + n.patchState.installedPendingReboot > 0,
      );
      counts.set(`${account.accountId}/${region}`, open.length);
    }
  }
  return counts;
}

/** Successful calls of a scope (throttled attempts are the audit's cost, not the work's). */
const workCalls = (s: { calls: number; throttles: number }) => s.calls - s.throttles;

export async function auditAtSize(totalNodes: number, nodeArgs: readonly string[] = []): Promise<SizedRun> {
  const nodesPerRegion = Math.ceil(totalNodes / (ACCOUNTS * REGIONS.length));
  const sim = await startSimulator({
    fleetOptions: { seed: 'bench', accounts: ACCOUNTS, regions: REGIONS, nodesPerRegion },
    faults: [{ latencyMs: COST.latencyMs, throttle: { ratePerSecond: COST.ratePerSecond, burst: COST.burst } }],
  });
  try {
    const management = sim.credentials[0]!;
    const job: AuditJob = {
      endpoint: sim.url,
      accessKeyId: management.accessKeyId,
      secretAccessKey: management.secretAccessKey,
      plan: {
        regions: [...REGIONS],
        targets: {
          kind: 'accounts',
          accountIds: sim.credentials.map((c) => c.accountId),
          roleName: 'PatchAuditRole',
          externalId: 'patch-audit-external-id',
        },
        concurrency: CONCURRENCY,
      },
    };
    const cpuBefore = process.cpuUsage();
    const result = await runAuditChild(job, nodeArgs);
    const cpu = process.cpuUsage(cpuBefore);
    // Every account of the bench's fleet is reached: each scope names its region.
    const scopes = result.outcome.scopes.filter(isRegional);
    const needing = detailNodesByScope(sim);
    const detail = (s: { accountId: string; region: string }) => needing.get(`${s.accountId}/${s.region}`) ?? 0;
    const boundMs = scheduleBoundMs(
      scopes.map((s) => scopeBoundMs(workCalls(s), chainBound(s.nodes, detail(s)), COST)),
      CONCURRENCY,
    );
    const ssmBound = scopes.reduce((sum, s) => sum + ssmCallBound(s.nodes, detail(s)), 0);
    const detailNodes = scopes.reduce((sum, s) => sum + detail(s), 0);
    return { nodes: result.outcome.nodes, run: result, simCpuMs: (cpu.user + cpu.system) / 1000, boundMs, ssmBound, detailNodes };
  } finally {
    await sim.close();
  }
}

const PER_NODE_SSM = ['SSM.DescribeInstanceInformation', 'SSM.DescribeInstancePatchStates', 'SSM.GetInventory'];

export function efficiencyFigures(sized: SizedRun): Figure[] {
  const group = `audit ${sized.nodes.toLocaleString('en')} nodes`;
  const { outcome } = sized.run;
  const calls = Object.entries(outcome.calls);
  const ssm = calls.filter(([a]) => a.startsWith('SSM.')).reduce((n, [, c]) => n + c, 0);
  const perNode = calls.filter(([a]) => PER_NODE_SSM.includes(a)).reduce((n, [, c]) => n + c, 0);
  const detailCalls = outcome.calls['SSM.DescribeInstancePatches'] ?? 0;
  const all = calls.reduce((n, [, c]) => n + c, 0);
  const throttles = outcome.scopes.reduce((n, s) => n + s.throttles, 0);
  const scopes = outcome.scopes.length;
  return [
    { group, name: 'SSM calls ÷ (3·⌈n/50⌉ + non-compliant nodes) (all SSM calls)', value: ssm / sized.ssmBound, unit: '', target: 1.1 },
    {
      group,
      name: 'DescribeInstancePatches calls per non-compliant node',
      value: detailCalls / Math.max(1, sized.detailNodes),
      unit: 'calls',
      target: 1.1,
    },
    { group, name: 'non-compliant nodes (patch detail read)', value: sized.detailNodes, unit: 'nodes' },
    { group, name: 'per-node SSM calls ÷ 3·⌈n/50⌉', value: perNode / (sized.ssmBound - sized.detailNodes), unit: '' },
    { group, name: 'constant SSM calls per region', value: (ssm - perNode - detailCalls) / scopes, unit: 'calls' },
    { group, name: 'throttled attempts', value: throttles, unit: 'calls' },
    { group, name: 'calls per 1,000 nodes (all services)', value: (all / sized.nodes) * 1000, unit: 'calls' },
    { group, name: 'collection wall time', value: sized.run.collectMs / 1000, unit: 's' },
    { group, name: 'latency-and-throttle bound', value: sized.boundMs / 1000, unit: 's' },
    { group, name: 'collection wall ÷ bound', value: sized.run.collectMs / sized.boundMs, unit: '', target: 1.3 },
    { group, name: 'audit process CPU per call, collecting', value: sized.run.collectCpuMs / all, unit: 'ms' },
    { group, name: 'simulator CPU per call, whole audit', value: sized.simCpuMs / all, unit: 'ms' },
    {
      group,
      name: 'CPU of both ÷ (collection wall × cores)',
      value: (sized.run.collectCpuMs + sized.simCpuMs) / (sized.run.collectMs * cpus().length),
      unit: '',
    },
  ];
}

export function scaleFigures(runs: readonly SizedRun[]): Figure[] {
  const group = 'scale';
  const figures: Figure[] = [];
  runs.forEach((r, i) => {
    const label = r.nodes.toLocaleString('en');
    const overBound = r.run.totalMs / r.boundMs;
    figures.push({ group, name: `${label} nodes: audit wall time`, value: r.run.totalMs / 1000, unit: 's' });
    figures.push({ group, name: `${label} nodes: time per node`, value: r.run.totalMs / r.nodes, unit: 'ms' });
    figures.push({ group, name: `${label} nodes: audit wall ÷ latency-and-throttle bound`, value: overBound, unit: '' });
    const prev = runs[i - 1];
    // Over the bound, not per node: a small fleet's calls fit in the throttle's burst and a
    // large one's wait for its refill, so the simulator alone makes time per node grow; what
    // the audit adds on top of what the simulator allows must not (issue 20).
    if (prev) {
      figures.push({
        group,
        name: `${label} nodes: wall ÷ bound, ÷ previous size's (1 = linear)`,
        value: overBound / (prev.run.totalMs / prev.boundMs),
        unit: '',
        target: 1.3,
      });
    }
    figures.push({
      group,
      name: `${label} nodes: audit process peak RSS, V8's own heap limits`,
      value: r.run.maxRssBytes / 2 ** 20,
      unit: 'MB',
    });
  });
  const first = runs[0];
  const last = runs.at(-1);
  if (first && last && last !== first) {
    figures.push({
      group,
      name: `peak RSS growth per 1,000 nodes (${first.nodes.toLocaleString('en')} → ${last.nodes.toLocaleString('en')})`,
      value: ((last.run.maxRssBytes - first.run.maxRssBytes) / 2 ** 20 / (last.nodes - first.nodes)) * 1000,
      unit: 'MB',
    });
  }
  return figures;
}

/** The old-space cap of the memory run: under it a 50,000-node audit's heap peaked at 154 MB, in the time it took uncapped (measured). */
export const OLD_SPACE_CAP_MB = 200;
const PEAK_RSS_TARGET_MB = 500;

/**
 * What the audit itself needs, apart from when V8 chooses to collect. With memory to spare V8
 * lets the old space grow to about four times what survives a full collection before it
 * collects again, so the uncapped peak says more about V8's heuristics than about what the
 * audit keeps. The same audit with the old space capped must finish (or it would crash) and take
 * no longer: then what it holds fits under the cap, and the capped peak is its need (issue 20).
 */
export function memoryFigures(uncapped: SizedRun, capped: SizedRun): Figure[] {
  const group = 'scale';
  const label = capped.nodes.toLocaleString('en');
  return [
    {
      group,
      name: `${label} nodes: audit process peak RSS, old space capped at ${OLD_SPACE_CAP_MB} MB`,
      value: capped.run.maxRssBytes / 2 ** 20,
      unit: 'MB',
      target: PEAK_RSS_TARGET_MB,
    },
    {
      group,
      name: `${label} nodes: audit wall time with that cap ÷ without`,
      value: capped.run.totalMs / uncapped.run.totalMs,
      unit: '',
      target: 1.1,
    },
  ];
}
