/**
 * The pure half of the benchmarks: a figure beside its target, its verdict, and the lower
 * bounds an audit is measured against. Nothing here measures or prints.
 */

/** `max`: the value should not exceed the target; `min`: it should reach it. */
export type Direction = 'max' | 'min';

export interface Figure {
  group: string;
  name: string;
  /** Undefined when the figure could not be measured; `note` then says why. */
  value?: number;
  unit: string;
  target?: number;
  direction?: Direction;
  /** A target stated as strictly below (`< 5 %`) rather than at most. */
  strict?: boolean;
  note?: string;
}

export type Verdict = 'meets' | 'misses' | 'info' | 'not measured';

/** value ÷ target, so 1.00 is exactly on target and, for `max` figures, lower is better. */
export function ratioOf(figure: Figure): number | undefined {
  if (figure.value === undefined || figure.target === undefined || !Number.isFinite(figure.value)) return undefined;
  if (figure.target === 0) return figure.value === 0 ? 1 : Number.POSITIVE_INFINITY;
  return figure.value / figure.target;
}

export function verdictOf(figure: Figure): Verdict {
  if (figure.value === undefined || !Number.isFinite(figure.value)) return 'not measured';
  if (figure.target === undefined) return 'info';
  const { value, target } = figure;
  if ((figure.direction ?? 'max') === 'min') return (figure.strict ? value > target : value >= target) ? 'meets' : 'misses';
  return (figure.strict ? value < target : value <= target) ? 'meets' : 'misses';
}

/**
 * The fewest SSM calls a scope of `nodes` managed nodes can take (docs/design.md §5): one
 * DescribeInstanceInformation page, one DescribeInstancePatchStates batch and at most one
 * GetInventory page per 50 nodes, since 50 is each API's page or batch limit; and one
 * DescribeInstancePatches call for each of the `detailNodes` whose patch state counts
 * missing, failed or pending-reboot patches (the API answers for one node a call).
 */
export function ssmCallBound(nodes: number, detailNodes = 0): number {
  return 3 * Math.ceil(nodes / 50) + detailNodes;
}

/**
 * The calls of a scope that must follow one another whatever the collector does: every
 * DescribeInstanceInformation page waits for the previous page's NextToken, the last page's
 * ids still need their DescribeInstancePatchStates batch, and that batch's non-compliant nodes
 * their DescribeInstancePatches call. Everything else can overlap.
 */
export function chainBound(nodes: number, detailNodes = 0): number {
  return Math.ceil(nodes / 50) + 1 + (detailNodes > 0 ? 1 : 0);
}

/** What the simulator does to every call: latency before answering, then a token bucket per account × region. */
export interface SimCost {
  latencyMs: number;
  ratePerSecond: number;
  burst: number;
}

/**
 * The least time one scope can take for `calls` successful calls when `chain` of them must
 * follow one another (each waits for the previous answer: a NextToken, or ids from a page).
 * Each call in the chain costs the latency, so `chain·L`; and the bucket, full when the
 * scope's first call arrives, holds `B` tokens and refills `R` a second, so the last call's
 * token exists no sooner than `(C − B)/R` after that (the simulator sleeps the latency before
 * taking the token, so the latency overlaps the refill rather than adding to it). A collector
 * that made every call one after another would have `chain = calls`.
 */
export function scopeBoundMs(calls: number, chain: number, cost: SimCost): number {
  const latencyBound = chain * cost.latencyMs;
  const bucketBound = calls > cost.burst ? ((calls - cost.burst) / cost.ratePerSecond) * 1000 : 0;
  return Math.max(latencyBound, bucketBound);
}

/**
 * Scopes run `concurrency` at a time, each taken in order by the first free slot (p-limit):
 * the makespan of that schedule over the scopes' own bounds. It is never below
 * max(longest scope, Σ scopes ÷ concurrency).
 */
export function scheduleBoundMs(scopeMs: readonly number[], concurrency: number): number {
  const slots = new Array<number>(Math.max(1, concurrency)).fill(0);
  for (const ms of scopeMs) {
    let first = 0;
    for (let i = 1; i < slots.length; i++) if ((slots[i] ?? 0) < (slots[first] ?? 0)) first = i;
    slots[first] = (slots[first] ?? 0) + ms;
  }
  return Math.max(...slots);
}

