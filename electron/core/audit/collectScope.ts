/**
 * Collects one scope (account × region) with the fewest calls (docs/design.md §5): managed nodes in
 * pages of 50, patch states 50 ids a call, Python inventory through filtered GetInventory
 * pages, EC2 networking once per region, and the patch detail of each node whose patch state
 * counts missing, failed or pending-reboot patches (one call per such node and page of 100).
 * About 3·⌈N/50⌉ + M calls plus a constant, M the nodes with such patches.
 *
 * DescribeInstanceInformation is required: without it the scope fails. Every other source is
 * optional: when it is denied or fails, the scope records the gap and the nodes say which
 * source is missing, so the rules answer `unknown` instead of guessing.
 */
import {
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeVpcEndpoints,
  type RouteTable,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import {
  DescribeInstancePatchesCommand,
  DescribeInstancePatchStatesCommand,
  paginateDescribeInstanceInformation,
  paginateDescribeMaintenanceWindows,
  paginateDescribeMaintenanceWindowTasks,
  paginateDescribePatchBaselines,
  paginateDescribePatchGroups,
  paginateGetInventory,
  paginateListAssociations,
  type InstancePatchState,
} from '@aws-sdk/client-ssm';
import {
  PATCH_DETAIL_LIMITS,
  type InventoryApp,
  type NodeFacts,
  type PatchDetail,
  type PatchState,
  type SourceStatus,
} from '../../../shared/model';
import type { Ec2InstanceShape } from '../../../shared/network';
import type { GapErrors } from '../../../shared/scopeErrors';
import type { AwsClients } from '../aws/clients';
import {
  APPLICATION_TYPE,
  assembleNodeFacts,
  INSTANCE_INFORMATION,
  INSTANCE_PATCHES,
  instancesById,
  INVENTORY,
  INVENTORY_FILTER,
  inventoryById,
  NETWORK,
  needsPatchDetail,
  nodeIdentities,
  PATCH_DETAIL_FILTER,
  PATCH_DETAIL_PAGE,
  patchDetails,
  PATCH_STATES,
  patchStatesById,
  type Ec2Networking,
  type NodeIdentity,
  type SourceRead,
} from './sources';
import { classifyScopeError, isAborted, isDenied, isExpired, ScopeFailure } from './errors';

export const PATCH_STATE_BATCH = 50;
/** Nodes whose patch detail is read at once in one scope: one call per node and page, so a scope with thousands of non-compliant nodes must not flood its own throttle bucket. */
export const PATCH_DETAIL_CONCURRENCY = 4;

const GAP_ORDER = [
  PATCH_STATES.action,
  INSTANCE_PATCHES.action,
  INVENTORY.action,
  NETWORK.action,
  'ssm:DescribePatchBaselines',
  'ssm:DescribePatchGroups',
  'ssm:ListAssociations',
  'ssm:DescribeMaintenanceWindows/DescribeMaintenanceWindowTasks',
];

export interface PatchingSetup {
  baselines: number;
  patchGroups: number;
  /** State Manager associations that run AWS-RunPatchBaseline. */
  patchAssociations: number;
  /** Maintenance windows with an AWS-RunPatchBaseline task. */
  patchMaintenanceWindows: number;
}

export interface ScopeCollection {
  facts: NodeFacts[];
  gaps: string[];
  gapErrors: GapErrors;
  patching: Partial<PatchingSetup>;
}

export interface CollectContext {
  accountId: string;
  region: string;
  clients: AwsClients;
  signal: AbortSignal;
  /** Called after each page, with the number of nodes known so far. */
  onNodes?: (nodes: number) => void;
}

function checkAbort(signal: AbortSignal) {
  if (signal.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}

export async function collectScope(ctx: CollectContext): Promise<ScopeCollection> {
  const { clients, signal } = ctx;
  const gaps: string[] = [];
  const gapErrors: GapErrors = {};
  const patching: Partial<PatchingSetup> = {};

  /** Runs an optional source: a denial or failure becomes a gap, a lost session fails the scope. */
  async function optional<T>(action: string, run: () => Promise<T>): Promise<{ value?: T; status: SourceStatus }> {
    try {
      return { value: await run(), status: 'ok' };
    } catch (err) {
      if (isAborted(err) || signal.aborted) throw err;
      if (isExpired(err)) throw new ScopeFailure(classifyScopeError(err, action, ctx.region));
      gaps.push(action);
      const info = classifyScopeError(err, action, ctx.region);
      gapErrors[action] = { errorCode: info.code, errorParams: info.params };
      return { status: isDenied(err) ? 'denied' : 'error' };
    }
  }

  // Sources overlap where nothing orders them: GetInventory and the patching setup need no
  // ids, each patch-state batch needs only its own page of ids, and EC2 only whether any node
  // is an instance. Made one after another, a scope pays every call's round trip in turn.
  // They start with the first page that holds a node: most regions of an organization are
  // empty (issue 20), and an empty one then costs its single DescribeInstanceInformation call.
  const readInventory = () =>
    optional(INVENTORY.action, async () => {
      const apps = new Map<string, InventoryApp[] | null>();
      const pages = paginateGetInventory(
        { client: clients.ssm, pageSize: 50 },
        // Only the interpreter entries matter (P2); filtering server-side keeps pages small.
        {
          MaxResults: 50,
          Filters: [{ ...INVENTORY_FILTER, Values: [...INVENTORY_FILTER.Values] }],
          ResultAttributes: [{ TypeName: APPLICATION_TYPE }],
        },
      );
      for await (const page of pages) {
        checkAbort(signal);
        inventoryById(Array.isArray(page.Entities) ? page.Entities : [], apps);
      }
      return apps;
    });
  // EC2 networking only matters when some node is an EC2 instance; its three listings need
  // nothing from one another.
  const readNetwork = () =>
    optional(NETWORK.action, async (): Promise<Ec2Networking> => {
      const [instances, routeTables, endpoints] = await settleAll([
        (async () => {
          const byId = new Map<string, Ec2InstanceShape>();
          for await (const page of paginateDescribeInstances({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 })) {
            checkAbort(signal);
            instancesById(page.Reservations ?? [], byId);
          }
          return byId;
        })(),
        (async () => {
          const found: RouteTable[] = [];
          for await (const page of paginateDescribeRouteTables({ client: clients.ec2, pageSize: 100 }, { MaxResults: 100 }))
            found.push(...(page.RouteTables ?? []));
          return found;
        })(),
        (async () => {
          const found: VpcEndpoint[] = [];
          for await (const page of paginateDescribeVpcEndpoints({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 }))
            found.push(...(page.VpcEndpoints ?? []));
          return found;
        })(),
      ]);
      return { instances, routeTables, endpoints };
    });
  let nodeSources:
    { inventory: ReturnType<typeof readInventory>; setup: Promise<void>; network?: ReturnType<typeof readNetwork> } | undefined;
  const startNodeSources = (list: readonly NodeIdentity[]): void => {
    if (!nodeSources) {
      nodeSources = { inventory: readInventory(), setup: collectPatchingSetup(clients, signal, patching, optional) };
      // Awaited below; until then a lost session or a cancel must not surface as an unhandled rejection.
      nodeSources.inventory.catch(() => {});
      nodeSources.setup.catch(() => {});
    }
    if (!nodeSources.network && list.some((node) => node.instanceId.startsWith('i-'))) {
      nodeSources.network = readNetwork();
      nodeSources.network.catch(() => {});
    }
  };

  const patchBatches: Promise<InstancePatchState[]>[] = [];
  const patchBatch = async (batch: string[]): Promise<InstancePatchState[]> => {
    const states: InstancePatchState[] = [];
    let token: string | undefined;
    do {
      checkAbort(signal);
      // No per-request abortSignal: the SDK leaves a listener per request on the signal (a leak
      // warning past ten batches); a cancel destroys the scope's clients, ending calls in flight.
      const page = await clients.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: batch, MaxResults: 50, NextToken: token }));
      states.push(...(Array.isArray(page.InstancePatchStates) ? page.InstancePatchStates : []));
      token = page.NextToken;
    } while (token);
    return states;
  };
  const infos: NodeIdentity[] = [];
  const seen = new Set<string>();
  try {
    for await (const page of paginateDescribeInstanceInformation(
      { client: clients.ssm, pageSize: PATCH_STATE_BATCH },
      { MaxResults: PATCH_STATE_BATCH },
    )) {
      checkAbort(signal);
      const list = nodeIdentities(page.InstanceInformationList, seen);
      infos.push(...list);
      const batch = list.map((node) => node.instanceId);
      if (batch.length) {
        startNodeSources(list);
        const pending = patchBatch(batch);
        pending.catch(() => {});
        patchBatches.push(pending);
      }
      ctx.onNodes?.(infos.length);
    }
  } catch (err) {
    // Let the calls already started finish first, so none outlives the scope's failure.
    await Promise.allSettled([nodeSources?.inventory, nodeSources?.setup, nodeSources?.network, ...patchBatches]);
    if (isAborted(err) || signal.aborted) throw err;
    throw new ScopeFailure(classifyScopeError(err, INSTANCE_INFORMATION.action, ctx.region));
  }

  const inventoryRun = nodeSources?.inventory ?? Promise.resolve({ status: 'not_collected' as SourceStatus, value: undefined });
  const setupRun = nodeSources?.setup ?? Promise.resolve();
  const patchStatesRun = optional(PATCH_STATES.action, async () => {
    const states = new Map<string, PatchState>();
    // settleAll: a failed batch must not end the source while the others still call on the scope's clients.
    for (const batch of await settleAll(patchBatches)) patchStatesById(batch, states);
    return states;
  });

  // Issue 19: the detail only of nodes whose patch state counts missing, failed or pending-reboot
  // patches, so a compliant fleet costs no call; it starts as soon as the patch states are in.
  const patchDetailRun = patchStatesRun.then((read) =>
    read.value
      ? optional(INSTANCE_PATCHES.action, () =>
          patchDetailsOf(
            [...read.value!].filter(([, state]) => needsPatchDetail(state)).map(([id]) => id),
            clients,
            signal,
          ),
        )
      : { status: 'not_collected' as SourceStatus, value: undefined },
  );
  patchDetailRun.catch(() => {});

  const networkRun = nodeSources?.network ?? Promise.resolve({ status: 'not_collected' as SourceStatus, value: undefined });

  const [patchStates, inventory, network, patches] = await settleAll([patchStatesRun, inventoryRun, networkRun, patchDetailRun, setupRun]);
  // Sources finish in any order; gaps are listed in the order the sources are described.
  gaps.sort((a, b) => GAP_ORDER.indexOf(a) - GAP_ORDER.indexOf(b));

  const answers = {
    accountId: ctx.accountId,
    region: ctx.region,
    patchStates: sourceRead(patchStates),
    inventory: sourceRead(inventory),
    network: sourceRead(network),
    patches: sourceRead(patches),
  };
  const facts = infos.map((node): NodeFacts => assembleNodeFacts(node, answers));
  return { facts, gaps, gapErrors, patching };
}

