/**
 * The domain model shared by the core, the CLI and the renderer.
 *
 * Facts are what the collectors read from AWS (or what the AWS CLI files of
 * `patch-audit evaluate` contain), kept raw enough that a snapshot can be
 * re-evaluated offline with another catalog edition (docs/design.md §1, §6).
 * Checks are what the rules engine derives from facts.
 */
import { z } from 'zod';
import { PlacedUnmanagedInstance, ScopeCoverage } from './ec2Coverage';
import { GapErrors, ScopeErrorCode, ScopeErrorParams } from './scopeErrors';
import { nodeSourcesShape, patchingSetupShape } from './sources';

/** Stable rule ids (docs/design.md §4). They appear in the UI, reports, exports and the CLI. */
export const RULE_IDS = [
  'agent.version',
  'agent.windows2008',
  'os.supported',
  'os.greengrass',
  'python.version',
  'network.patch-source',
  'network.s3',
  'node.online',
  'patch.scanned',
  'patch.scan-age',
  'patch.compliant',
  'patch.pending-reboot',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

export const CHECK_STATUSES = ['pass', 'fail', 'warn', 'unknown', 'not_applicable'] as const;
export const CheckStatus = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** Whether an optional data source could be read for this node's scope. */
export const SourceStatus = z.enum(['ok', 'denied', 'error', 'not_collected']);
export type SourceStatus = z.infer<typeof SourceStatus>;

export const Lang = z.enum(['ja', 'en']);
export type Lang = z.infer<typeof Lang>;

/** A text in both report languages. Japanese is the authority (the seed is Japanese). */
export const LocalizedText = z.object({ ja: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * The counts of an `InstancePatchState`, in the API's order: the model, the export file's schema
 * and the node page list them from here.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_InstancePatchState.html
 */
export const PATCH_STATE_COUNTS = [
  'installedCount',
  'installedOtherCount',
  'installedPendingRebootCount',
  'installedRejectedCount',
  'missingCount',
  'failedCount',
  'notApplicableCount',
  'unreportedNotApplicableCount',
  'criticalNonCompliantCount',
  'securityNonCompliantCount',
  'otherNonCompliantCount',
] as const;
export type PatchStateCount = (typeof PATCH_STATE_COUNTS)[number];

/** Every patch state count as an optional field of `schema` (the export file bounds them tighter). */
export function patchStateCountFields<T extends z.ZodType>(schema: T): Record<PatchStateCount, z.ZodOptional<T>> {
  return Object.fromEntries(PATCH_STATE_COUNTS.map((name) => [name, schema.optional()])) as Record<PatchStateCount, z.ZodOptional<T>>;
}

/** One `InstancePatchState` as SSM returns it, timestamps as ISO strings. */
export const PatchState = z.object({
  baselineId: z.string().optional(),
  patchGroup: z.string().optional(),
  operation: z.enum(['Scan', 'Install']).or(z.string()).optional(),
  operationStartTime: z.string().optional(),
  operationEndTime: z.string().optional(),
  lastNoRebootInstallOperationTime: z.string().optional(),
  rebootOption: z.string().optional(),
  ...patchStateCountFields(z.number().int().nonnegative()),
});
export type PatchState = z.infer<typeof PatchState>;

/**
 * The patch states whose detail is read (issue 19), as DescribeInstancePatches's `State` filter
 * names them; its answers spell the same states MISSING, FAILED and INSTALLED_PENDING_REBOOT.
 */
export const PATCH_DETAIL_STATES = ['Missing', 'Failed', 'InstalledPendingReboot'] as const;
export const PatchDetailState = z.enum(PATCH_DETAIL_STATES);
export type PatchDetailState = z.infer<typeof PatchDetailState>;

/** Bounds of one node's patch detail: the audit reads no more, the export file holds no more. */
export const PATCH_DETAIL_LIMITS = { patches: 2000, title: 512, kbId: 256, label: 64, cveIds: 500 } as const;

/** One patch a node misses, failed to install, or installed pending a reboot (`PatchComplianceData`). */
export const PatchDetail = z.object({
  title: z.string(),
  /** The OS's id of the patch: a KB number on Windows, a package on Linux. */
  kbId: z.string(),
  classification: z.string().optional(),
  severity: z.string().optional(),
  state: PatchDetailState,
  /** AWS reports CVE ids for missing and failed patches only. */
  cveIds: z.array(z.string()),
});
export type PatchDetail = z.infer<typeof PatchDetail>;

/** An application from the node's software inventory (AWS:Application), reduced to what the rules use. */
export const InventoryApp = z.object({ name: z.string(), version: z.string() });
export type InventoryApp = z.infer<typeof InventoryApp>;

/** A route of the node's effective route table, classified by target kind. */
export const Route = z.object({
  /** A CIDR block, or a prefix-list id for gateway endpoints. */
  destination: z.string(),
  target: z.enum(['igw', 'nat-gateway', 'nat-instance', 'vpc-endpoint', 'transit-gateway', 'vpn-gateway', 'peering', 'local', 'other']),
  targetId: z.string().optional(),
  state: z.string().optional(),
});
export type Route = z.infer<typeof Route>;

export const VpcEndpointFact = z.object({
  id: z.string(),
  serviceName: z.string(),
  type: z.string(),
  state: z.string().optional(),
  routeTableIds: z.array(z.string()).optional(),
  subnetIds: z.array(z.string()).optional(),
  privateDnsEnabled: z.boolean().optional(),
});
export type VpcEndpointFact = z.infer<typeof VpcEndpointFact>;

/** EC2 networking facts for one instance (the `network.*` rules, P3 and P4). */
export const NetworkFacts = z.object({
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  publicIp: z.string().optional(),
  routeTableId: z.string().optional(),
  /** true when the route table is the VPC's main table (the subnet has no explicit association). */
  mainRouteTable: z.boolean().optional(),
  routes: z.array(Route),
  vpcEndpoints: z.array(VpcEndpointFact),
});
export type NetworkFacts = z.infer<typeof NetworkFacts>;

/** Everything known about one managed node in one scope. */
export const NodeFacts = z.object({
  accountId: z.string(),
  region: z.string(),
  instanceId: z.string(),
  name: z.string().optional(),
  ipAddress: z.string().optional(),
  /** `EC2Instance` | `ManagedInstance` (DescribeInstanceInformation ResourceType). */
  resourceType: z.string().optional(),
  /** `AWS::EC2::Instance` | `AWS::SSM::ManagedInstance` | `AWS::IoT::Thing` (Greengrass core device). */
  sourceType: z.string().optional(),
  pingStatus: z.string().optional(),
  lastPingAt: z.string().optional(),
  agentVersion: z.string().optional(),
  isLatestVersion: z.boolean().optional(),
  platformType: z.string().optional(),
  platformName: z.string().optional(),
  platformVersion: z.string().optional(),
  /** Undefined when the patch-state source was not read; null when read and the node has none. */
  patchState: PatchState.nullable().optional(),
  /** Python-relevant inventory applications; null when the node has no inventory at all. */
  inventory: z.array(InventoryApp).nullable().optional(),
  network: NetworkFacts.nullable().optional(),
  /**
   * The node's missing, failed and pending-reboot patches; [] when its patch state counts none.
   * Undefined when not read: see `sources.patches` (absent in snapshots saved before issue 19).
   */
  patches: z.array(PatchDetail).optional(),
  sources: z.object(nodeSourcesShape(SourceStatus)),
});
export type NodeFacts = z.infer<typeof NodeFacts>;

/**
 * A list in a check's evidence holds at most this many distinct entries (the export file's bound,
 * store/archiveSchema.ts); a longer one is cut there and its full length kept beside it as
 * `<field>Total`. Facts may hold more (1,000 inventory entries or VPC endpoints per node), and a
 * damaged answer can repeat one entry thousands of times.
 */
export const EVIDENCE_LIST_MAX = 200;

/** Evidence: the fields a check looked at, as plain JSON values. */
export const Evidence = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));
export type Evidence = z.infer<typeof Evidence>;

/**
 * One evaluated check. Messages are not stored: `code` plus `params` select a
 * bilingual message in the catalog, so the store stays small and a language
 * switch needs no re-evaluation.
 */
export const Check = z.object({
  rule: RuleId,
  status: CheckStatus,
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  evidence: Evidence,
});
export type Check = z.infer<typeof Check>;

export const PlatformFamily = z.string();

/** A platform as normalized by the catalog (family id and comparable version). */
export const NormalizedPlatform = z.object({
  type: z.enum(['Linux', 'Windows', 'MacOS', 'unknown']),
  family: z.string(),
  version: z.string().optional(),
});
export type NormalizedPlatform = z.infer<typeof NormalizedPlatform>;

/** One account × region of an audit, and how its collection went. */
export const ScopeResult = z.object({
  accountId: z.string(),
  /**
   * Null for an account-level failure: an account never reached (or cancelled before it was)
   * under `regions: 'all'`, whose regions are unknowable without it (issue 28). Under a region
   * list such an account is one failed scope per listed region instead.
   */
  region: z.string().nullable(),
  status: z.enum(['ok', 'failed', 'cancelled']),
  /** Why the scope failed, in English; never contains a credential. */
  error: z.string().optional(),
  /** The same reason as a code with parameters, for the reader's language (shared/scopeErrors.ts). */
  errorCode: ScopeErrorCode.optional(),
  errorParams: ScopeErrorParams.optional(),
  nodes: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
  throttles: z.number().int().nonnegative(),
  /** Optional data sources that were denied or failed in this scope (e.g. `ssm:GetInventory`). */
  gaps: z.array(z.string()),
  /** The AWS error code and (redacted) message behind each gap; absent in snapshots saved before they were kept. */
  gapErrors: GapErrors.optional(),
  /** Is patching set up at all here: baselines, patch groups, what runs AWS-RunPatchBaseline. */
  patching: z.object(patchingSetupShape(z.number().int().nonnegative())).optional(),
  /** Its EC2 instances, managed or not (issue 30); absent when they were not read. */
  coverage: ScopeCoverage.optional(),
});
export type ScopeResult = z.infer<typeof ScopeResult>;

/** A scope of one account × region, not an account-level failure. */
export const isRegional = <T extends { region: string | null }>(scope: T): scope is T & { region: string } => scope.region !== null;

export const SnapshotStatus = z.enum(['complete', 'partial']);
export type SnapshotStatus = z.infer<typeof SnapshotStatus>;

/** What an audit (or a re-evaluation) hands to the store to be saved as one snapshot. */
export const SnapshotInput = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  status: SnapshotStatus,
  catalogEdition: z.string(),
  scanAgeDays: z.number().positive(),
  toolVersion: z.string(),
  label: z.string().optional(),
  client: z.string().optional(),
  engagement: z.string().optional(),
  /** Set on a snapshot re-evaluated from another one. */
  derivedFrom: z.number().int().optional(),
  scopes: z.array(ScopeResult),
  /**
   * `platform` is the catalog's normalization of the node's platform, stored as columns so the
   * store can filter and sort by family without knowing the catalog.
   */
  nodes: z.array(z.object({ facts: NodeFacts, checks: z.array(Check), platform: NormalizedPlatform.optional() })),
  /** The EC2 instances of its scopes that are not managed nodes (issue 30); absent means none. */
  unmanaged: z.array(PlacedUnmanagedInstance).optional(),
});
export type SnapshotInput = z.infer<typeof SnapshotInput>;
