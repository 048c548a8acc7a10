/** Systems Manager operations (awsJson1_1, `AmazonSSM.*`), with filters and limits as documented. */
import type {
  ComplianceSummaryItem,
  DescribeInstanceInformationRequest,
  DescribeInstancePatchesRequest,
  DescribeInstancePatchStatesRequest,
  DescribeMaintenanceWindowsRequest,
  DescribeMaintenanceWindowTasksRequest,
  DescribePatchBaselinesRequest,
  DescribePatchGroupsRequest,
  GetInventoryRequest,
  GetPatchBaselineRequest,
  GetServiceSettingRequest,
  InstanceInformation,
  InventoryFilter,
  InventoryResultEntity,
  ListAssociationsRequest,
  ListComplianceSummariesRequest,
  ListInventoryEntriesRequest,
  PatchComplianceData,
  ServiceSetting,
} from '@aws-sdk/client-ssm';
import type { Handler, HandlerContext } from './context';
import { validation } from './context';
import { SimError } from './errors';
import { nonCompliantPatches, type SimBaseline, type SimNode, type SimPatchState } from './fleet';
import type { InventoryApp } from './platforms';
import { createPrng } from './prng';

const INSTANCE_ID = /^(i|mi)-[0-9a-f]{8,17}$/;
const DAY = 86_400;

