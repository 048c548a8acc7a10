/**
 * The export file's schema: the domain model with every string bounded, every list counted and
 * every object strict, so a hostile file cannot smuggle fields, exhaust memory or plant path
 * names. Types check against the model where the payload is saved (saveSnapshot's input).
 */
import { z } from 'zod';
import { ScopeErrorCode } from '../../../shared/scopeErrors';
import {
  CheckStatus,
  EVIDENCE_LIST_MAX,
  PATCH_DETAIL_LIMITS,
  PatchDetailState,
  patchStateCountFields,
  RuleId,
  SnapshotStatus,
  SourceStatus,
} from '../../../shared/model';
import { EndpointRoute, HostManagement, InstanceState, RolePolicy } from '../../../shared/ec2Coverage';
import { UserText } from '../../../shared/userText';
import { nodeSourcesShape, patchingSetupShape } from '../../../shared/sources';

export const EXPORT_FORMAT = 'patch-auditor-export';
/**
 * 2 (issue 30): snapshots may hold `unmanaged` EC2 instances and scopes their `coverage`. A reader
 * of version 1 would refuse those fields without saying why, so it is told the file is newer;
 * version 1 files, which never hold them, still import.
 */
export const EXPORT_VERSION = 2;

// Control characters have no place in any stored text; rejecting them also stops terminal
// escape sequences from reaching the CLI's output.
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'contains control characters');
const token = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/+@-]*$/, 'has characters outside A-Z, 0-9 and ._:/+@-')
    .max(max);
const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative().max(100_000_000);
const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'is not a valid key');

const PatchState = z.strictObject({
  baselineId: token(128).optional(),
  patchGroup: text(256).optional(),
  operation: text(32).optional(),
  operationStartTime: isoTime.optional(),
  operationEndTime: isoTime.optional(),
  lastNoRebootInstallOperationTime: isoTime.optional(),
  rebootOption: text(64).optional(),
  ...patchStateCountFields(count),
});

const Route = z.strictObject({
  // A CIDR (IPv4 or IPv6, which may start with ':') or a prefix-list id.
  destination: z.string().regex(/^[0-9A-Za-z:./-]{1,128}$/, 'is not a CIDR or prefix-list id'),
  target: z.enum(['igw', 'nat-gateway', 'nat-instance', 'vpc-endpoint', 'transit-gateway', 'vpn-gateway', 'peering', 'local', 'other']),
  targetId: token(128).optional(),
  state: text(32).optional(),
});

const VpcEndpoint = z.strictObject({
  id: token(64),
  serviceName: token(256),
  type: text(32),
  state: text(32).optional(),
  routeTableIds: z.array(token(64)).max(1000).optional(),
  subnetIds: z.array(token(64)).max(1000).optional(),
  privateDnsEnabled: z.boolean().optional(),
});

const PatchDetail = z.strictObject({
  title: text(PATCH_DETAIL_LIMITS.title),
  kbId: text(PATCH_DETAIL_LIMITS.kbId),
  classification: text(PATCH_DETAIL_LIMITS.label).optional(),
  severity: text(PATCH_DETAIL_LIMITS.label).optional(),
  state: PatchDetailState,
  cveIds: z.array(z.string().regex(/^CVE-\d{4}-\d{4,7}$/, 'is not a CVE id')).max(PATCH_DETAIL_LIMITS.cveIds),
});

const NodeFacts = z.strictObject({
  accountId: z.string().regex(/^\d{12}$/, 'is not a 12-digit AWS account id'),
  region: z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/, 'is not an AWS region name'),
  instanceId: token(128),
  name: text(256).optional(),
  ipAddress: z
    .string()
    .regex(/^[0-9A-Fa-f.:]{2,45}$/, 'is not an IP address')
    .optional(),
  resourceType: text(64).optional(),
  sourceType: text(64).optional(),
  pingStatus: text(32).optional(),
  lastPingAt: isoTime.optional(),
  agentVersion: text(64).optional(),
  isLatestVersion: z.boolean().optional(),
  platformType: text(64).optional(),
  platformName: text(256).optional(),
  platformVersion: text(128).optional(),
  patchState: PatchState.nullable().optional(),
  inventory: z
    .array(z.strictObject({ name: text(256), version: text(128) }))
    .max(1000)
    .nullable()
    .optional(),
  network: z
    .strictObject({
      vpcId: token(64).optional(),
      subnetId: token(64).optional(),
      publicIp: z
        .string()
        .regex(/^[0-9A-Fa-f.:]{2,45}$/, 'is not an IP address')
        .optional(),
      routeTableId: token(64).optional(),
      mainRouteTable: z.boolean().optional(),
      routes: z.array(Route).max(1000),
      vpcEndpoints: z.array(VpcEndpoint).max(1000),
    })
    .nullable()
    .optional(),
  patches: z.array(PatchDetail).max(PATCH_DETAIL_LIMITS.patches).optional(),
  sources: z.strictObject(nodeSourcesShape(SourceStatus)),
});

/** A node's facts as an export file must hold them: audits check what they collected against it. */
export const ArchiveNodeFacts = NodeFacts;