/** What the fan-out bound needs to know of one scope (account × region) of the simulated fleet. */
export interface ScopeShape {
  nodes: number;
  /** DescribeInstancePatches pages: one or more (pages of 100) per node with missing, failed or pending-reboot patches. */
  detailCalls: number;
  /** EC2 instances in the region, managed or not, terminated aside (issue 30: read in every scope). */
  instances: number;
  /** Enabled maintenance windows, whose tasks must each be read. */
  windows: number;
  /** Whether some unmanaged instance has no instance profile: the scope then reads its Default Host Management Configuration. */
  hostManagement: boolean;
}

/**
 * The fewest calls that collect one scope (collectScope.ts, docs/design.md §5). Every scope: its
 * DescribeInstanceInformation pages and DescribeInstances in pages of 1,000 (one page when there
 * is none: issue 30 reads every regional scope's instances), plus one page each of
 * DescribeRouteTables and DescribeVpcEndpoints when there is an instance, and one
 * GetServiceSetting when an unmanaged one has no profile. An empty region costs those two calls.
 * With nodes, `ssmCallBound(nodes, detailCalls)`, one page each of DescribePatchBaselines,
 * DescribePatchGroups, ListAssociations (AWS-RunPatchBaseline) and DescribeMaintenanceWindows,
 * and one DescribeMaintenanceWindowTasks per enabled window (the simulated fleet's setup and
 * network fit one page each). IAM's calls are the account's, not a scope's (`fanOutCallBound`).
 */
export function scopeCallBound(scope: ScopeShape): number {
  const ec2 = Math.max(1, Math.ceil(scope.instances / 1000)) + (scope.instances > 0 ? 2 : 0) + (scope.hostManagement ? 1 : 0);
  if (scope.nodes === 0) return 1 + ec2;
  const setup = 4 + scope.windows;
  return ssmCallBound(scope.nodes, scope.detailCalls) + setup + ec2;
}

/**
 * The fewest calls of a whole organization audit: GetCallerIdentity, ListAccounts in pages of
 * 20 over every listed account, AssumeRole into each audited account but the caller's own,
 * DescribeRegions in each audited account, `scopeCallBound` for every scope, and for each
 * distinct instance profile of an account's unmanaged instances GetInstanceProfile and one
 * ListAttachedRolePolicies page (`profiles`, summed over the accounts; IAM is global).
 */
export function fanOutCallBound(audit: {
  listed: number;
  audited: number;
  assumed: number;
  scopes: readonly ScopeShape[];
  profiles?: number;
}): number {
  const resolution = 1 + Math.ceil(audit.listed / 20) + audit.assumed + audit.audited;
  return resolution + audit.scopes.reduce((sum, scope) => sum + scopeCallBound(scope), 0) + 2 * (audit.profiles ?? 0);
}

/**
 * The scheduler's caps (electron/core/audit/scopeScheduler.ts): scopes at once, and at once per
 * account and per region.
 */
export interface Caps {
  global: number;
  perAccount: number;
  perRegion: number;
}

/**
 * The makespan of scopes taken in order, each as soon as a slot is free overall, for its
 * account and for its region (a capped scope lets the next one start), each lasting its own
 * bound: what the audit's scheduler would achieve if every scope took exactly its bound.
 */
export function cappedScheduleBoundMs(scopes: ReadonlyArray<{ account: string; region: string; ms: number }>, caps: Caps): number {
  const queue = [...scopes];
  const running: { account: string; region: string; end: number }[] = [];
  const count = (key: 'account' | 'region', value: string) => running.filter((r) => r[key] === value).length;
  let now = 0;
  while (queue.length || running.length) {
    for (let i = 0; i < queue.length && running.length < caps.global;) {
      const next = queue[i]!;
      if (count('account', next.account) < caps.perAccount && count('region', next.region) < caps.perRegion) {
        queue.splice(i, 1);
        running.push({ account: next.account, region: next.region, end: now + next.ms });
      } else i++;
    }
    now = Math.min(...running.map((r) => r.end));
    for (let i = running.length - 1; i >= 0; i--) if (running[i]!.end <= now) running.splice(i, 1);
  }
  return now;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (value: number | undefined): string => {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return abs >= 1000 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
};

/** The table the bench prints: figure, value, target, ratio, verdict. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    const op = (f.direction ?? 'max') === 'min' ? (f.strict ? '>' : '≥') : f.strict ? '<' : '≤';
    return [
      `${f.group}: ${f.name}`,
      f.value === undefined ? '—' : `${fmt(f.value)} ${f.unit}`.trim(),
      f.target === undefined ? '' : `${op} ${fmt(f.target)} ${f.unit}`.trim(),
      ratio === undefined ? '' : ratio.toFixed(2),
      verdictOf(f) + (f.note ? ` (${f.note})` : ''),
    ];
  });
  const header = ['figure', 'value', 'target', 'ratio', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
