/** Every SSM operation through the real SDK client, paginated with the SDK's own paginators. */
import {
  DescribeInstanceInformationCommand,
  DescribeInstancePatchesCommand,
  DescribeInstancePatchStatesCommand,
  DescribeMaintenanceWindowTasksCommand,
  DescribeMaintenanceWindowsCommand,
  DescribePatchBaselinesCommand,
  DescribePatchGroupsCommand,
  GetPatchBaselineCommand,
  ListAssociationsCommand,
  ListComplianceSummariesCommand,
  ListInventoryEntriesCommand,
  paginateDescribeInstanceInformation,
  paginateDescribeInstancePatchStates,
  paginateGetInventory,
  type InstanceInformation,
  type InventoryResultEntity,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { clients } from './clients';

let sim: Simulator;
let ssm: SSMClient;
const REGION = 'us-east-1';

beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: { seed: 'ssm-it', accounts: 2, regions: [REGION, 'eu-west-1'], nodesPerRegion: 230 } });
  ssm = clients(sim, { region: REGION }).ssm;
});
afterAll(() => sim.close());

const nodesIn = (region: string) => sim.fleet().accounts[0]?.regions[region]?.nodes ?? [];

async function allInstanceInformation(filters?: { Key: string; Values: string[] }[]): Promise<InstanceInformation[]> {
  const out: InstanceInformation[] = [];
  for await (const page of paginateDescribeInstanceInformation({ client: ssm, pageSize: 50 }, { Filters: filters }))
    out.push(...(page.InstanceInformationList ?? []));
  return out;
}

describe('DescribeInstanceInformation', () => {
  it('pages through every node of the region with the SDK paginator, 50 at a time', async () => {
    sim.resetCounters();
    const all = await allInstanceInformation();
    expect(all.map((i) => i.InstanceId)).toEqual(nodesIn(REGION).map((n) => n.instanceId));
    expect(sim.counters().calls['SSM.DescribeInstanceInformation']).toBe(Math.ceil(230 / 50));
    const sample = all.find((i) => i.ResourceType === 'EC2Instance');
    expect(sample?.LastPingDateTime).toBeInstanceOf(Date);
    expect(sample?.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('serves the region named in the signing scope', async () => {
    const eu = clients(sim, { region: 'eu-west-1' }).ssm;
    const page = await eu.send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
    expect(page.InstanceInformationList?.[0]?.InstanceId).toBe(nodesIn('eu-west-1')[0]?.instanceId);
  });

  it('filters by PingStatus, ResourceType, PlatformTypes and InstanceIds', async () => {
    const lost = await allInstanceInformation([{ Key: 'PingStatus', Values: ['ConnectionLost'] }]);
    expect(lost.length).toBe(nodesIn(REGION).filter((n) => n.pingStatus === 'ConnectionLost').length);
    expect(lost.length).toBeGreaterThan(0);
    const managed = await allInstanceInformation([{ Key: 'ResourceType', Values: ['ManagedInstance'] }]);
    expect(managed.length).toBeGreaterThan(0);
    expect(managed.every((i) => i.InstanceId?.startsWith('mi-'))).toBe(true);
    expect(managed.some((i) => i.SourceType === 'AWS::IoT::Thing')).toBe(true);
    const windows = await allInstanceInformation([
      { Key: 'PlatformTypes', Values: ['Windows'] },
      { Key: 'PingStatus', Values: ['Online'] },
    ]);
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((i) => i.PlatformType === 'Windows' && i.PingStatus === 'Online')).toBe(true);
    const ids = nodesIn(REGION)
      .slice(3, 6)
      .map((n) => n.instanceId);
    const byId = await allInstanceInformation([{ Key: 'InstanceIds', Values: ids }]);
    expect(byId.map((i) => i.InstanceId)).toEqual(ids);
  });

  it('answers the documented errors: MaxResults outside 5–50, bad filter key, bad value', async () => {
    await expect(ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 51 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 4 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'Color', Values: ['red'] }] }))).rejects.toMatchObject({
      name: 'InvalidFilterKey',
    });
    await expect(
      ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'PingStatus', Values: ['Sleeping'] }] })),
    ).rejects.toMatchObject({ name: 'InvalidInstanceInformationFilterValue' });
  });

  it('refuses a tampered, foreign or garbage NextToken with InvalidNextToken', async () => {
    const first = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
    const token = first.NextToken ?? '';
    expect(token).not.toBe('');
    const second = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5, NextToken: token }));
    expect(second.InstanceInformationList?.[0]?.InstanceId).toBe(nodesIn(REGION)[5]?.instanceId);
    const tampered = `${token.slice(0, 3)}${token[3] === 'A' ? 'B' : 'A'}${token.slice(4)}`;
    await expect(ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5, NextToken: tampered }))).rejects.toMatchObject({
      name: 'InvalidNextToken',
    });
    await expect(ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5, NextToken: 'abc' }))).rejects.toMatchObject({
      name: 'InvalidNextToken',
    });
    await expect(ssm.send(new DescribePatchBaselinesCommand({ MaxResults: 5, NextToken: token }))).rejects.toMatchObject({
      name: 'InvalidNextToken',
    });
  });
});

