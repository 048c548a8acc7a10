/**
 * Collects one scope (account × region) with the fewest calls (DESIGN §5): managed nodes in
 * pages of 50, patch states 50 ids a call, Python inventory through filtered GetInventory
 * pages, and EC2 networking once per region. About 3·⌈N/50⌉ calls plus a constant.
 *
 * DescribeInstanceInformation is required: without it the scope fails. Every other source is
 * optional: when it is denied or fails, the scope records the gap and the nodes say which
 * source is missing, so the rules answer `unknown` instead of guessing.
 */
import {
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeVpcEndpoints,
  type Instance,
  type RouteTable,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import {
  DescribeInstancePatchStatesCommand,
  paginateDescribeInstanceInformation,
  paginateDescribeMaintenanceWindows,
  paginateDescribeMaintenanceWindowTasks,
  paginateDescribePatchBaselines,
  paginateDescribePatchGroups,
  paginateGetInventory,
  paginateListAssociations,
  type InstanceInformation,
  type InstancePatchState,
} from '@aws-sdk/client-ssm';
import type { InventoryApp, NodeFacts, PatchState, SourceStatus } from '../../../shared/model';
import type { GapErrors } from '../../../shared/scopeErrors';
import { buildNetworkFacts } from '../../../shared/network';
import type { AwsClients } from '../aws/clients';
import { ArchiveNodeFacts } from '../store';
import { count, flag, instanceId, ipAddress, isoTime, text, token } from './awsValues';
import { classifyScopeError, isAborted, isDenied, isExpired, ScopeFailure } from './errors';

export const PATCH_STATE_BATCH = 50;

const GAP_ORDER = [
  'ssm:DescribeInstancePatchStates',
  'ssm:GetInventory',
  'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints',
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

/** The export file's limit on a node's inventory entries (store/archiveSchema.ts). */
const MAX_INVENTORY_ITEMS = 1000;

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
  const inventoryRun = optional('ssm:GetInventory', async () => {
    const apps = new Map<string, InventoryApp[]>();
    const pages = paginateGetInventory(
      { client: clients.ssm, pageSize: 50 },
      {
        MaxResults: 50,
        // Only the interpreter entries matter (P2); filtering server-side keeps pages small.
        Filters: [{ Key: 'AWS:Application.Name', Values: ['python', 'Python'], Type: 'BeginWith' }],
        ResultAttributes: [{ TypeName: 'AWS:Application' }],
      },
    );
    for await (const page of pages) {
      checkAbort(signal);
      for (const entity of page.Entities ?? []) {
        const id = instanceId(entity.Id);
        if (!id) continue;
        const content: unknown = entity.Data?.['AWS:Application']?.Content;
        const items = (Array.isArray(content) ? content : []) as Record<string, unknown>[];
        apps.set(
          id,
          items
            .flatMap((item) => {
              const name = text(item?.Name, 256);
              return name && /^python/i.test(name) ? [{ name, version: text(item.Version, 128) ?? '' }] : [];
            })
            .slice(0, MAX_INVENTORY_ITEMS),
        );
      }
    }
    return apps;
  });
  const setupRun = collectPatchingSetup(clients, signal, patching, optional);
  // Awaited below; until then a lost session or a cancel must not surface as an unhandled rejection.
  inventoryRun.catch(() => {});
  setupRun.catch(() => {});

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
  const infos: (InstanceInformation & { InstanceId: string })[] = [];
  const seen = new Set<string>();
  try {
    for await (const page of paginateDescribeInstanceInformation(
      { client: clients.ssm, pageSize: PATCH_STATE_BATCH },
      { MaxResults: PATCH_STATE_BATCH },
    )) {
      checkAbort(signal);
      const raw: unknown = page.InstanceInformationList;
      // A node without a usable id cannot be stored or matched with its patch state; a node
      // listed twice (pages shifting while nodes register) is kept once.
      const list = (Array.isArray(raw) ? (raw as InstanceInformation[]) : []).flatMap((info) => {
        const id = instanceId(info?.InstanceId);
        if (!id || seen.has(id)) return [];
        seen.add(id);
        return [{ ...info, InstanceId: id }];
      });
      infos.push(...list);
      const batch = list.map((info) => info.InstanceId);
      if (batch.length) {
        const pending = patchBatch(batch);
        pending.catch(() => {});
        patchBatches.push(pending);
      }
      ctx.onNodes?.(infos.length);
    }
  } catch (err) {
    // Let the calls already started finish first, so none outlives the scope's failure.
    await Promise.allSettled([inventoryRun, setupRun, ...patchBatches]);
    if (isAborted(err) || signal.aborted) throw err;
    throw new ScopeFailure(classifyScopeError(err, 'ssm:DescribeInstanceInformation', ctx.region));
  }

  const patchStatesRun = optional('ssm:DescribeInstancePatchStates', async () => {
    const states = new Map<string, InstancePatchState>();
    for (const batch of await Promise.all(patchBatches))
      for (const state of batch) {
        const id = instanceId(state?.InstanceId);
        if (id && !states.has(id)) states.set(id, state);
      }
    return states;
  });

  const hasEc2 = infos.some((info) => info.InstanceId.startsWith('i-'));
  const networkRun = hasEc2
    ? optional('ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints', async () => {
        const instances: Instance[] = [];
        for await (const page of paginateDescribeInstances({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 })) {
          checkAbort(signal);
          for (const reservation of page.Reservations ?? []) instances.push(...(reservation.Instances ?? []));
        }
        const routeTables: RouteTable[] = [];
        for await (const page of paginateDescribeRouteTables({ client: clients.ec2, pageSize: 100 }, { MaxResults: 100 }))
          routeTables.push(...(page.RouteTables ?? []));
        const endpoints: VpcEndpoint[] = [];
        for await (const page of paginateDescribeVpcEndpoints({ client: clients.ec2, pageSize: 1000 }, { MaxResults: 1000 }))
          endpoints.push(...(page.VpcEndpoints ?? []));
        return { instances: new Map(instances.map((instance) => [instance.InstanceId ?? '', instance])), routeTables, endpoints };
      })
    : Promise.resolve({ status: 'not_collected' as SourceStatus, value: undefined });

  const [patchStates, inventory, network] = await Promise.all([patchStatesRun, inventoryRun, networkRun, setupRun]).catch(
    async (err: unknown) => {
      // Settle every source before failing the scope, so none calls on after its clients are gone.
      await Promise.allSettled([patchStatesRun, inventoryRun, networkRun, setupRun]);
      throw err;
    },
  );
  // Sources finish in any order; gaps are listed in the order the sources are described.
  gaps.sort((a, b) => GAP_ORDER.indexOf(a) - GAP_ORDER.indexOf(b));

  const facts = infos.map((info): NodeFacts => usableNetwork(nodeFacts(info)));
  return { facts, gaps, gapErrors, patching };

  function nodeFacts(info: InstanceInformation & { InstanceId: string }): NodeFacts {
    const id = info.InstanceId;
    const isEc2 = id.startsWith('i-');
    const state = patchStates.value?.get(id);
    const instance = network.value?.instances.get(id);
    return {
      accountId: ctx.accountId,
      region: ctx.region,
      instanceId: id,
      ...defined({
        // Empty strings say nothing here; an empty platform, though, is what AWS reports for
        // a node whose agent could not tell (the OS rule's "NotAvailable" case), so it is kept.
        name: text(info.ComputerName, 256) || text(info.Name, 256) || undefined,
        ipAddress: ipAddress(info.IPAddress),
        resourceType: text(info.ResourceType, 64) || undefined,
        sourceType: text(info.SourceType, 64) || undefined,
        pingStatus: text(info.PingStatus, 32) || undefined,
        lastPingAt: isoTime(info.LastPingDateTime),
        agentVersion: text(info.AgentVersion, 64) || undefined,
        isLatestVersion: flag(info.IsLatestVersion),
        platformType: text(info.PlatformType, 64),
        platformName: text(info.PlatformName, 256),
        platformVersion: text(info.PlatformVersion, 128),
      }),
      ...(patchStates.status === 'ok' ? { patchState: state ? toPatchState(state) : null } : {}),
      ...(inventory.status === 'ok' ? { inventory: inventory.value?.get(id) ?? null } : {}),
      ...(isEc2 && network.status === 'ok'
        ? { network: instance ? buildNetworkFacts(instance, network.value!.routeTables, network.value!.endpoints) : null }
        : {}),
      sources: {
        patchState: patchStates.status,
        inventory: inventory.status,
        network: isEc2 ? network.status : 'not_collected',
      },
    };
  }
}

/**
 * Network facts the export file would refuse (a route or endpoint AWS described in a way this
 * version cannot hold) are not judged: the node's network source becomes an error, so P3/P4
 * say `unknown` for it, and the snapshot stays exportable.
 */
function usableNetwork(facts: NodeFacts): NodeFacts {
  if (!facts.network || ArchiveNodeFacts.shape.network.safeParse(facts.network).success) return facts;
  const { network: _dropped, ...rest } = facts;
  return { ...rest, sources: { ...facts.sources, network: 'error' } };
}

/** The fields that hold a value; `exactOptionalPropertyTypes`-style facts never carry `undefined`. */
function defined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function toPatchState(state: InstancePatchState): PatchState {
  return defined({
    baselineId: token(state.BaselineId, 128),
    patchGroup: text(state.PatchGroup, 256) || undefined,
    operation: text(state.Operation, 32) || undefined,
    operationStartTime: isoTime(state.OperationStartTime),
    operationEndTime: isoTime(state.OperationEndTime),
    lastNoRebootInstallOperationTime: isoTime(state.LastNoRebootInstallOperationTime),
    rebootOption: text(state.RebootOption, 64) || undefined,
    installedCount: count(state.InstalledCount),
    installedOtherCount: count(state.InstalledOtherCount),
    installedPendingRebootCount: count(state.InstalledPendingRebootCount),
    installedRejectedCount: count(state.InstalledRejectedCount),
    missingCount: count(state.MissingCount),
    failedCount: count(state.FailedCount),
    notApplicableCount: count(state.NotApplicableCount),
    unreportedNotApplicableCount: count(state.UnreportedNotApplicableCount),
    criticalNonCompliantCount: count(state.CriticalNonCompliantCount),
    securityNonCompliantCount: count(state.SecurityNonCompliantCount),
    otherNonCompliantCount: count(state.OtherNonCompliantCount),
  });
}

type Optional = <T>(action: string, run: () => Promise<T>) => Promise<{ value?: T; status: SourceStatus }>;

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
  const baselines = await optional('ssm:DescribePatchBaselines', () =>
    countItems(paginateDescribePatchBaselines({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.BaselineIdentities),
  );
  if (baselines.value !== undefined) into.baselines = baselines.value;
  const groups = await optional('ssm:DescribePatchGroups', () =>
    countItems(paginateDescribePatchGroups({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.Mappings),
  );
  if (groups.value !== undefined) into.patchGroups = groups.value;
  const associations = await optional('ssm:ListAssociations', () =>
    countItems(
      paginateListAssociations(
        { client: clients.ssm, pageSize: 50 },
        { MaxResults: 50, AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaseline' }] },
      ),
      (p) => p.Associations,
    ),
  );
  if (associations.value !== undefined) into.patchAssociations = associations.value;
  // Both calls are named: a role allowed the windows but not their tasks must be told which to grant.
  const windows = await optional('ssm:DescribeMaintenanceWindows/DescribeMaintenanceWindowTasks', async () => {
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
  if (windows.value !== undefined) into.patchMaintenanceWindows = windows.value;
}
