/**
 * Reads the JSON files the AWS CLI writes (`aws ssm describe-instance-information > f.json`, …) for
 * `patch-audit evaluate`. Each file's kind is told by its top-level key; unknown extra fields are
 * ignored (zod strips them), so output from newer CLI versions still reads. Timestamps come as epoch
 * seconds (AWS CLI v1) or ISO strings (v2) and are normalized to ISO strings.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { APPLICATION_TYPE, INVENTORY_FILTER, PATCH_DETAIL_FILTER } from '../core';
import { UsageError } from './io';

const Timestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.issues.push({ code: 'custom', message: `not a timestamp: ${JSON.stringify(value)}`, input: value });
    return z.NEVER;
  }
  return date.toISOString();
});
const Count = z.number().int().nonnegative();

export const InstanceInformation = z.object({
  InstanceId: z.string().min(1),
  PingStatus: z.string().optional(),
  LastPingDateTime: Timestamp.optional(),
  AgentVersion: z.string().optional(),
  IsLatestVersion: z.boolean().optional(),
  PlatformType: z.string().optional(),
  PlatformName: z.string().optional(),
  PlatformVersion: z.string().optional(),
  ResourceType: z.string().optional(),
  IPAddress: z.string().optional(),
  Name: z.string().optional(),
  ComputerName: z.string().optional(),
  SourceType: z.string().optional(),
});
export type InstanceInformation = z.infer<typeof InstanceInformation>;

export const InstancePatchState = z.object({
  InstanceId: z.string().min(1),
  PatchGroup: z.string().optional(),
  BaselineId: z.string().optional(),
  Operation: z.string().optional(),
  OperationStartTime: Timestamp.optional(),
  OperationEndTime: Timestamp.optional(),
  LastNoRebootInstallOperationTime: Timestamp.optional(),
  RebootOption: z.string().optional(),
  InstalledCount: Count.optional(),
  InstalledOtherCount: Count.optional(),
  InstalledPendingRebootCount: Count.optional(),
  InstalledRejectedCount: Count.optional(),
  MissingCount: Count.optional(),
  FailedCount: Count.optional(),
  NotApplicableCount: Count.optional(),
  UnreportedNotApplicableCount: Count.optional(),
  CriticalNonCompliantCount: Count.optional(),
  SecurityNonCompliantCount: Count.optional(),
  OtherNonCompliantCount: Count.optional(),
});
export type InstancePatchState = z.infer<typeof InstancePatchState>;

export const InventoryEntity = z.object({
  Id: z.string().min(1),
  Data: z.record(z.string(), z.object({ Content: z.array(z.record(z.string(), z.unknown())).optional() })).optional(),
});
export type InventoryEntity = z.infer<typeof InventoryEntity>;

const Ec2Instance = z.object({
  InstanceId: z.string().min(1),
  VpcId: z.string().optional(),
  SubnetId: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  Placement: z.object({ AvailabilityZone: z.string().optional() }).optional(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
});
export const Reservation = z.object({ OwnerId: z.string().optional(), Instances: z.array(Ec2Instance).default([]) });
export type Reservation = z.infer<typeof Reservation>;

const Ec2Route = z.object({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  CarrierGatewayId: z.string().optional(),
  LocalGatewayId: z.string().optional(),
  CoreNetworkArn: z.string().optional(),
  State: z.string().optional(),
});
export const RouteTable = z.object({
  RouteTableId: z.string().min(1),
  VpcId: z.string().optional(),
  Associations: z.array(z.object({ Main: z.boolean().optional(), SubnetId: z.string().optional() })).default([]),
  Routes: z.array(Ec2Route).default([]),
});
export type RouteTable = z.infer<typeof RouteTable>;

export const VpcEndpoint = z.object({
  VpcEndpointId: z.string().min(1),
  VpcEndpointType: z.string().optional(),
  VpcId: z.string().optional(),
  ServiceName: z.string().optional(),
  State: z.string().optional(),
  RouteTableIds: z.array(z.string()).optional(),
  SubnetIds: z.array(z.string()).optional(),
  PrivateDnsEnabled: z.boolean().optional(),
});
export type VpcEndpoint = z.infer<typeof VpcEndpoint>;

/** One `PatchComplianceData`; the translation (audit/sources/instancePatches.ts) bounds its values. */
export const PatchComplianceData = z.object({
  Title: z.string().optional(),
  KBId: z.string().optional(),
  Classification: z.string().optional(),
  Severity: z.string().optional(),
  State: z.string().optional(),
  InstalledTime: Timestamp.optional(),
  CVEIds: z.string().optional(),
});

