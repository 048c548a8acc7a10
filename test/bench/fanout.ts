/**
 * Fan-out figures (docs/design.md §5, §10): what consultants audit, an organization of many
 * accounts × every enabled region, most regions empty, most accounts with a few nodes in one
 * or two regions and a handful of regions with thousands. Discovered through Organizations and
 * reached by AssumeRole with an external id; every region answers after its own latency, and
 * every account × region × action has its own token bucket, as AWS throttles. The simulator
 * runs here; the audit runs in a child process (`auditProcess.ts`), as in `audit.ts`.
 *
 * Alone: `npx tsx test/bench/fanout.ts [--quick] [--concurrency N]` (default: the plan's default).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY } from '../../shared/auditPlan';
import { isRegional } from '../../shared/model';
import { scopeCaps } from '../../electron/core/audit/scopeScheduler';
import { startSimulator, type FaultRule } from '../../electron/core/sim';
import type { RegionFleet } from '../../electron/core/sim/fleet';
import type { AuditJob } from './auditChild';
import { runAuditChild } from './auditProcess';
import { cappedScheduleBoundMs, chainBound, fanOutCallBound, formatTable, scopeBoundMs, type Figure, type ScopeShape } from './figures';

/**
 * Round trips from a client in Europe's or North America's east, by region: 20–40 ms to the
 * near ones, 150–250 ms to South America and Asia Pacific.
 */
export const REGION_LATENCY_MS: Readonly<Record<string, number>> = {
  'us-east-1': 20,
  'us-east-2': 25,
  'us-west-1': 35,
  'us-west-2': 30,
  'ca-central-1': 30,
  'eu-west-1': 30,
  'eu-west-2': 35,
  'eu-west-3': 35,
  'eu-central-1': 35,
  'eu-north-1': 40,
  'sa-east-1': 150,
  'ap-northeast-1': 180,
  'ap-northeast-2': 190,
  'ap-northeast-3': 200,
  'ap-southeast-1': 220,
  'ap-southeast-2': 250,
  'ap-south-1': 230,
};
const HOME = 'us-east-1';

/**
 * Buckets per account × region × action (STS and Organizations per calling account × action).
 * EC2's are its documented non-mutating bucket (100, refilling 20 a second). SSM publishes no
 * figure, only that its limit is "per AWS account and AWS Region": 40 and 20 a second, the
 * range its Describe* calls are known to throttle at. STS and Organizations: well below their
 * quotas, so an audit that bursts AssumeRole meets them.
 */
export const BUCKETS = {
  SSM: { ratePerSecond: 20, burst: 40 },
  EC2: { ratePerSecond: 20, burst: 100 },
  STS: { ratePerSecond: 50, burst: 100 },
  Organizations: { ratePerSecond: 5, burst: 20 },
} as const;

/** Regions where nodes live; the other enabled regions of every account are empty. */
const FLEET_REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2'];

interface FanOutSize {
  accounts: number;
  /** The few account × regions holding thousands of nodes. */
  big: ReadonlyArray<{ account: number; region: string; nodes: number }>;
}

const FULL: FanOutSize = {
  accounts: 200,
  big: [
    { account: 23, region: 'us-east-1', nodes: 3000 },
    { account: 71, region: 'eu-west-1', nodes: 2000 },
    { account: 122, region: 'ap-northeast-1', nodes: 1500 },
    { account: 180, region: 'us-west-2', nodes: 1000 },
  ],
};
const QUICK: FanOutSize = {
  accounts: 30,
  big: [
    { account: 7, region: 'us-east-1', nodes: 600 },
    { account: 19, region: 'ap-northeast-1', nodes: 400 },
  ],
};

/**
 * One account in ten has no node; the others a few (1–12) in one region, and one in three a
 * few more in a second region; the big ones as listed.
 */
function nodesIn(size: FanOutSize) {
  return (account: number, region: string): number => {
    const big = size.big.find((b) => b.account === account && b.region === region);
    if (big) return big.nodes;
    if (account % 10 === 9) return 0;
    if (region === FLEET_REGIONS[account % FLEET_REGIONS.length]) return 1 + ((account * 7) % 12);
    if (account % 3 === 0 && region === FLEET_REGIONS[(account + 3) % FLEET_REGIONS.length]) return 1 + (account % 5);
    return 0;
  };
}

function faults(): FaultRule[] {
  return [
    ...Object.entries(REGION_LATENCY_MS).map(([region, latencyMs]) => ({ match: { region }, latencyMs })),
    ...Object.entries(BUCKETS).map(([service, bucket]) => ({
      match: { action: `${service}.*` },
      throttle: { ...bucket, perAction: true },
    })),
  ];
}

/** The simulated fleet's unmanaged instances are its NAT instances, which have no instance profile. */
function shapeOf(region: RegionFleet | undefined): ScopeShape {
  const unmanaged = region?.otherInstances.length ?? 0;
  if (!region?.nodes.length) return { nodes: 0, detailCalls: 0, instances: unmanaged, windows: 0, hostManagement: unmanaged > 0 };
  const detailCalls = region.nodes.reduce((sum, n) => {
    const open = n.patchState ? n.patchState.missing + n.patchState.failed + n.patchState.installedPendingReboot : 0;
    return sum + (open > 0 ? Math.max(1, Math.ceil(open / 100)) : 0);
  }, 0);
  const ec2 = region.nodes.filter((n) => n.kind === 'ec2').length;
  return {
    nodes: region.nodes.length,
    detailCalls,
    instances: ec2 + unmanaged,
    windows: region.maintenanceWindows.filter((w) => w.enabled).length,
    hostManagement: unmanaged > 0,
  };
}