function requireString(ctx: HandlerContext, value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw validation(
      ctx.service,
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  return value;
}

function nodeTags(node: SimNode): Record<string, string> {
  return { Name: node.computerName, ...(node.patchGroup ? { 'Patch Group': node.patchGroup } : {}) };
}

const INFO_FILTER_VALUES: Record<string, readonly string[]> = {
  PingStatus: ['Online', 'ConnectionLost', 'Inactive'],
  PlatformTypes: ['Windows', 'Linux', 'MacOS'],
  ResourceType: ['ManagedInstance', 'EC2Instance'],
  AssociationStatus: ['Pending', 'Success', 'Failed'],
};

function infoFilter(key: string, values: readonly string[], node: SimNode, info: InstanceInformation): boolean {
  switch (key) {
    case 'InstanceIds':
      return values.includes(node.instanceId);
    case 'AgentVersion':
      return values.includes(node.agentVersion);
    case 'PingStatus':
      return values.includes(node.pingStatus);
    case 'PlatformTypes':
      return values.includes(info.PlatformType ?? '');
    case 'ResourceType':
      return values.includes(info.ResourceType ?? '');
    case 'AssociationStatus':
      return values.includes(node.associationStatus);
    case 'ActivationIds':
      return values.includes(info.ActivationId ?? '');
    case 'IamRole':
      return values.includes(info.IamRole ?? '');
    case 'tag-key':
      return values.some((v) => v in nodeTags(node));
    default: {
      const tag = nodeTags(node)[key.slice(4)];
      return tag !== undefined && values.includes(tag);
    }
  }
}

const describeInstanceInformation: Handler = (raw, ctx) => {
  const input = raw as DescribeInstanceInformationRequest;
  if (input.Filters?.length && input.InstanceInformationFilterList?.length) {
    throw validation(ctx.service, 'InstanceInformationFilterList and Filters cannot be used together.');
  }
  const filters: [string, string[]][] = [
    ...(input.Filters ?? []).map((f): [string, string[]] => [f.Key ?? '', f.Values ?? []]),
    ...(input.InstanceInformationFilterList ?? []).map((f): [string, string[]] => [f.key ?? '', f.valueSet ?? []]),
  ];
  for (const [key, values] of filters) {
    const known =
      key in INFO_FILTER_VALUES ||
      ['InstanceIds', 'AgentVersion', 'ActivationIds', 'IamRole', 'tag-key'].includes(key) ||
      key.startsWith('tag:');
    if (!known) throw new SimError('InvalidFilterKey', `The filter key ${key} is not valid.`);
    if (values.length === 0 || values.length > 100)
      throw new SimError('InvalidInstanceInformationFilterValue', `The filter ${key} needs 1 to 100 values.`);
    const allowed = INFO_FILTER_VALUES[key];
    const bad = allowed
      ? values.find((v) => !allowed.includes(v))
      : key === 'InstanceIds'
        ? values.find((v) => !INSTANCE_ID.test(v))
        : undefined;
    if (bad !== undefined) throw new SimError('InvalidInstanceInformationFilterValue', `The filter value ${bad} is not valid for ${key}.`);
  }
  const view = ctx.view();
  const matched = filters.length
    ? view.info.filter((info, i) => {
        const node = view.fleet.nodes[i] as SimNode;
        return filters.every(([key, values]) => infoFilter(key, values, node, info));
      })
    : view.info;
  const { items, nextToken } = ctx.page(matched, input, { min: 5, max: 50, default: 50 });
  return { InstanceInformationList: items, NextToken: nextToken };
};

const describeInstancePatchStates: Handler = (raw, ctx) => {
  const input = raw as Partial<DescribeInstancePatchStatesRequest>;
  const ids = input.InstanceIds;
  if (!Array.isArray(ids))
    throw validation(
      ctx.service,
      "1 validation error detected: Value null at 'instanceIds' failed to satisfy constraint: Member must not be null",
    );
  if (ids.length > 50)
    throw validation(
      ctx.service,
      `1 validation error detected: Value '[${ids.join(', ')}]' at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50`,
    );
  const bad = ids.find((id) => !INSTANCE_ID.test(id));
  if (bad !== undefined) throw new SimError('InvalidInstanceId', `Instance Id ${bad} is not valid.`);
  const view = ctx.view();
  const states = ids.flatMap((id) => {
    const state = view.patchStates.get(id);
    return state ? [state] : [];
  });
  const { items, nextToken } = ctx.page(states, input, { min: 10, max: 100, default: 50 });
  return { InstancePatchStates: items, NextToken: nextToken };
};

/**
 * Patches come from one pool per platform family, so the same KB or package is missing on many
 * nodes, as in a real fleet (the fleet view ranks them). Shapes as AWS answers them: on Windows a
 * KB title and id, on Linux the package's NEVRA as title and `name.arch` as id; CVE ids (one
 * comma-separated string) only on missing and failed patches, as the API reference says.
 */
const SEVERITIES = ['Critical', 'Important', 'Medium', 'Low'] as const;
const LINUX_PACKAGES = [
  'openssl',
  'kernel',
  'glibc',
  'curl',
  'sudo',
  'openssh',
  'systemd',
  'bind-libs',
  'libxml2',
  'python3',
  'nss',
  'krb5-libs',
  'expat',
  'git',
  'vim-minimal',
  'less',
];
const POOL_SIZE = 48;

interface PoolPatch {
  title: string;
  kbId: string;
  classification: string;
  severity: (typeof SEVERITIES)[number];
  cves: string;
}

const pools = new Map<string, PoolPatch[]>();

/**
 * The product as Microsoft's update titles name it: "Microsoft® Windows Server® 2008 Datacenter"
 * is "Windows Server 2008", "Microsoft Windows 10 Pro" is "Windows 10".
 */
function windowsProduct(platformName: string): string {
  return platformName
    .replaceAll('®', '')
    .replace(/^Microsoft\s+/, '')
    .replace(/\s+(Datacenter|Standard|Enterprise|Pro)$/, '')
    .trim();
}

/** Releases before Windows Server 2016 get monthly rollups; later ones, and Windows 10, cumulative updates. */
const ROLLUP_PRODUCTS = /^Windows Server 20(08|12)\b/;

/** Patch `i` of a pool: `product` names it (Windows titles), `seed` draws its KB, CVEs and package version. */
function poolPatch(product: string, seed: string, windows: boolean, i: number): PoolPatch {
  const prng = createPrng(`patch-pool:${seed}:${i}`);
  const severity = SEVERITIES[i % SEVERITIES.length]!;
  const year = 2022 + (i % 4);
  const cves = Array.from({ length: prng.int(1, 4) }, () => `CVE-${year}-${prng.int(1000, 49_999)}`).join(',');
  if (windows) {
    const kb = `KB${5_000_000 + prng.int(0, 49_999)}`;
    const month = String(1 + (i % 12)).padStart(2, '0');
    const update = ROLLUP_PRODUCTS.test(product) ? 'Security Monthly Quality Rollup' : 'Cumulative Update';
    return {
      title: `${year}-${month} ${update} for ${product} for x64-based Systems (${kb})`,
      kbId: kb,
      classification: severity === 'Low' ? 'Updates' : 'SecurityUpdates',
      severity,
      cves,
    };
  }
  const name = LINUX_PACKAGES[i % LINUX_PACKAGES.length]!;
  const version = `${prng.int(1, 9)}.${prng.int(0, 40)}.${prng.int(0, 20)}-${prng.int(1, 90)}`;
  return {
    title: `${name}.x86_64:0:${version}`,
    kbId: `${name}.x86_64`,
    classification: severity === 'Low' ? 'Bugfix' : 'Security',
    severity,
    cves,
  };
}

/** One pool per Windows product (each release has its own updates) and per Linux family. */
function poolFor(key: string, product: string, windows: boolean): PoolPatch[] {
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = Array.from({ length: POOL_SIZE }, (_, i) => poolPatch(product, key, windows, i))));
  return pool;
}