/**
 * `describe-instance-patches` answers for one node and does not name it: the file does. Its name
 * must hold the node's id (`patches-i-0abc….json`), as the collect commands write it.
 */
export interface NodePatches {
  InstanceId: string;
  Patches: z.infer<typeof PatchComplianceData>[];
}
const NODE_ID_IN_NAME = /(?:^|[^a-z0-9])((?:i|mi)-[0-9a-f]{8,17})(?![0-9a-f])/;

/** Each kind of file by the top-level key the AWS CLI gives it. */
const KINDS = {
  InstanceInformationList: { command: 'aws ssm describe-instance-information', item: InstanceInformation },
  InstancePatchStates: { command: 'aws ssm describe-instance-patch-states', item: InstancePatchState },
  Entities: { command: 'aws ssm get-inventory', item: InventoryEntity },
  Reservations: { command: 'aws ec2 describe-instances', item: Reservation },
  RouteTables: { command: 'aws ec2 describe-route-tables', item: RouteTable },
  VpcEndpoints: { command: 'aws ec2 describe-vpc-endpoints', item: VpcEndpoint },
  Patches: { command: 'aws ssm describe-instance-patches', item: PatchComplianceData },
} as const;
export type AwsCliKind = keyof typeof KINDS;
const KIND_KEYS = Object.keys(KINDS) as AwsCliKind[];

export interface AwsCliInput {
  InstanceInformationList: InstanceInformation[];
  InstancePatchStates: InstancePatchState[];
  Entities: InventoryEntity[];
  Reservations: Reservation[];
  RouteTables: RouteTable[];
  VpcEndpoints: VpcEndpoint[];
  Patches: NodePatches[];
  /** Which kinds were given at all: an absent kind is "not collected", unlike an empty list. */
  kinds: Set<AwsCliKind>;
  /** What was left out or adjusted while reading, for the user (the evaluation still runs). */
  notes: string[];
}

/** The live audit's patch-detail filter, for one node (`$id`), as the AWS CLI command a client runs; quoted for PowerShell. */
export const PATCHES_COMMAND = `aws ssm describe-instance-patches --instance-id $id --filters "Key=${PATCH_DETAIL_FILTER.Key},Values=${PATCH_DETAIL_FILTER.Values.join(',')}"`;

/**
 * The live audit's own inventory filter, as the AWS CLI command a client runs. The shorthand is in
 * double quotes: PowerShell reads unquoted commas as an array and would pass the filter as
 * separate arguments; bash and cmd take the quoted form alike.
 */
export const INVENTORY_COMMAND = `aws ssm get-inventory --filters "Key=${INVENTORY_FILTER.Key},Values=${INVENTORY_FILTER.Values.join(',')},Type=${INVENTORY_FILTER.Type}" --result-attributes TypeName=${APPLICATION_TYPE}`;