/**
 * Promise.all that lets every call settle before it fails: a scope's sources share its clients,
 * and none may call on after the scope has failed and its clients are gone.
 */
function settleAll<const T extends readonly unknown[]>(runs: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  return Promise.all(runs).catch(async (err: unknown) => {
    await Promise.allSettled(runs);
    throw err;
  });
}

function sourceRead<T>(run: { value?: T; status: SourceStatus }): SourceRead<T> {
  return run.status === 'ok' && run.value !== undefined
    ? { status: 'ok', value: run.value }
    : { status: run.status === 'ok' ? 'error' : run.status };
}

type Optional = <T>(action: string, run: () => Promise<T>) => Promise<{ value?: T; status: SourceStatus }>;

/** Each node's missing, failed and pending-reboot patches, a few nodes at a time, every page of each. */
async function patchDetailsOf(ids: readonly string[], clients: AwsClients, signal: AbortSignal): Promise<Map<string, PatchDetail[]>> {
  const details = new Map<string, PatchDetail[]>();
  let next = 0;
  // The first failure stops every worker, and all settle before it is thrown: no call outlives the source.
  let failure: { error: unknown } | undefined;
  const readNode = async (id: string): Promise<void> => {
    const patches: unknown[] = [];
    const tokens = new Set<string>();
    let token: string | undefined;
    do {
      checkAbort(signal);
      const page = await clients.ssm.send(
        new DescribeInstancePatchesCommand({
          InstanceId: id,
          Filters: [{ Key: PATCH_DETAIL_FILTER.Key, Values: [...PATCH_DETAIL_FILTER.Values] }],
          MaxResults: PATCH_DETAIL_PAGE,
          NextToken: token,
        }),
      );
      if (Array.isArray(page.Patches)) patches.push(...page.Patches);
      token = page.NextToken;
      // Bounded like every answer: past the export's limit, or on a token seen before, stop paging.
      if (token && (tokens.has(token) || patches.length >= PATCH_DETAIL_LIMITS.patches)) break;
      if (token) tokens.add(token);
    } while (token);
    details.set(id, patchDetails(patches));
  };
  const worker = async (): Promise<void> => {
    while (!failure && next < ids.length) {
      try {
        await readNode(ids[next++]!);
      } catch (error) {
        // A node deregistered since the node list was read is that node's loss alone (it stays
        // "not collected"); anything else ends the source for the scope, as for every source.
        if (error instanceof Error && error.name === 'InvalidInstanceId' && !signal.aborted) continue;
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PATCH_DETAIL_CONCURRENCY, ids.length) }, worker));
  if (failure) throw failure.error;
  return details;
}