/** The severity of each non-compliant patch, in the order patchesFor lists them: Critical, then Security, then the others. */
const NON_COMPLIANT_SEVERITIES: readonly [keyof Pick<SimPatchState, 'critical' | 'security' | 'other'>, PoolPatch['severity']][] = [
  ['critical', 'Critical'],
  ['security', 'Important'],
  ['other', 'Low'],
];

/** A node's patches as DescribeInstancePatches lists them; `at` dates an age against the fleet's clock. */
export function patchesFor(node: SimNode, at: (ageS: number) => Date): PatchComplianceData[] {
  const p = node.patchState;
  if (!p) return [];
  const prng = createPrng(`patches:${node.instanceId}`);
  const windows = node.platformType === 'Windows';
  const product = windows ? windowsProduct(node.platformName) : node.platformName;
  const key = windows ? product : node.family || node.platformName;
  const pool = poolFor(key, product, windows);
  // Each node takes pool patches in its own order (Fisher–Yates); past the pool it gets patches of its own.
  const order = pool.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const used = new Set<number>();
  let own = 0;
  const take = (severity: PoolPatch['severity'] | undefined): PoolPatch => {
    const i = order.find((k) => !used.has(k) && (!severity || pool[k]!.severity === severity));
    if (i === undefined)
      return { ...poolPatch(product, `${node.instanceId}:own`, windows, POOL_SIZE + own++), ...(severity ? { severity } : {}) };
    used.add(i);
    return pool[i]!;
  };
  // Critical, Security and Other non-compliant counts split the missing, failed, pending-reboot
  // and rejected patches (nonCompliantPatches), so the listed severities add up to them.
  const openSeverities = NON_COMPLIANT_SEVERITIES.flatMap(([count, severity]) => Array<PoolPatch['severity']>(p[count]).fill(severity));
  const out: PatchComplianceData[] = [];
  const add = (state: PatchComplianceData['State'], count: number): void => {
    for (let n = 0; n < count; n++) {
      const open = state !== 'INSTALLED' && state !== 'INSTALLED_OTHER';
      const patch = take(open ? openSeverities.shift() : undefined);
      out.push({
        Title: patch.title,
        KBId: patch.kbId,
        Classification: patch.classification,
        Severity: patch.severity,
        State: state,
        InstalledTime: at(state?.startsWith('INSTALLED') ? p.operationAgeS + prng.int(0, 90) * DAY : 0),
        // CVE ids only on missing and failed patches, as the API reference says.
        ...(state === 'MISSING' || state === 'FAILED' ? { CVEIds: patch.cves } : {}),
      });
    }
  };
  add('MISSING', p.missing);
  add('FAILED', p.failed);
  add('INSTALLED_PENDING_REBOOT', p.installedPendingReboot);
  add('INSTALLED_REJECTED', p.installedRejected);
  add('INSTALLED_OTHER', p.installedOther);
  add('INSTALLED', p.installed);
  return out;
}

const normalizeEnum = (v: string): string => v.replaceAll('_', '').toUpperCase();

const PATCH_FILTER_KEYS: Record<string, keyof PatchComplianceData> = {
  Classification: 'Classification',
  KBId: 'KBId',
  Severity: 'Severity',
  State: 'State',
};

const describeInstancePatches: Handler = (raw, ctx) => {
  const input = raw as Partial<DescribeInstancePatchesRequest>;
  const id = requireString(ctx, input.InstanceId, 'instanceId');
  const node = ctx.view().byId.get(id);
  if (!node) throw new SimError('InvalidInstanceId', `Instance Id ${id} is not valid.`);
  let patches = patchesFor(node, (ageS) => ctx.view().at(ageS));
  for (const f of input.Filters ?? []) {
    const field = PATCH_FILTER_KEYS[f.Key ?? ''];
    if (!field) throw new SimError('InvalidFilter', `The filter key ${f.Key ?? ''} is not valid.`);
    // The API documents filter values as `InstalledOther` but answers `INSTALLED_OTHER`: accept both spellings.
    const wanted = (f.Values ?? []).map(normalizeEnum);
    patches = patches.filter((patch) => wanted.includes(normalizeEnum(String(patch[field]))));
  }
  const { items, nextToken } = ctx.page(patches, input, { min: 10, max: 100, default: 50 });
  return { Patches: items, NextToken: nextToken };
};