const value = z.union([text(4096), z.number().finite()]);
const Check = z.strictObject({
  rule: RuleId,
  status: CheckStatus,
  code: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/i, 'is not a message code'),
  params: z.record(key, value).refine((r) => Object.keys(r).length <= 32, 'has more than 32 entries'),
  evidence: z
    .record(key, z.union([text(4096), z.number().finite(), z.boolean(), z.null(), z.array(text(1024)).max(EVIDENCE_LIST_MAX)]))
    .refine((r) => Object.keys(r).length <= 64, 'has more than 64 entries'),
});

const Scope = z
  .strictObject({
    accountId: z.string().regex(/^\d{12}$/, 'is not a 12-digit AWS account id'),
    // Null: an account-level failure, an account never reached under `regions: 'all'` (shared/model.ts ScopeResult).
    region: z
      .string()
      .regex(/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/, 'is not an AWS region name')
      .nullable(),
    status: z.enum(['ok', 'failed', 'cancelled']),
    error: text(2000).optional(),
    nodes: count,
    calls: count,
    throttles: count,
    gaps: z.array(text(128)).max(100),
    errorCode: ScopeErrorCode.optional(),
    errorParams: z.record(token(64), text(2000)).optional(),
    gapErrors: z
      .record(text(128), z.strictObject({ errorCode: ScopeErrorCode, errorParams: z.record(token(64), text(2000)) }))
      .refine((r) => Object.keys(r).length <= 100, 'has more than 100 entries')
      .optional(),
    patching: z.strictObject(patchingSetupShape(count)).optional(),
    coverage: z.strictObject({ ec2Instances: count, hostManagement: HostManagement }).optional(),
  })
  // An account never reached can have collected nothing.
  .refine((s) => s.region !== null || (s.status !== 'ok' && s.nodes === 0), {
    message: 'an account-level scope (region null) must be failed or cancelled and hold no nodes',
    path: ['region'],
  });

export const MAX_NODES_PER_SNAPSHOT = 200_000;
/** EC2 instances that are not managed nodes, per snapshot: as many as its nodes may be. */
export const MAX_UNMANAGED_PER_SNAPSHOT = 200_000;

const accountId = z.string().regex(/^\d{12}$/, 'is not a 12-digit AWS account id');
const region = z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/, 'is not an AWS region name');

/**
 * shared/ec2Coverage.ts `PlacedUnmanagedInstance`, its text bounded and free of control characters:
 * what an export file must hold, which the audit can apply before it saves (as `ArchiveNodeFacts`),
 * so every snapshot it saves exports.
 */
export const ArchiveUnmanagedInstance = z.strictObject({
  accountId,
  region,
  instanceId: token(64),
  name: text(256).optional(),
  state: InstanceState,
  platform: text(256).optional(),
  vpcId: token(64).optional(),
  subnetId: token(64).optional(),
  launchedAt: isoTime.optional(),
  // IAM names may hold `+=,.@_-`: an ARN is text, not a token.
  instanceProfileArn: text(2048).optional(),
  route: EndpointRoute,
  rolePolicy: RolePolicy,
});
export const MAX_SCOPES_PER_SNAPSHOT = 10_000;
/**
 * The longest list of an export but its snapshots and nodes: the scopes of a snapshot. Every other
 * list is capped lower (routes, endpoints, inventory 1,000; patches 2,000; evidence 200).
 */
export const MAX_OTHER_LIST_LENGTH = MAX_SCOPES_PER_SNAPSHOT;
/** The patch.scan-age threshold a snapshot may carry, in whole days. */
export const MAX_SCAN_AGE_DAYS = 3650;

export const ArchiveSnapshot = z.strictObject({
  /** The id in the exporting database, used only to re-link derivedFrom inside the file. */
  id: z.number().int().positive(),
  savedAt: isoTime,
  startedAt: isoTime,
  finishedAt: isoTime,
  status: SnapshotStatus,
  catalogEdition: token(64),
  // Whole days, as every way of choosing it (settings, re-evaluation) takes it.
  scanAgeDays: z.number().int().min(1).max(MAX_SCAN_AGE_DAYS),
  toolVersion: token(64),
  label: UserText.optional(),
  client: UserText.optional(),
  engagement: UserText.optional(),
  derivedFrom: z.number().int().positive().optional(),
  scopes: z.array(Scope).max(MAX_SCOPES_PER_SNAPSHOT),
  nodes: z
    .array(
      z.strictObject({
        facts: NodeFacts,
        checks: z.array(Check).max(RuleId.options.length),
        platform: z
          .strictObject({ type: z.enum(['Linux', 'Windows', 'MacOS', 'unknown']), family: token(64), version: text(64).optional() })
          .optional(),
      }),
    )
    .max(MAX_NODES_PER_SNAPSHOT),
  unmanaged: z.array(ArchiveUnmanagedInstance).max(MAX_UNMANAGED_PER_SNAPSHOT).optional(),
});
export type ArchiveSnapshot = z.infer<typeof ArchiveSnapshot>;

export const MAX_SNAPSHOTS_PER_FILE = 1000;

/** The first line of the (decompressed) file. */
export const ArchiveHeader = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().positive(),
  createdAt: isoTime,
  toolVersion: token(64),
  snapshots: z.number().int().nonnegative().max(MAX_SNAPSHOTS_PER_FILE),
  payloadBytes: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ArchiveHeader = z.infer<typeof ArchiveHeader>;

export const ArchivePayload = z.strictObject({ snapshots: z.array(ArchiveSnapshot).max(MAX_SNAPSHOTS_PER_FILE) });