/** Is patching set up at all in this scope? Baselines, patch groups, and what runs AWS-RunPatchBaseline. */
async function collectPatchingSetup(
  clients: AwsClients,
  signal: AbortSignal,
  into: Partial<PatchingSetup>,
  optional: Optional,
): Promise<void> {
  const countItems = async <P>(pages: AsyncIterable<P>, items: (page: P) => unknown[] | undefined) => {
    let n = 0;
    for await (const page of pages) {
      checkAbort(signal);
      const list: unknown = items(page);
      n += Array.isArray(list) ? list.length : 0;
    }
    return n;
  };
  const baselinesRun = optional('ssm:DescribePatchBaselines', () =>
    countItems(paginateDescribePatchBaselines({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.BaselineIdentities),
  );
  const groupsRun = optional('ssm:DescribePatchGroups', () =>
    countItems(paginateDescribePatchGroups({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.Mappings),
  );
  const associationsRun = optional('ssm:ListAssociations', () =>
    countItems(
      paginateListAssociations(
        { client: clients.ssm, pageSize: 50 },
        { MaxResults: 50, AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaseline' }] },
      ),
      (p) => p.Associations,
    ),
  );
  // Both calls are named: a role allowed the windows but not their tasks must be told which to grant.
  const windowsRun = optional('ssm:DescribeMaintenanceWindows/DescribeMaintenanceWindowTasks', async () => {
    let withPatching = 0;
    for await (const page of paginateDescribeMaintenanceWindows({ client: clients.ssm, pageSize: 50 }, { MaxResults: 50 })) {
      for (const window of page.WindowIdentities ?? []) {
        if (!window.WindowId || window.Enabled === false) continue;
        let runsPatching = false;
        for await (const tasks of paginateDescribeMaintenanceWindowTasks(
          { client: clients.ssm, pageSize: 100 },
          { WindowId: window.WindowId, MaxResults: 100 },
        )) {
          runsPatching ||= (tasks.Tasks ?? []).some((task) => task.TaskArn === 'AWS-RunPatchBaseline');
        }
        if (runsPatching) withPatching += 1;
      }
    }
    return withPatching;
  });
  // Four independent questions: asked at once, the setup costs one round trip, not four.
  const [baselines, groups, associations, windows] = await settleAll([baselinesRun, groupsRun, associationsRun, windowsRun]);
  if (baselines.value !== undefined) into.baselines = baselines.value;
  if (groups.value !== undefined) into.patchGroups = groups.value;
  if (associations.value !== undefined) into.patchAssociations = associations.value;
  if (windows.value !== undefined) into.patchMaintenanceWindows = windows.value;
}
