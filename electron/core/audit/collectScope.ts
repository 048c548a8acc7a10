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
import { buildNetworkFacts } from '../../../shared/network';
import type { AwsClients } from '../aws/clients';
import { describeScopeError, isAborted, isDenied, isExpired, ScopeFailure } from './errors';

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

const iso = (value: Date | undefined) => (value ? value.toISOString() : undefined);

function checkAbort(signal: AbortSignal) {
  if (signal.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}

export async function collectScope(ctx: CollectContext): Promise<ScopeCollection> {
  const { clients, signal } = ctx;
  const gaps: string[] = [];
  const patching: Partial<PatchingSetup> = {};

  /** Runs an optional source: a denial or failure becomes a gap, a lost session fails the scope. */
  async function optional<T>(action: string, run: () => Promise<T>): Promise<{ value?: T; status: SourceStatus }> {
    try {
      return { value: await run(), status: 'ok' };
    } catch (err) {
      if (isAborted(err) || signal.aborted) throw err;
      if (isExpired(err)) throw new ScopeFailure(describeScopeError(err, action, ctx.region));
      gaps.push(action);
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
        if (!entity.Id) continue;
        const content = entity.Data?.['AWS:Application']?.Content ?? [];
        apps.set(
          entity.Id,
          content.flatMap((item) => (item.Name && /^python/i.test(item.Name) ? [{ name: item.Name, version: item.Version ?? '' }] : [])),
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
      states.push(...(page.InstancePatchStates ?? []));
      token = page.NextToken;
    } while (token);
    return states;
  };
  const infos: InstanceInformation[] = [];
  try {
    for await (const page of paginateDescribeInstanceInformation(
      { client: clients.ssm, pageSize: PATCH_STATE_BATCH },
      { MaxResults: PATCH_STATE_BATCH },
    )) {
      checkAbort(signal);
      const list = page.InstanceInformationList ?? [];
      infos.push(...list);
      const batch = list.flatMap((info) => (info.InstanceId ? [info.InstanceId] : []));
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
    throw new ScopeFailure(describeScopeError(err, 'ssm:DescribeInstanceInformation', ctx.region));
  }

  const patchStatesRun = optional('ssm:DescribeInstancePatchStates', async () => {
    const states = new Map<string, InstancePatchState>();
    for (const batch of await Promise.all(patchBatches))
      for (const state of batch) if (state.InstanceId) states.set(state.InstanceId, state);
    return states;
  });

  const hasEc2 = infos.some((info) => info.InstanceId?.startsWith('i-'));
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

  const facts = infos.map((info): NodeFacts => {
    const id = info.InstanceId ?? '';
    const isEc2 = id.startsWith('i-');
    const state = patchStates.value?.get(id);
    const instance = network.value?.instances.get(id);
    return {
      accountId: ctx.accountId,
      region: ctx.region,
      instanceId: id,
      ...(info.ComputerName || info.Name ? { name: info.ComputerName ?? info.Name } : {}),
      ...(info.IPAddress ? { ipAddress: info.IPAddress } : {}),
      ...(info.ResourceType ? { resourceType: info.ResourceType } : {}),
      ...(info.SourceType ? { sourceType: info.SourceType } : {}),
      ...(info.PingStatus ? { pingStatus: info.PingStatus } : {}),
      ...(info.LastPingDateTime ? { lastPingAt: iso(info.LastPingDateTime) } : {}),
      ...(info.AgentVersion ? { agentVersion: info.AgentVersion } : {}),
      ...(info.IsLatestVersion !== undefined ? { isLatestVersion: info.IsLatestVersion } : {}),
      ...(info.PlatformType !== undefined ? { platformType: info.PlatformType } : {}),
      ...(info.PlatformName !== undefined ? { platformName: info.PlatformName } : {}),
      ...(info.PlatformVersion !== undefined ? { platformVersion: info.PlatformVersion } : {}),
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
  });
  return { facts, gaps, patching };
}

function toPatchState(state: InstancePatchState): PatchState {
  const out: PatchState = {
    ...(state.BaselineId ? { baselineId: state.BaselineId } : {}),
    ...(state.PatchGroup ? { patchGroup: state.PatchGroup } : {}),
    ...(state.Operation ? { operation: state.Operation } : {}),
    ...(state.OperationStartTime ? { operationStartTime: iso(state.OperationStartTime) } : {}),
    ...(state.OperationEndTime ? { operationEndTime: iso(state.OperationEndTime) } : {}),
    ...(state.LastNoRebootInstallOperationTime ? { lastNoRebootInstallOperationTime: iso(state.LastNoRebootInstallOperationTime) } : {}),
    ...(state.RebootOption ? { rebootOption: state.RebootOption } : {}),
  };
  const counts = {
    installedCount: state.InstalledCount,
    installedOtherCount: state.InstalledOtherCount,
    installedPendingRebootCount: state.InstalledPendingRebootCount,
    installedRejectedCount: state.InstalledRejectedCount,
    missingCount: state.MissingCount,
    failedCount: state.FailedCount,
    notApplicableCount: state.NotApplicableCount,
    unreportedNotApplicableCount: state.UnreportedNotApplicableCount,
    criticalNonCompliantCount: state.CriticalNonCompliantCount,
    securityNonCompliantCount: state.SecurityNonCompliantCount,
    otherNonCompliantCount: state.OtherNonCompliantCount,
  };
  for (const [key, value] of Object.entries(counts)) if (typeof value === 'number') (out as Record<string, unknown>)[key] = value;
  return out;
}

type Optional = <T>(action: string, run: () => Promise<T>) => Promise<{ value?: T; status: SourceStatus }>;

/** Is patching set up at all in this scope? Baselines, patch groups, and what runs AWS-RunPatchBaseline. */
async function collectPatchingSetup(
  clients: AwsClients,
  signal: AbortSignal,
  into: Partial<PatchingSetup>,
  optional: Optional,
): Promise<void> {
  const count = async <P>(pages: AsyncIterable<P>, items: (page: P) => unknown[] | undefined) => {
    let n = 0;
    for await (const page of pages) {
      checkAbort(signal);
      n += items(page)?.length ?? 0;
    }
    return n;
  };
  const baselines = await optional('ssm:DescribePatchBaselines', () =>
    count(paginateDescribePatchBaselines({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.BaselineIdentities),
  );
  if (baselines.value !== undefined) into.baselines = baselines.value;
  const groups = await optional('ssm:DescribePatchGroups', () =>
    count(paginateDescribePatchGroups({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.Mappings),
  );
  if (groups.value !== undefined) into.patchGroups = groups.value;
  const associations = await optional('ssm:ListAssociations', () =>
    count(
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
