/**
 * The same AWS answers give the same facts and checks whichever way they arrive (issue 16): the
 * live audit reads them through the SDK from the simulator; `patch-audit evaluate` reads them as
 * the JSON files the AWS CLI prints for the same calls. One fleet, both paths, every node and rule.
 */
import { DescribeInstancesCommand, DescribeRouteTablesCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeInstanceInformationCommand,
  DescribeInstancePatchesCommand,
  DescribeInstancePatchStatesCommand,
  GetInventoryCommand,
  GetServiceSettingCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { GetInstanceProfileCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '../../../shared/catalog';
import { evaluateNode } from '../../../shared/evaluate';
import type { Check, NodeFacts } from '../../../shared/model';
import { collectScope } from '../../../electron/core/audit/collectScope';
import { INVENTORY_FILTER, PATCH_DETAIL_FILTER } from '../../../electron/core/audit/sources';
import { emptyCallStats } from '../../../electron/core/aws/callStats';
import { createClients } from '../../../electron/core/aws/clients';
import { causesOf, HOST_MANAGEMENT_SETTING } from '../../../shared/ec2Coverage';
import { nodeFactsFromAwsCli, readAwsCliFiles } from '../../../electron/core/services/evaluate';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { tempDir } from '../../support/tempDir';
import { audit } from './auditHarness';

const REGION = 'eu-west-1';
const NOW = new Date();
const CATALOG = getCatalog('seed-2022')!;
/** RHEL/CentOS 8: the interpreter is platform-python; python3-libs and python3-rpm are libraries. */
const CENTOS_8 = [
  { name: 'platform-python', version: '3.6.8-41.el8' },
  { name: 'python3-libs', version: '3.6.8-41.el8' },
  { name: 'python3-rpm', version: '4.14.3-19.el8' },
  { name: 'python3-pip', version: '9.0.3-20.el8' },
];

/** Every page of a paginated call, as one list: what `aws … --output json` prints after paging. */
async function allPages<T>(fetch: (token: string | undefined) => Promise<{ items: T[]; next: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.next;
  } while (token);
  return items;
}

/** The AWS CLI outputs of the calls `evaluate --help` lists, fetched from the simulator. */
async function awsCliFiles(sim: Simulator, dir: string): Promise<string[]> {
  const creds = sim.credentials[0]!;
  const config = {
    region: REGION,
    endpoint: sim.url,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
  };
  const ssm = new SSMClient(config);
  const ec2 = new EC2Client(config);
  const iam = new IAMClient(config);
  try {
    const infos = await allPages(async (NextToken) => {
      const page = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50, NextToken }));
      return { items: page.InstanceInformationList ?? [], next: page.NextToken };
    });
    const ids = infos.map((info) => info.InstanceId!);
    const states = [];
    for (let i = 0; i < ids.length; i += 50) {
      states.push(
        ...(await allPages(async (NextToken) => {
          const page = await ssm.send(
            new DescribeInstancePatchStatesCommand({ InstanceIds: ids.slice(i, i + 50), MaxResults: 50, NextToken }),
          );
          return { items: page.InstancePatchStates ?? [], next: page.NextToken };
        })),
      );
    }
    const entities = await allPages(async (NextToken) => {
      const page = await ssm.send(
        new GetInventoryCommand({
          MaxResults: 50,
          NextToken,
          Filters: [{ ...INVENTORY_FILTER, Values: [...INVENTORY_FILTER.Values] }],
          ResultAttributes: [{ TypeName: 'AWS:Application' }],
        }),
      );
      return { items: page.Entities ?? [], next: page.NextToken };
    });
    const reservations = await allPages(async (NextToken) => {
      const page = await ec2.send(new DescribeInstancesCommand({ MaxResults: 1000, NextToken }));
      return { items: page.Reservations ?? [], next: page.NextToken };
    });
    const routeTables = await allPages(async (NextToken) => {
      const page = await ec2.send(new DescribeRouteTablesCommand({ MaxResults: 100, NextToken }));
      return { items: page.RouteTables ?? [], next: page.NextToken };
    });
    const endpoints = await allPages(async (NextToken) => {
      const page = await ec2.send(new DescribeVpcEndpointsCommand({ MaxResults: 1000, NextToken }));
      return { items: page.VpcEndpoints ?? [], next: page.NextToken };
    });
    // Optional: a client whose call is refused (or an endpoint that does not answer it) sends no file.
    const setting = await ssm.send(new GetServiceSettingCommand({ SettingId: HOST_MANAGEMENT_SETTING })).catch(() => undefined);
    // Optional (issue 30): each instance profile once, and its role's attached policies in a file named after the role.
    const profileNames = new Set(
      reservations
        .flatMap((r) => r.Instances ?? [])
        .flatMap((i) => (i.IamInstanceProfile?.Arn ? [i.IamInstanceProfile.Arn.split('/').at(-1)!] : [])),
    );
    const iamFiles: Record<string, unknown> = {};
    for (const name of profileNames) {
      const { InstanceProfile } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
      iamFiles[`profile-${name}.json`] = { InstanceProfile };
      for (const role of InstanceProfile?.Roles ?? []) {
        const attached = await allPages(async (Marker) => {
          const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role.RoleName!, Marker }));
          return { items: page.AttachedPolicies ?? [], next: page.IsTruncated ? page.Marker : undefined };
        });
        iamFiles[`role-policies-${role.RoleName}.json`] = { AttachedPolicies: attached };
      }
    }
    expect(Object.keys(iamFiles).some((name) => name.startsWith('role-policies-'))).toBe(true);
    // One file per node, named after it, as the collect commands write them (issue 19).
    const patches: Record<string, { Patches: unknown[] }> = {};
    for (const id of ids) {
      const list = await allPages(async (NextToken) => {
        const page = await ssm.send(
          new DescribeInstancePatchesCommand({
            InstanceId: id,
            Filters: [{ Key: PATCH_DETAIL_FILTER.Key, Values: [...PATCH_DETAIL_FILTER.Values] }],
            NextToken,
          }),
        );
        return { items: page.Patches ?? [], next: page.NextToken };
      });
      patches[`patches-${id}.json`] = { Patches: list };
    }
    // JSON.stringify writes the SDK's Dates as ISO 8601, as the AWS CLI prints timestamps.
    const files = {
      ...patches,
      ...iamFiles,
      'info.json': { InstanceInformationList: infos },
      'patch-states.json': { InstancePatchStates: states },
      'inventory.json': { Entities: entities },
      'instances.json': { Reservations: reservations },
      'route-tables.json': { RouteTables: routeTables },
      'vpc-endpoints.json': { VpcEndpoints: endpoints },
      ...(setting?.ServiceSetting ? { 'host-management.json': { ServiceSetting: setting.ServiceSetting } } : {}),
    };
    return Object.entries(files).map(([name, body]) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(body, null, 2));
      return path;
    });
  } finally {
    ssm.destroy();
    ec2.destroy();
    iam.destroy();
  }
}

