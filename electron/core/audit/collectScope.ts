/**
 * Collects one scope (account × region): a scheduler over the source registry (docs/design.md
 * §5) that makes no AWS call itself. It pages through the node list (the one required source:
 * without it the scope fails) and starts every optional source when what it depends on is in.
 * About 3·⌈N/50⌉ + M calls plus a constant, M the nodes whose patch state counts missing, failed
 * or pending-reboot patches; EC2's instances are paged by 1000 whatever their number, and what
 * stops the unmanaged ones from being managed costs one call per scope and IAM's per distinct
 * instance profile per account (issue 30), never a call per instance.
 *
 * An optional source that is denied or fails becomes a gap, and the nodes say which source is
 * missing, so the rules answer `unknown` instead of guessing.
 */
import type { ScopeCoverage, UnmanagedInstance } from '../../../shared/ec2Coverage';
import type { NodeFacts, SourceStatus } from '../../../shared/model';
import { SOURCE_KEYS, SOURCES, type NodeSourceKey, type SourceKey } from '../../../shared/sources';
import type { GapErrors } from '../../../shared/scopeErrors';
import type { AwsClients } from '../aws/clients';
import {
  AccountCache,
  assembleNodeFacts,
  isSetupSourceModule,
  NODE_LIST,
  NODE_PAGE,
  OPTIONAL_SOURCES,
  START_ORDER,
  type NodeIdentity,
  type OptionalSourceModule,
  type PatchingSetup,
  type CoverageReads,
  type Ec2Networking,
  type SourceContext,
  type SourceRead,
  scopeCoverage,
  settleAll,
  unmanagedOf,
} from './sources';
import { classifyScopeError, isAborted, isDenied, isExpired } from '../aws/errors';
import { ScopeFailure } from './errors';

export type { PatchingSetup } from './sources';

/** Each page of the node list is one patch-state batch: the call takes at most 50 ids. */
export const PATCH_STATE_BATCH = NODE_PAGE;

/** Sources finish in any order; gaps are listed in the order the sources are described. */
const GAP_ORDER = SOURCE_KEYS.map((key) => SOURCES[key].gap as string);

export interface ScopeCollection {
  facts: NodeFacts[];
  gaps: string[];
  gapErrors: GapErrors;
  patching: Partial<PatchingSetup>;
  /** Absent when the scope's EC2 instances were not read. */
  coverage?: ScopeCoverage;
  unmanaged: UnmanagedInstance[];
}

export interface CollectContext {
  accountId: string;
  region: string;
  clients: AwsClients;
  signal: AbortSignal;
  /** What the account's scopes share (IAM's answers); a scope alone gets its own. */
  account?: AccountCache;
  /** Called after each page, with the number of nodes known so far. */
  onNodes?: (nodes: number) => void;
}

interface Run {
  value?: unknown;
  status: SourceStatus;
}
const NOT_COLLECTED: Run = { status: 'not_collected' };