/**
 * The least time one scope can take: its chain of dependent calls at its region's latency (an
 * empty region: its one call), or its busiest action's bucket, whichever is longer
 * (`scopeBoundMs`; each action has its own bucket, so the busiest one bounds).
 */
function scopeMs(region: string, shape: ScopeShape): number {
  const latencyMs = REGION_LATENCY_MS[region] ?? 0;
  if (shape.nodes === 0) return latencyMs;
  const busiest = Math.max(Math.ceil(shape.nodes / 50), shape.detailCalls);
  return scopeBoundMs(busiest, chainBound(shape.nodes, shape.detailCalls), { latencyMs, ...BUCKETS.SSM });
}

export async function benchFanOut(quick: boolean, concurrency = DEFAULT_CONCURRENCY): Promise<Figure[]> {
  const size = quick ? QUICK : FULL;
  const sim = await startSimulator({
    fleetOptions: { seed: 'fan-out', accounts: size.accounts, regions: FLEET_REGIONS, nodesIn: nodesIn(size) },
    faults: faults(),
  });
  try {
    const fleet = sim.fleet();
    const management = sim.credentials[0]!;
    // The organization's two ACTIVE sandbox accounts hold no audit role (AssumeRole is refused):
    // left out, as the demo's consultant does, so every scope measured is one that collects.
    const simulated = new Set(fleet.accounts.map((a) => a.accountId));
    const sandboxes = fleet.organization.accounts.filter((a) => !simulated.has(a.id)).map((a) => a.id);
    const job: AuditJob = {
      endpoint: sim.url,
      accessKeyId: management.accessKeyId,
      secretAccessKey: management.secretAccessKey,
      plan: {
        regions: 'all',
        homeRegion: HOME,
        targets: { kind: 'organization', roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id', exclude: sandboxes },
        concurrency,
      },
    };
    sim.resetCounters();
    const result = await runAuditChild(job);
    const counters = sim.counters();

    // Every account of the fan-out fleet is reached: each scope names its region.
    const scopes = result.outcome.scopes.filter(isRegional);
    const accountOf = new Map(fleet.accounts.map((a) => [a.accountId, a]));
    const shapes = scopes.map((s) => shapeOf(accountOf.get(s.accountId)?.regions[s.region]));
    const audited = new Set(scopes.map((s) => s.accountId));
    const callBound = fanOutCallBound({
      listed: fleet.organization.accounts.length,
      audited: audited.size,
      assumed: [...audited].filter((id) => id !== management.accountId).length,
      scopes: shapes,
    });
    const answered = counters.total - counters.throttled;

    // Before the first scope: GetCallerIdentity, every ListAccounts page, then the first
    // account's AssumeRole and DescribeRegions, one after another in the home region.
    const listPages = Math.ceil(fleet.organization.accounts.length / 20);
    const resolutionMs = (1 + listPages + 2) * (REGION_LATENCY_MS[HOME] ?? 0);
    const caps = scopeCaps(concurrency);
    const scheduleMs = cappedScheduleBoundMs(
      scopes.map((s, i) => ({ account: s.accountId, region: s.region, ms: scopeMs(s.region, shapes[i]!) })),
      caps,
    );
    const criticalMs = resolutionMs + scheduleMs;
    const wallMs = result.resolveMs + result.collectMs;

    const empty = scopes.filter((s, i) => shapes[i]!.nodes === 0);
    const group = 'fan-out';
    const label = `${audited.size} accounts × all regions, ${concurrency} scopes at once`;
    return [
      { group, name: `${label}: calls answered ÷ lower bound`, value: answered / callBound, unit: '', target: 1.1 },
      { group, name: `${label}: collection wall ÷ critical path`, value: wallMs / criticalMs, unit: '', target: 1.3 },
      { group, name: 'scopes (account × region)', value: scopes.length, unit: 'scopes' },
      { group, name: 'empty scopes', value: empty.length, unit: 'scopes' },
      { group, name: 'calls per empty scope', value: empty.reduce((n, s) => n + s.calls, 0) / Math.max(1, empty.length), unit: 'calls' },
      { group, name: 'scopes not collected', value: scopes.filter((s) => s.status !== 'ok').length, unit: 'scopes', target: 0 },
      { group, name: 'nodes', value: result.outcome.nodes, unit: 'nodes' },
      { group, name: 'calls answered / lower bound', value: answered, unit: `/ ${callBound}` },
      { group, name: 'throttled attempts', value: counters.throttled, unit: 'calls' },
      { group, name: 'collection wall time (from the start)', value: wallMs / 1000, unit: 's' },
      { group, name: 'critical path (resolution + capped schedule)', value: criticalMs / 1000, unit: 's' },
      { group, name: 'audit process CPU while collecting', value: result.collectCpuMs / 1000, unit: 's' },
    ];
  } finally {
    await sim.close();
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--concurrency');
  const figures = await benchFanOut(process.argv.includes('--quick'), at > 0 ? Number(process.argv[at + 1]) : DEFAULT_CONCURRENCY);
  console.log(formatTable(figures));
}