function baselineIdentity(b: SimBaseline) {
  return {
    BaselineId: b.baselineId,
    BaselineName: b.name,
    OperatingSystem: b.operatingSystem,
    BaselineDescription: b.description,
    DefaultBaseline: b.defaultBaseline,
  };
}

function baselineFilter(ctx: HandlerContext, filters: { Key?: string; Values?: string[] }[] | undefined, b: SimBaseline): boolean {
  return (filters ?? []).every((f) => {
    const values = f.Values ?? [];
    switch (f.Key) {
      case 'NAME_PREFIX':
        return values.some((v) => b.name.startsWith(v));
      case 'OWNER':
        return values.some((v) => v === 'All' || v === b.owner);
      case 'OPERATING_SYSTEM':
        return values.includes(b.operatingSystem);
      default:
        throw validation(ctx.service, `Invalid filter key ${f.Key ?? ''}`);
    }
  });
}

const describePatchBaselines: Handler = (raw, ctx) => {
  const input = raw as DescribePatchBaselinesRequest;
  const baselines = ctx.view().fleet.baselines.filter((b) => baselineFilter(ctx, input.Filters, b));
  const { items, nextToken } = ctx.page(baselines.map(baselineIdentity), input, { min: 1, max: 100, default: 100 });
  return { BaselineIdentities: items, NextToken: nextToken };
};

const getPatchBaseline: Handler = (raw, ctx) => {
  const input = raw as Partial<GetPatchBaselineRequest>;
  const id = requireString(ctx, input.BaselineId, 'baselineId');
  const b = ctx.view().fleet.baselines.find((x) => x.baselineId === id || x.baselineId.endsWith(`/${id}`));
  if (!b) throw new SimError('DoesNotExistException', `Patch Baseline ${id} does not exist.`);
  const windows = b.operatingSystem === 'WINDOWS';
  const classification = windows ? ['CriticalUpdates', 'SecurityUpdates'] : ['Security'];
  return {
    BaselineId: b.baselineId,
    Name: b.name,
    OperatingSystem: b.operatingSystem,
    Description: b.description,
    GlobalFilters: { PatchFilters: [] },
    ApprovalRules: {
      PatchRules: [
        {
          PatchFilterGroup: {
            PatchFilters: [
              { Key: windows ? 'MSRC_SEVERITY' : 'SEVERITY', Values: ['Critical', 'Important'] },
              { Key: 'CLASSIFICATION', Values: classification },
            ],
          },
          ComplianceLevel: 'UNSPECIFIED',
          ApproveAfterDays: b.approveAfterDays,
          EnableNonSecurity: false,
        },
      ],
    },
    ApprovedPatches: [],
    ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
    ApprovedPatchesEnableNonSecurity: false,
    RejectedPatches: [],
    RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
    PatchGroups: b.patchGroups,
    CreatedDate: ctx.view().at(400 * DAY),
    ModifiedDate: ctx.view().at(30 * DAY),
    Sources: [],
  };
};

const describePatchGroups: Handler = (raw, ctx) => {
  const input = raw as DescribePatchGroupsRequest;
  const groupMatches = (group: string, os: string) =>
    (input.Filters ?? []).every((f) => {
      const values = f.Values ?? [];
      if (f.Key === 'NAME_PREFIX') return values.some((v) => group.startsWith(v));
      if (f.Key === 'OPERATING_SYSTEM') return values.includes(os);
      throw validation(ctx.service, `Invalid filter key ${f.Key ?? ''}`);
    });
  const mappings = ctx
    .view()
    .fleet.baselines.flatMap((b) =>
      b.patchGroups
        .filter((group) => groupMatches(group, b.operatingSystem))
        .map((group) => ({ PatchGroup: group, BaselineIdentity: baselineIdentity(b) })),
    );
  const { items, nextToken } = ctx.page(mappings, input, { min: 1, max: 100, default: 100 });
  return { Mappings: items, NextToken: nextToken };
};