export async function collectScope(ctx: CollectContext): Promise<ScopeCollection> {
  const { signal } = ctx;
  const source: SourceContext = { clients: ctx.clients, signal, account: ctx.account ?? new AccountCache() };
  const gaps: string[] = [];
  const gapErrors: GapErrors = {};

  /** Runs an optional source: a denial or failure becomes a gap, a lost session fails the scope. */
  async function optional(module: OptionalSourceModule, input: unknown): Promise<Run> {
    const gap = SOURCES[module.key].gap;
    try {
      return { value: await module.collect(source, input as never), status: 'ok' };
    } catch (err) {
      if (isAborted(err) || signal.aborted) throw err;
      if (isExpired(err)) throw new ScopeFailure(classifyScopeError(err, gap, ctx.region));
      gaps.push(gap);
      const info = classifyScopeError(err, gap, ctx.region);
      gapErrors[gap] = { errorCode: info.code, errorParams: info.params };
      return { status: isDenied(err) ? 'denied' : 'error' };
    }
  }

  // Sources overlap where nothing orders them: most need no ids, each page's batch needs only its
  // own page of ids, and some only whether any node is of their kind. Made one after another, a
  // scope pays every call's round trip in turn. They start with the first page that holds a node:
  // most regions of an organization are empty (issue 20), and an empty one then costs its single
  // node-list call, and one more for each source every regional scope reads (`scope`), asked
  // beside the node list so that an empty region still costs one round trip.
  const started = new Map<SourceKey, Promise<Run>>();
  const batches = new Map<SourceKey, Promise<unknown[]>[]>(OPTIONAL_SOURCES.map((module) => [module.key, []]));
  const startOnPage = (list: readonly NodeIdentity[]): void => {
    const ids = list.map((node) => node.instanceId);
    for (const module of START_ORDER) {
      const { dependsOn } = module;
      if (dependsOn.on === 'pages') batches.get(module.key)!.push(quiet(dependsOn.batch(source, ids)));
      else if (dependsOn.on === 'nodes' && !started.has(module.key) && list.some(dependsOn.wants ?? (() => true)))
        started.set(module.key, quiet(optional(module, undefined)));
    }
  };

  for (const module of START_ORDER) if (module.dependsOn.on === 'scope') started.set(module.key, quiet(optional(module, undefined)));
  const nodes: NodeIdentity[] = [];
  const seen = new Set<string>();
  try {
    for await (const page of NODE_LIST.pages(source)) {
      const list = NODE_LIST.toFacts(page, seen);
      nodes.push(...list);
      if (list.length) startOnPage(list);
      ctx.onNodes?.(nodes.length);
    }
  } catch (err) {
    // Let the calls already started finish first, so none outlives the scope's failure.
    await Promise.allSettled([...started.values(), ...[...batches.values()].flat()]);
    if (isAborted(err) || signal.aborted) throw err;
    throw new ScopeFailure(classifyScopeError(err, SOURCES[NODE_LIST.key].gap, ctx.region));
  }

  const nodeIds = new Set(nodes.map((node) => node.instanceId));
  for (const module of OPTIONAL_SOURCES) startAfterNodeList(module, { started, batches, nodeIds }, optional);
  const runs = await settleAll(OPTIONAL_SOURCES.map((module) => started.get(module.key) ?? Promise.resolve(NOT_COLLECTED)));
  gaps.sort((a, b) => GAP_ORDER.indexOf(a) - GAP_ORDER.indexOf(b));

  const reads = new Map<SourceKey, SourceRead<unknown>>();
  const patching: Partial<PatchingSetup> = {};
  OPTIONAL_SOURCES.forEach((module, i) => {
    const run = runs[i]!;
    reads.set(module.key, sourceRead(run));
    if (isSetupSourceModule(module) && run.value !== undefined) Object.assign(patching, module.toFacts(run.value));
  });
  const place = { accountId: ctx.accountId, region: ctx.region };
  const facts = nodes.map((node) => assembleNodeFacts(node, { ...place, reads: reads as ReadonlyMap<NodeSourceKey, SourceRead<unknown>> }));
  const { coverage, unmanaged } = scopeCoverage(
    {
      network: reads.get('network') as CoverageReads['network'],
      hostManagement: reads.get('hostManagement') as CoverageReads['hostManagement'],
      instanceRoles: reads.get('instanceRoles') as CoverageReads['instanceRoles'],
      nodeIds,
    },
    place,
  );
  return { facts, gaps, gapErrors, patching, ...(coverage ? { coverage } : {}), unmanaged };
}

interface Scheduled {
  started: Map<SourceKey, Promise<Run>>;
  batches: ReadonlyMap<SourceKey, Promise<unknown[]>[]>;
  nodeIds: ReadonlySet<string>;
}

/**
 * Starts what waits for the whole node list: the `pages` sources over their batches, those that
 * wait for another source, and those that wait for the EC2 instances that are no node (`network`'s).
 */
function startAfterNodeList(
  module: OptionalSourceModule,
  { started, batches, nodeIds }: Scheduled,
  optional: (module: OptionalSourceModule, input: unknown) => Promise<Run>,
): void {
  const { dependsOn } = module;
  if (dependsOn.on === 'nodes' || dependsOn.on === 'scope') return;
  const after = (key: SourceKey, then: (value: unknown) => Promise<Run>): Promise<Run> =>
    (started.get(key) ?? Promise.resolve(NOT_COLLECTED)).then((read) => (read.value ? then(read.value) : NOT_COLLECTED));
  let run: Promise<Run>;
  if (dependsOn.on === 'pages') run = optional(module, batches.get(module.key));
  else if (dependsOn.on === 'unmanaged') {
    run = after('network', (ec2) => {
      const wanted = unmanagedOf(ec2 as Ec2Networking, nodeIds).filter(dependsOn.wants);
      return wanted.length ? optional(module, wanted) : Promise.resolve(NOT_COLLECTED);
    });
  } else run = after(dependsOn.on, (value) => optional(module, value));
  started.set(module.key, quiet(run));
}

/** Awaited later; until then a lost session or a cancel must not surface as an unhandled rejection. */
function quiet<T>(run: Promise<T>): Promise<T> {
  run.catch(() => {});
  return run;
}

function sourceRead(run: Run): SourceRead<unknown> {
  return run.status === 'ok' && run.value !== undefined
    ? { status: 'ok', value: run.value }
    : { status: run.status === 'ok' ? 'error' : run.status };
}