describe('patch states and patches', () => {
  it('returns patch states for 50 ids per call, skipping nodes never scanned, with epoch timestamps decoded', async () => {
    const ids = nodesIn(REGION).map((n) => n.instanceId);
    const states = [];
    for (let i = 0; i < ids.length; i += 50) {
      for await (const page of paginateDescribeInstancePatchStates({ client: ssm, pageSize: 50 }, { InstanceIds: ids.slice(i, i + 50) }))
        states.push(...(page.InstancePatchStates ?? []));
    }
    const expected = nodesIn(REGION).filter((n) => n.patchState);
    expect(states.length).toBe(expected.length);
    expect(states.length).toBeLessThan(ids.length);
    const node = expected.find((n) => (n.patchState?.missing ?? 0) > 0);
    const state = states.find((s) => s.InstanceId === node?.instanceId);
    expect(state?.MissingCount).toBe(node?.patchState?.missing);
    expect(state?.OperationEndTime).toBeInstanceOf(Date);
    expect(state?.OperationEndTime?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses more than 50 instance ids and MaxResults outside 10–100', async () => {
    const ids = nodesIn(REGION)
      .slice(0, 51)
      .map((n) => n.instanceId);
    await expect(ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids.slice(0, 5), MaxResults: 9 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('lists one node’s patches, filtered by state', async () => {
    const node = nodesIn(REGION).find((n) => (n.patchState?.missing ?? 0) > 0);
    const missing = await ssm.send(
      new DescribeInstancePatchesCommand({
        InstanceId: node?.instanceId,
        Filters: [{ Key: 'State', Values: ['Missing'] }],
        MaxResults: 100,
      }),
    );
    expect(missing.Patches?.length).toBe(node?.patchState?.missing);
    expect(missing.Patches?.every((p) => p.State === 'MISSING')).toBe(true);
    await expect(ssm.send(new DescribeInstancePatchesCommand({ InstanceId: 'i-0000000000000000f' }))).rejects.toMatchObject({
      name: 'InvalidInstanceId',
    });
  });
});

describe('baselines, patch groups, maintenance windows, associations, compliance', () => {
  it('describes baselines with filters and gets one by id', async () => {
    const all = await ssm.send(new DescribePatchBaselinesCommand({}));
    expect(all.BaselineIdentities?.some((b) => b.BaselineName === 'AWS-AmazonLinux2DefaultPatchBaseline' && b.DefaultBaseline)).toBe(true);
    const own = await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['Self'] }] }));
    const windows = await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OPERATING_SYSTEM', Values: ['WINDOWS'] }] }));
    expect(windows.BaselineIdentities?.length).toBeGreaterThan(0);
    expect(windows.BaselineIdentities?.every((b) => b.OperatingSystem === 'WINDOWS')).toBe(true);
    const id = all.BaselineIdentities?.[0]?.BaselineId ?? '';
    const got = await ssm.send(new GetPatchBaselineCommand({ BaselineId: id }));
    expect(got.BaselineId).toBe(id);
    expect(got.ApprovalRules?.PatchRules?.[0]?.ApproveAfterDays).toBeGreaterThan(0);
    expect(got.CreatedDate).toBeInstanceOf(Date);
    await expect(ssm.send(new GetPatchBaselineCommand({ BaselineId: 'pb-0123456789abcdef0' }))).rejects.toMatchObject({
      name: 'DoesNotExistException',
    });
    // us-east-1 of the first account has patching configured (custom baselines and groups).
    expect(own.BaselineIdentities?.length).toBe(2);
    const groups = await ssm.send(new DescribePatchGroupsCommand({}));
    expect(groups.Mappings?.map((m) => m.PatchGroup).sort()).toEqual(['prod-linux', 'prod-windows']);
  });

  it('lists maintenance windows running AWS-RunPatchBaseline and the associations', async () => {
    const windows = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
    const windowId = windows.WindowIdentities?.[0]?.WindowId ?? '';
    const tasks = await ssm.send(new DescribeMaintenanceWindowTasksCommand({ WindowId: windowId }));
    expect(tasks.Tasks?.[0]?.TaskArn).toBe('AWS-RunPatchBaseline');
    const assoc = await ssm.send(new ListAssociationsCommand({ AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaseline' }] }));
    expect(assoc.Associations?.length).toBe(1);
    expect(assoc.Associations?.[0]?.LastExecutionDate).toBeInstanceOf(Date);
    // ap-northeast-1 style: the second account's eu-west-1 ((1 + 1) % 3 === 2) has no patching set up.
    const other = clients(sim, { region: 'eu-west-1', account: 1 }).ssm;
    expect((await other.send(new DescribeMaintenanceWindowsCommand({}))).WindowIdentities).toEqual([]);
    expect(
      (await other.send(new ListAssociationsCommand({ AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaseline' }] })))
        .Associations,
    ).toEqual([]);
  });

  it('summarises compliance per type', async () => {
    const res = await ssm.send(
      new ListComplianceSummariesCommand({ Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }] }),
    );
    expect(res.ComplianceSummaryItems?.map((s) => s.ComplianceType)).toEqual(['Patch']);
    const patch = res.ComplianceSummaryItems?.[0];
    const scanned = nodesIn(REGION).filter((n) => n.patchState).length;
    expect((patch?.CompliantSummary?.CompliantCount ?? 0) + (patch?.NonCompliantSummary?.NonCompliantCount ?? 0)).toBe(scanned);
  });
});

describe('inventory', () => {
  it('fetches the Python applications of every node in pages via GetInventory', async () => {
    sim.resetCounters();
    const entities: InventoryResultEntity[] = [];
    const paginator = paginateGetInventory(
      { client: ssm, pageSize: 50 },
      {
        Filters: [{ Key: 'AWS:Application.Name', Type: 'BeginWith', Values: ['python', 'Python'] }],
        ResultAttributes: [{ TypeName: 'AWS:Application' }],
      },
    );
    for await (const page of paginator) entities.push(...(page.Entities ?? []));
    const withPython = nodesIn(REGION).filter((n) => n.inventory?.some((a) => /^python/i.test(a.name)));
    expect(entities.map((e) => e.Id)).toEqual(withPython.map((n) => n.instanceId));
    expect(sim.counters().calls['SSM.GetInventory']).toBe(Math.ceil(withPython.length / 50));
    const content = entities.flatMap((e) => e.Data?.['AWS:Application']?.Content ?? []);
    expect(content.length).toBeGreaterThan(0);
    expect(content.every((c) => /^python/i.test(c.Name ?? ''))).toBe(true);
    expect(entities[0]?.Data?.['AWS:Application']?.CaptureTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('refuses an unknown type name and lists one node’s entries', async () => {
    await expect(
      ssm.send(new ListInventoryEntriesCommand({ InstanceId: nodesIn(REGION)[0]?.instanceId, TypeName: 'AWS:Nope' })),
    ).rejects.toMatchObject({ name: 'InvalidTypeNameException' });
    const node = nodesIn(REGION).find((n) => n.inventory?.length);
    const entries = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: node?.instanceId, TypeName: 'AWS:Application' }));
    expect(entries.Entries?.map((e) => e.Name)).toEqual(node?.inventory?.map((a) => a.name));
    const none = nodesIn(REGION).find((n) => n.inventory === null);
    const empty = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: none?.instanceId, TypeName: 'AWS:Application' }));
    expect(empty.Entries).toEqual([]);
  });
});