describe('the live audit and patch-audit evaluate on the same AWS answers', () => {
  let sim: Simulator;
  let centosId: string;

  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'parity', accounts: 1, regions: [REGION], nodesPerRegion: 160 } });
    const fleet = sim.fleet();
    const node = fleet.accounts[0]!.regions[REGION]!.nodes.find((n) => n.instanceId.startsWith('i-') && n.platformType === 'Linux')!;
    Object.assign(node, { platformName: 'CentOS Linux', platformVersion: '8.5.2111', inventory: CENTOS_8 });
    centosId = node.instanceId;
    sim.setFleet(fleet);
  });
  afterAll(async () => sim?.close());

  it('gives identical facts and checks for every node and rule', async () => {
    const { outcome, store } = await audit(sim, { regions: [REGION], targets: { kind: 'self' } }, { deps: { now: () => NOW } });
    expect(outcome.status).toBe('complete');
    const audited = new Map(store.loadSnapshotInput(outcome.snapshotId!).input.nodes.map((n) => [n.facts.instanceId, n]));

    const { facts } = nodeFactsFromAwsCli(await readAwsCliFiles(await awsCliFiles(sim, tempDir('pa-parity-'))));
    expect(facts.map((f) => f.instanceId).sort()).toEqual([...audited.keys()].sort());

    const differences: string[] = [];
    for (const fromCli of facts) {
      const live = audited.get(fromCli.instanceId)!;
      // AWS CLI files carry no account or region for nodes outside EC2; everything else must match.
      const cliFacts: NodeFacts = fromCli.instanceId.startsWith('i-')
        ? fromCli
        : { ...fromCli, accountId: live.facts.accountId, region: live.facts.region };
      if (JSON.stringify(sorted(cliFacts)) !== JSON.stringify(sorted(live.facts))) differences.push(`${fromCli.instanceId}: facts`);
      const cliChecks = evaluateNode(cliFacts, { catalog: CATALOG, now: NOW, scanAgeDays: 7 });
      for (const check of cliChecks) {
        const other = live.checks.find((c: Check) => c.rule === check.rule);
        if (JSON.stringify(sorted(check)) !== JSON.stringify(sorted(other))) differences.push(`${fromCli.instanceId}: ${check.rule}`);
      }
    }
    expect(differences).toEqual([]);
    expect(facts.length).toBeGreaterThan(100);
    expect(new Set(facts.map((f) => f.sources.network))).toContain('ok');
    expect(new Set(facts.filter((f) => f.instanceId.startsWith('mi-')).map((f) => f.sources.network))).toEqual(new Set(['not_collected']));
    // Missing patches arrived on both paths, with their CVE ids.
    expect(facts.some((f) => f.patches?.some((patch) => patch.state === 'Missing' && patch.cveIds.length > 0))).toBe(true);

    // The real-world case both paths used to disagree on: RHEL/CentOS 8's platform-python.
    const centos = audited.get(centosId)!;
    expect(centos.checks.find((c: Check) => c.rule === 'python.version')).toMatchObject({
      status: 'pass',
      evidence: { inventoryApps: ['platform-python 3.6.8-41.el8'], interpreters: ['3.6'] },
    });
  });

  // Issue 30: the EC2 instances that are not managed nodes, and their causes, are the same on both paths.
  it('gives the same unmanaged instances with the same causes', async () => {
    const creds = sim.credentials[0]!;
    const clients = createClients(
      REGION,
      { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      { endpoint: sim.url, maxAttempts: 1 },
      emptyCallStats(),
    );
    const accountId = creds.accountId;
    let live;
    try {
      live = await collectScope({ accountId, region: REGION, clients, signal: new AbortController().signal });
    } finally {
      clients.destroy();
    }
    const hostManagement = live.coverage!.hostManagement;
    const fromAudit = live.unmanaged.map((u) => ({ ...u, accountId, region: REGION, hostManagement, ...causesOf(u, hostManagement) }));
    const { unmanaged } = nodeFactsFromAwsCli(await readAwsCliFiles(await awsCliFiles(sim, tempDir('pa-parity-unmanaged-'))));
    expect(fromAudit.length).toBeGreaterThan(0);
    // The IAM check was read on both paths: roles with and without the managed-instance policy.
    expect(fromAudit.some((u) => u.rolePolicy === 'missing') && fromAudit.some((u) => u.rolePolicy === 'attached')).toBe(true);
    // Each instance's region is its Placement's zone's in the CLI's files (an EC2 instance always has one).
    expect(unmanaged?.every((u) => u.region === REGION)).toBe(true);
    expect(sorted(unmanaged)).toEqual(sorted(fromAudit));
  });
});

/** The value with object keys in order, so two equal facts compare equal as JSON. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