function describeIssues(error: z.ZodError, kind: string): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${[kind, ...issue.path].join('.').replace(/\.(\d+)/g, '[$1]')}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/**
 * The file's text as the client's shell wrote it: the AWS CLI writes UTF-8, but Windows
 * PowerShell 5.1's `>` writes UTF-16LE with a BOM (and `Out-File -Encoding BigEndianUnicode`
 * UTF-16BE). Anything else that is not valid UTF-8 is refused rather than read as mojibake.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UsageError(`${file}: not UTF-8 or UTF-16 text with a byte order mark; save it as UTF-8 (the AWS CLI's own output is UTF-8)`);
  }
}

async function readJson(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UsageError(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const body = decodeText(bytes, file);
  if (body.trim() === '') throw new UsageError(`${file}: the file is empty`);
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${(err as Error).message})`);
  }
}

/** The kind and items of one file; a UsageError naming the file when it is not an AWS CLI output we know. */
export async function readAwsCliFile(file: string): Promise<{ kind: AwsCliKind; items: unknown[]; nextToken: boolean }> {
  const json = await readJson(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`${file}: expected a JSON object as the AWS CLI writes it, got ${Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const found = KIND_KEYS.filter((key) => key in json);
  if (found.length === 0) {
    const known = KIND_KEYS.map((key) => `${key} (${KINDS[key].command})`).join(', ');
    throw new UsageError(`${file}: unknown kind of file; expected one of the top-level keys ${known}`);
  }
  if (found.length > 1) throw new UsageError(`${file}: ambiguous file with several top-level keys: ${found.join(', ')}`);
  const kind = found[0] as AwsCliKind;
  const parsed = z.array(KINDS[kind].item).safeParse((json as Record<string, unknown>)[kind]);
  if (!parsed.success) throw new UsageError(`${file}: invalid ${KINDS[kind].command} output: ${describeIssues(parsed.error, kind)}`);
  // With --max-items or --no-paginate the CLI stops early and prints the token to go on with.
  return { kind, items: parsed.data, nextToken: typeof (json as Record<string, unknown>).NextToken === 'string' };
}

/** Each kind's identity: a record given twice (two pages saved twice, one file named twice) counts once. */
const IDENTITY: { [K in AwsCliKind]: (item: AwsCliInput[K][number]) => string } = {
  InstanceInformationList: (item) => item.InstanceId,
  InstancePatchStates: (item) => item.InstanceId,
  Entities: (item) => item.Id,
  Reservations: (item) => item.Instances.map((instance) => instance.InstanceId).join(','),
  RouteTables: (item) => item.RouteTableId,
  VpcEndpoints: (item) => item.VpcEndpointId,
  Patches: (item) => item.InstanceId,
};

function keepFirstOfEach<K extends AwsCliKind>(kind: K, items: AwsCliInput[K]): { kept: AwsCliInput[K]; repeated: number } {
  const identity = IDENTITY[kind] as (item: AwsCliInput[K][number]) => string;
  const seen = new Set<string>();
  const kept = items.filter((item) => {
    const id = identity(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  }) as AwsCliInput[K];
  return { kept, repeated: items.length - kept.length };
}

/** get-inventory without the application filter lists `AWS:InstanceInformation` only: no Python data at all. */
const hasApplicationData = (entities: readonly InventoryEntity[]): boolean =>
  entities.some((entity) => entity.Data?.[APPLICATION_TYPE] !== undefined);

function nodeIdOfPatchesFile(file: string): string {
  const id = NODE_ID_IN_NAME.exec(basename(file))?.[1];
  if (!id)
    throw new UsageError(
      `${file}: a ${KINDS.Patches.command} output names no node; name the file after the node it was run for, e.g. patches-i-0123456789abcdef0.json`,
    );
  return id;
}

/** One node's answer may come in several files (pages saved apart): they add up, the translation drops repeats. */
function addNodePatches(into: NodePatches[], id: string, patches: NodePatches['Patches']): void {
  const known = into.find((node) => node.InstanceId === id);
  if (known) known.Patches.push(...patches);
  else into.push({ InstanceId: id, Patches: [...patches] });
}

/** Reads every file; files of the same kind (several pages, several regions) are concatenated. */
export async function readAwsCliFiles(files: readonly string[]): Promise<AwsCliInput> {
  const input: AwsCliInput = {
    InstanceInformationList: [],
    InstancePatchStates: [],
    Entities: [],
    Reservations: [],
    RouteTables: [],
    VpcEndpoints: [],
    Patches: [],
    kinds: new Set(),
    notes: [],
  };
  const read = new Set<string>();
  for (const file of files) {
    const real = await realpath(file).catch(() => file);
    if (read.has(real)) {
      input.notes.push(`${file} was given more than once; read once`);
      continue;
    }
    read.add(real);
    const { kind, items, nextToken } = await readAwsCliFile(file);
    input.kinds.add(kind);
    if (nextToken)
      input.notes.push(`${file} ends with a NextToken: the AWS CLI stopped before the last page, so what follows it is missing`);
    if (kind === 'Patches') addNodePatches(input.Patches, nodeIdOfPatchesFile(file), items as NodePatches['Patches']);
    else (input[kind] as unknown[]).push(...items);
  }
  if (!input.kinds.has('InstanceInformationList')) {
    throw new UsageError(`no InstanceInformationList among the files: include the output of ${KINDS.InstanceInformationList.command}`);
  }
  for (const kind of KIND_KEYS) {
    const { kept, repeated } = keepFirstOfEach(kind, input[kind]);
    (input as Record<AwsCliKind, unknown>)[kind] = kept;
    if (repeated > 0) input.notes.push(`${repeated} ${kind} record(s) appeared more than once (same id); each is counted once`);
  }
  if (input.kinds.has('Entities') && input.Entities.length > 0 && !hasApplicationData(input.Entities)) {
    input.kinds.delete('Entities');
    input.notes.push(
      `the get-inventory output holds no AWS:Application data (it was run without the application filter), so Python checks are unknown; re-run it as: ${INVENTORY_COMMAND}`,
    );
  }
  return input;
}