const INVENTORY_TYPES = ['AWS:Application', 'AWS:InstanceInformation'] as const;
type InventoryType = (typeof INVENTORY_TYPES)[number];
const APPLICATION_ATTRIBUTES = [
  'Name',
  'Version',
  'Publisher',
  'ApplicationType',
  'Architecture',
  'Release',
  'PackageId',
  'InstalledTime',
  'URL',
  'Summary',
];
const INSTANCE_ATTRIBUTES = [
  'InstanceId',
  'AgentType',
  'AgentVersion',
  'ComputerName',
  'IpAddress',
  'PlatformName',
  'PlatformType',
  'PlatformVersion',
  'InstanceStatus',
  'ResourceType',
];

function applicationEntry(node: SimNode, app: InventoryApp): Record<string, string> {
  const windows = node.platformType === 'Windows';
  return {
    Name: app.name,
    Version: app.version,
    ApplicationType: windows ? '' : 'System Environment/Libraries',
    Architecture: 'x86_64',
    Publisher: windows ? 'Python Software Foundation' : '',
    PackageId: windows ? '' : `${app.name}-${app.version}.src.rpm`,
  };
}

function instanceEntry(node: SimNode): Record<string, string> {
  return {
    InstanceId: node.instanceId,
    AgentType: 'amazon-ssm-agent',
    AgentVersion: node.agentVersion,
    ComputerName: node.computerName,
    IpAddress: node.privateIp,
    PlatformName: node.platformName,
    PlatformType: node.platformType,
    PlatformVersion: node.platformVersion,
    InstanceStatus: node.pingStatus === 'Online' ? 'Active' : 'Stopped',
    ResourceType: node.kind === 'ec2' ? 'EC2Instance' : 'ManagedInstance',
  };
}

function compare(type: InventoryFilter['Type'], actual: string, values: readonly string[]): boolean {
  switch (type ?? 'Equal') {
    case 'Equal':
      return values.includes(actual);
    case 'NotEqual':
      return !values.includes(actual);
    case 'BeginWith':
      return values.some((v) => actual.startsWith(v));
    case 'LessThan':
      return values.some((v) => actual.localeCompare(v, 'en', { numeric: true }) < 0);
    case 'GreaterThan':
      return values.some((v) => actual.localeCompare(v, 'en', { numeric: true }) > 0);
    default:
      return actual !== '';
  }
}

interface ParsedInventoryFilter {
  type: InventoryType;
  attribute: string;
  filter: InventoryFilter;
}

function parseInventoryFilters(ctx: HandlerContext, filters: InventoryFilter[] | undefined, typeName?: string): ParsedInventoryFilter[] {
  return (filters ?? []).map((filter) => {
    const key = filter.Key ?? '';
    const dot = key.lastIndexOf('.');
    const type = (dot > 0 ? key.slice(0, dot) : typeName) as InventoryType | undefined;
    const attribute = dot > 0 ? key.slice(dot + 1) : key;
    if (!type || !INVENTORY_TYPES.includes(type))
      throw new SimError('InvalidTypeNameException', `The parameter type name ${type ?? key} is not valid.`);
    const attributes = type === 'AWS:Application' ? APPLICATION_ATTRIBUTES : INSTANCE_ATTRIBUTES;
    if (!attributes.includes(attribute)) throw new SimError('InvalidFilter', `The filter key ${key} is not valid.`);
    const values = filter.Values ?? [];
    if (values.length < 1 || values.length > 40)
      throw validation(
        ctx.service,
        `1 validation error detected: Value at 'filters.1.member.values' failed to satisfy constraint: Member must have length between 1 and 40`,
      );
    return { type, attribute, filter };
  });
}

const getInventory: Handler = (raw, ctx) => {
  const input = raw as GetInventoryRequest;
  if (input.Aggregators?.length) throw validation(ctx.service, 'The simulator does not support inventory aggregators.');
  const attrs = input.ResultAttributes ?? [];
  if (attrs.length > 1)
    throw validation(
      ctx.service,
      "1 validation error detected: Value at 'resultAttributes' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
  const resultType = (attrs[0]?.TypeName ?? 'AWS:InstanceInformation') as InventoryType;
  if (!INVENTORY_TYPES.includes(resultType))
    throw new SimError('InvalidResultAttributeException', `The result attribute type name ${resultType} is not valid.`);
  const filters = parseInventoryFilters(ctx, input.Filters);
  const appFilters = filters.filter((f) => f.type === 'AWS:Application');
  const view = ctx.view();
  const captureTime = (node: SimNode): string =>
    view
      .at(node.inventoryAgeS)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const entities: InventoryResultEntity[] = [];
  for (const node of view.fleet.nodes) {
    if (!node.inventory) continue;
    const instance = instanceEntry(node);
    if (
      !filters
        .filter((f) => f.type === 'AWS:InstanceInformation')
        .every((f) => compare(f.filter.Type, instance[f.attribute] ?? '', f.filter.Values ?? []))
    )
      continue;
    // Application filters select the nodes and, as in AWS, narrow the returned content to the matching items.
    const apps = node.inventory
      .map((a) => applicationEntry(node, a))
      .filter((entry) => appFilters.every((f) => compare(f.filter.Type, entry[f.attribute] ?? '', f.filter.Values ?? [])));
    if (appFilters.length && apps.length === 0) continue;
    const content = resultType === 'AWS:Application' ? apps : [instance];
    entities.push({
      Id: node.instanceId,
      Data: {
        [resultType]: {
          TypeName: resultType,
          SchemaVersion: resultType === 'AWS:Application' ? '1.1' : '1.0',
          CaptureTime: captureTime(node),
          Content: content,
        },
      },
    });
  }
  const { items, nextToken } = ctx.page(entities, input, { min: 1, max: 50, default: 50 });
  return { Entities: items, NextToken: nextToken };
};

const listInventoryEntries: Handler = (raw, ctx) => {
  const input = raw as Partial<ListInventoryEntriesRequest>;
  const id = requireString(ctx, input.InstanceId, 'instanceId');
  const typeName = requireString(ctx, input.TypeName, 'typeName') as InventoryType;
  if (!INVENTORY_TYPES.includes(typeName))
    throw new SimError('InvalidTypeNameException', `The parameter type name ${typeName} is not valid.`);
  const view = ctx.view();
  const node = view.byId.get(id);
  if (!node) throw new SimError('InvalidInstanceId', `Instance Id ${id} is not valid.`);
  const filters = parseInventoryFilters(ctx, input.Filters, typeName);
  const all = node.inventory
    ? typeName === 'AWS:Application'
      ? node.inventory.map((a) => applicationEntry(node, a))
      : [instanceEntry(node)]
    : [];
  const entries = all.filter((entry) => filters.every((f) => compare(f.filter.Type, entry[f.attribute] ?? '', f.filter.Values ?? [])));
  const { items, nextToken } = ctx.page(entries, input, { min: 1, max: 50, default: 50 });
  return {
    TypeName: typeName,
    InstanceId: id,
    ...(node.inventory
      ? {
          SchemaVersion: typeName === 'AWS:Application' ? '1.1' : '1.0',
          CaptureTime: view
            .at(node.inventoryAgeS)
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z'),
        }
      : {}),
    Entries: items,
    NextToken: nextToken,
  };
};

const listComplianceSummaries: Handler = (raw, ctx) => {
  const input = raw as ListComplianceSummariesRequest;
  const nodes = ctx.view().fleet.nodes;
  const severity = () => ({ CriticalCount: 0, HighCount: 0, MediumCount: 0, LowCount: 0, InformationalCount: 0, UnspecifiedCount: 0 });
  const patch: ComplianceSummaryItem = {
    ComplianceType: 'Patch',
    CompliantSummary: { CompliantCount: 0, SeveritySummary: severity() },
    NonCompliantSummary: { NonCompliantCount: 0, SeveritySummary: severity() },
  };
  const association: ComplianceSummaryItem = {
    ComplianceType: 'Association',
    CompliantSummary: { CompliantCount: 0, SeveritySummary: severity() },
    NonCompliantSummary: { NonCompliantCount: 0, SeveritySummary: severity() },
  };
  for (const node of nodes) {
    const p = node.patchState;
    if (p) {
      const nonCompliant = nonCompliantPatches(p) > 0;
      const summary = nonCompliant ? patch.NonCompliantSummary : patch.CompliantSummary;
      const s = summary?.SeveritySummary;
      if (nonCompliant && patch.NonCompliantSummary)
        patch.NonCompliantSummary.NonCompliantCount = (patch.NonCompliantSummary.NonCompliantCount ?? 0) + 1;
      if (!nonCompliant && patch.CompliantSummary) patch.CompliantSummary.CompliantCount = (patch.CompliantSummary.CompliantCount ?? 0) + 1;
      if (s) {
        if (p.critical) s.CriticalCount = (s.CriticalCount ?? 0) + 1;
        else if (p.security) s.HighCount = (s.HighCount ?? 0) + 1;
        else if (nonCompliant) s.MediumCount = (s.MediumCount ?? 0) + 1;
        else s.UnspecifiedCount = (s.UnspecifiedCount ?? 0) + 1;
      }
    }
    const failed = node.associationStatus === 'Failed';
    if (failed && association.NonCompliantSummary?.SeveritySummary) {
      association.NonCompliantSummary.NonCompliantCount = (association.NonCompliantSummary.NonCompliantCount ?? 0) + 1;
      association.NonCompliantSummary.SeveritySummary.UnspecifiedCount =
        (association.NonCompliantSummary.SeveritySummary.UnspecifiedCount ?? 0) + 1;
    } else if (!failed && association.CompliantSummary?.SeveritySummary) {
      association.CompliantSummary.CompliantCount = (association.CompliantSummary.CompliantCount ?? 0) + 1;
      association.CompliantSummary.SeveritySummary.UnspecifiedCount =
        (association.CompliantSummary.SeveritySummary.UnspecifiedCount ?? 0) + 1;
    }
  }
  let summaries = [patch, association];
  for (const f of input.Filters ?? []) {
    if (f.Key !== 'ComplianceType') throw validation(ctx.service, `Invalid filter key ${f.Key ?? ''}`);
    summaries = summaries.filter((s) =>
      compare(
        f.Type === 'NOT_EQUAL' ? 'NotEqual' : f.Type === 'BEGIN_WITH' ? 'BeginWith' : 'Equal',
        s.ComplianceType ?? '',
        f.Values ?? [],
      ),
    );
  }
  const { items, nextToken } = ctx.page(summaries, input, { min: 1, max: 50, default: 50 });
  return { ComplianceSummaryItems: items, NextToken: nextToken };
};

const ASSOCIATION_KEYS = [
  'InstanceId',
  'Name',
  'AssociationId',
  'AssociationStatusName',
  'LastExecutedBefore',
  'LastExecutedAfter',
  'AssociationName',
  'ResourceGroupName',
];

const listAssociations: Handler = (raw, ctx) => {
  const input = raw as ListAssociationsRequest;
  const view = ctx.view();
  const filters = input.AssociationFilterList ?? [];
  for (const f of filters) if (!ASSOCIATION_KEYS.includes(f.key ?? '')) throw validation(ctx.service, `Invalid filter key ${f.key ?? ''}`);
  const matching = view.fleet.associations.filter((a) =>
    filters.every((f) => {
      const value = f.value ?? '';
      switch (f.key) {
        case 'InstanceId':
          return view.byId.has(value) && a.targetValues.includes('*');
        case 'Name':
          return a.name === value;
        case 'AssociationId':
          return a.associationId === value;
        case 'AssociationStatusName':
          return a.status === value;
        case 'AssociationName':
          return a.associationName === value;
        case 'LastExecutedBefore':
          return view.at(a.lastExecutionAgeS) < new Date(value);
        case 'LastExecutedAfter':
          return view.at(a.lastExecutionAgeS) > new Date(value);
        default:
          return false;
      }
    }),
  );
  const associations = matching.map((a) => ({
    Name: a.name,
    AssociationId: a.associationId,
    AssociationVersion: '1',
    DocumentVersion: '$DEFAULT',
    AssociationName: a.associationName,
    Targets: [{ Key: a.targetKey, Values: a.targetValues }],
    LastExecutionDate: view.at(a.lastExecutionAgeS),
    ScheduleExpression: a.scheduleExpression,
    Overview: { Status: a.status, AssociationStatusAggregatedCount: { [a.status]: view.fleet.nodes.length } },
  }));
  const { items, nextToken } = ctx.page(associations, input, { min: 1, max: 50, default: 50 });
  return { Associations: items, NextToken: nextToken };
};

const describeMaintenanceWindows: Handler = (raw, ctx) => {
  const input = raw as DescribeMaintenanceWindowsRequest;
  const view = ctx.view();
  const windows = view.fleet.maintenanceWindows.filter((w) =>
    (input.Filters ?? []).every((f) => {
      if (f.Key === 'Name') return (f.Values ?? []).includes(w.name);
      if (f.Key === 'Enabled') return (f.Values ?? []).includes(String(w.enabled));
      throw validation(ctx.service, `Invalid filter key ${f.Key ?? ''}`);
    }),
  );
  const identities = windows.map((w) => ({
    WindowId: w.windowId,
    Name: w.name,
    Enabled: w.enabled,
    Duration: w.duration,
    Cutoff: w.cutoff,
    Schedule: w.schedule,
    NextExecutionTime: view.at(-3 * DAY).toISOString(),
  }));
  const { items, nextToken } = ctx.page(identities, input, { min: 10, max: 100, default: 50 });
  return { WindowIdentities: items, NextToken: nextToken };
};

const describeMaintenanceWindowTasks: Handler = (raw, ctx) => {
  const input = raw as Partial<DescribeMaintenanceWindowTasksRequest>;
  const id = requireString(ctx, input.WindowId, 'windowId');
  const w = ctx.view().fleet.maintenanceWindows.find((x) => x.windowId === id);
  if (!w) throw new SimError('DoesNotExistException', `Maintenance window ${id} does not exist`);
  const tasks = w.tasks.map((t) => ({
    WindowId: w.windowId,
    WindowTaskId: t.windowTaskId,
    TaskArn: t.taskArn,
    Type: t.type,
    Targets: [{ Key: t.targetKey, Values: t.targetValues }],
    TaskParameters: { Operation: { Values: [t.operation] } },
    Priority: t.priority,
    MaxConcurrency: '10%',
    MaxErrors: '5%',
    Name: 'patch-install',
  }));
  const { items, nextToken } = ctx.page(tasks, input, { min: 10, max: 100, default: 50 });
  return { Tasks: items, NextToken: nextToken };
};

const HOST_MANAGEMENT_SETTING = '/ssm/managed-instance/default-ec2-instance-management-role';
const HOST_MANAGEMENT_ROLE = 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';
/** The AWS CLI's examples pass the setting's ARN; AWS answers with the short SettingId either way. */
const SETTING_ARN = /^arn:aws[\w-]*:ssm:[\w-]*:\d*:servicesetting(\/.+)$/;

/**
 * Default Host Management Configuration of the caller's account × region: the role's name when on,
 * `$None` (the value a reset leaves) when off.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetServiceSetting.html
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/managed-instances-default-host-management.html
 */
const getServiceSetting: Handler = (raw, ctx) => {
  const input = raw as Partial<GetServiceSettingRequest>;
  const requested = requireString(ctx, input.SettingId, 'settingId');
  if (requested.length > 1000)
    throw validation(
      ctx.service,
      `1 validation error detected: Value at 'settingId' failed to satisfy constraint: Member must have length less than or equal to 1000`,
    );
  const settingId = SETTING_ARN.exec(requested)?.[1] ?? requested;
  if (settingId !== HOST_MANAGEMENT_SETTING)
    throw new SimError(
      'ServiceSettingNotFound',
      "The specified service setting wasn't found. Either the service name or the setting hasn't been provisioned by the AWS service team.",
    );
  const { enabled, modifiedAgeS } = ctx.view().fleet.hostManagement;
  const account = ctx.caller.account.accountId;
  const setting: ServiceSetting = {
    SettingId: settingId,
    SettingValue: enabled ? HOST_MANAGEMENT_ROLE : '$None',
    LastModifiedDate: ctx.view().at(modifiedAgeS),
    LastModifiedUser: enabled ? `arn:aws:iam::${account}:user/admin` : 'System',
    ARN: `arn:aws:ssm:${ctx.region}:${account}:servicesetting${settingId}`,
    Status: enabled ? 'Customized' : 'Default',
  };
  return { ServiceSetting: setting };
};

export const SSM_OPERATIONS: Record<string, Handler> = {
  GetServiceSetting: getServiceSetting,
  DescribeInstanceInformation: describeInstanceInformation,
  DescribeInstancePatchStates: describeInstancePatchStates,
  DescribeInstancePatches: describeInstancePatches,
  DescribePatchBaselines: describePatchBaselines,
  GetPatchBaseline: getPatchBaseline,
  DescribePatchGroups: describePatchGroups,
  GetInventory: getInventory,
  ListInventoryEntries: listInventoryEntries,
  ListComplianceSummaries: listComplianceSummaries,
  ListAssociations: listAssociations,
  DescribeMaintenanceWindows: describeMaintenanceWindows,
  DescribeMaintenanceWindowTasks: describeMaintenanceWindowTasks,
};
