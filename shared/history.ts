/**
 * The local history as it crosses the contract: snapshots, node pages, summaries, trends and
 * comparisons. The store's public types are inferred from these (electron/core/store/types.ts),
 * so the renderer sees exactly what the store answers, validated.
 */
import { z } from 'zod';
import { NODE_INFO_COLUMNS } from './nodeColumns';
import { UnmanagedCause } from './ec2Coverage';
import { UserText } from './userText';
import { GapErrors } from './scopeErrors';
import { NODE_SOURCE_KEYS } from './sources';
import { Check, CheckStatus, NodeFacts, NormalizedPlatform, RULE_IDS, RuleId, ScopeResult, SnapshotStatus } from './model';

const Id = z.number().int().positive();
const Text = (max: number) => z.string().max(max);
const IdList = (max: number) => z.array(Text(64)).max(max);

export const SnapshotMeta = z.object({
  id: Id,
  startedAt: z.string(),
  finishedAt: z.string(),
  savedAt: z.string(),
  status: SnapshotStatus,
  catalogEdition: z.string(),
  scanAgeDays: z.number(),
  toolVersion: z.string(),
  label: z.string().optional(),
  client: z.string().optional(),
  engagement: z.string().optional(),
  /** The snapshot this one was re-evaluated from (it may have been deleted since). */
  derivedFrom: z.number().int().optional(),
  nodeCount: z.number().int().nonnegative(),
  /** Account × region scopes the audit planned, and those that failed or were cancelled (a partial snapshot's gap). */
  scopeCount: z.number().int().nonnegative(),
  failedScopes: z.number().int().nonnegative(),
  /** The export file an imported snapshot came from (its name only) and when it was imported. */
  importedFrom: z.string().optional(),
  importedAt: z.string().optional(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

export const SnapshotDetail = SnapshotMeta.extend({ scopes: z.array(ScopeResult) });

export const StatusCounts = z.object(
  Object.fromEntries(CheckStatusValues().map((s) => [s, z.number().int().nonnegative()])) as Record<CheckStatus, z.ZodNumber>,
);

function CheckStatusValues(): CheckStatus[] {
  return [...CheckStatus.options];
}

export const StatusMap = z.partialRecord(RuleId, CheckStatus);

/** Filters shared by node lists and rule summaries. An empty or missing list does not filter. */
export const NodeFilters = z
  .object({
    accountIds: IdList(1000).optional(),
    regions: IdList(100).optional(),
    families: IdList(100).optional(),
    /** With `statuses`: nodes whose check for this rule has one of them. */
    rule: RuleId.optional(),
    /** Without `rule`: nodes with at least one check in one of these statuses. */
    statuses: z.array(CheckStatus).max(5).optional(),
    /** Case-insensitive substring of instance id, name or IP address. */
    search: Text(200).optional(),
  })
  .strict();

export const NodeSortKey = z.enum([...NODE_INFO_COLUMNS, ...RULE_IDS]);

export const NodeQuery = NodeFilters.extend({
  sort: z.object({ key: NodeSortKey, dir: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
}).strict();

export const NodeRow = z.object({
  accountId: z.string(),
  region: z.string(),
  instanceId: z.string(),
  name: z.string().nullable(),
  ipAddress: z.string().nullable(),
  pingStatus: z.string().nullable(),
  agentVersion: z.string().nullable(),
  platform: NormalizedPlatform.nullable(),
  statuses: StatusMap,
  failures: z.number().int(),
  missingCritical: z.number().int().nullable(),
  missingSecurity: z.number().int().nullable(),
});
export type NodeRow = z.infer<typeof NodeRow>;

export const NodePage = z.object({ total: z.number().int().nonnegative(), rows: z.array(NodeRow) });

export const RuleSummaryRow = StatusCounts.extend({ rule: RuleId });

export const AreaCounts = z.object({
  /** EC2 instances in any state but terminated, managed or not (issue 30); null when the area's instances were not read. */
  ec2Instances: z.number().int().nonnegative().nullable(),
  /** Those that are not managed nodes; null likewise. */
  unmanaged: z.number().int().nonnegative().nullable(),
  nodes: z.number().int(),
  online: z.number().int(),
  /** Nodes whose last patch operation is within the scan-age threshold (`patch.scan-age` passed). */
  scannedRecently: z.number().int().nonnegative(),
  /** Nodes whose `patch.compliant` check passed: AWS's rule, pending-reboot and installed-rejected patches count against it. */
  compliant: z.number().int(),
  /** Nodes whose `patch.compliant` check failed or warned. */
  nonCompliant: z.number().int(),
  /** Nodes whose patch state could be read (never-scanned nodes included): the basis of the missing counts (null when 0). */
  patchRead: z.number().int(),
  /** Nodes that reported a patch state (`patch.scanned` passed): the population of compliance (shared/figures.ts). */
  patchReported: z.number().int(),
  /** compliant / patchReported × 100 (AWS's rule), null when no node reported a patch state. */
  compliancePct: z.number().nullable(),
  missingCritical: z.number().int().nullable(),
  missingSecurity: z.number().int().nullable(),
});

export const ScopeSummaryRow = AreaCounts.extend({
  accountId: z.string(),
  /** Null for an account-level failure (ScopeResult's `region`): it never has nodes. */
  region: z.string().nullable(),
  /** Null for nodes of an account × region the snapshot has no scope record for (imported data). */
  scope: ScopeResult.omit({ accountId: true, region: true, nodes: true }).nullable(),
});

export const NodeHistoryEntry = z.object({
  snapshotId: z.number().int(),
  startedAt: z.string(),
  catalogEdition: z.string(),
  derivedFrom: z.number().int().nullable(),
  statuses: StatusMap,
});

export const NodeDetail = z.object({
  snapshotId: z.number().int(),
  row: NodeRow,
  facts: NodeFacts,
  checks: z.array(Check),
  /** Why each source the node's scope could not read failed, keyed by source (`patchState`). */
  sourceErrors: z.partialRecord(z.enum(NODE_SOURCE_KEYS), GapErrors.valueType).optional(),
  history: z.array(NodeHistoryEntry),
});
export type NodeDetail = z.infer<typeof NodeDetail>;

export const TrendQuery = z
  .object({
    accountIds: IdList(1000).optional(),
    regions: IdList(100).optional(),
    rules: z.array(RuleId).max(RULE_IDS.length).optional(),
    /** One series in total, or one per account, region, or account × region. */
    groupBy: z.enum(['total', 'account', 'region', 'area']).optional(),
    from: Text(40).optional(),
    to: Text(40).optional(),
    /** Re-evaluated snapshots repeat the time of their source; off by default. */
    includeDerived: z.boolean().optional(),
  })
  .strict();

export const TrendPoint = AreaCounts.extend({
  /** Nodes verified ready (shared/readiness `isReady`), and those no prerequisite failed on but not verified. */
  ready: z.number().int().nonnegative(),
  unverified: z.number().int().nonnegative(),
  /** Nodes whose CriticalNonCompliantCount is above 0 (`missingCritical` counts patches). */
  nodesMissingCritical: z.number().int().nonnegative(),
  /** Nodes whose missing, failed and pending-reboot patches were read (issue 19): the basis of the CVE counts. */
  patchDetailRead: z.number().int().nonnegative(),
  /** Distinct CVE ids of missing and failed patches; null when no node's patch detail was read. */
  openCves: z.number().int().nonnegative().nullable(),
  /** Those named by a patch of Critical severity; null likewise. */
  openCriticalCves: z.number().int().nonnegative().nullable(),
  snapshotId: z.number().int(),
  startedAt: z.string(),
  catalogEdition: z.string(),
  /** The snapshot's status and scope counts: a trend marks a partial audit instead of joining it silently (issue 27). */
  status: SnapshotStatus,
  scopeCount: z.number().int().nonnegative(),
  failedScopes: z.number().int().nonnegative(),
  accountId: z.string().optional(),
  region: z.string().optional(),
  rules: z.partialRecord(RuleId, StatusCounts),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const NodeRef = z.object({ accountId: z.string(), region: z.string(), instanceId: z.string(), name: z.string().nullable() });
export const CheckChange = NodeRef.extend({
  rule: RuleId,
  /** Null when the node is new to the comparison or the rule was not evaluated before. */
  before: CheckStatus.nullable(),
  after: CheckStatus.nullable(),
});
/** An EC2 instance that is not a managed node in one of the two snapshots compared (issue 30). */
export const InstanceChange = NodeRef.extend({
  /** Its causes where it is unmanaged: the later snapshot for a newly unmanaged one, the earlier for a newly managed one. */
  causes: z.array(UnmanagedCause),
});
export type InstanceChange = z.infer<typeof InstanceChange>;

export const ComparisonCounts = z.object({
  /** Unmanaged in the later snapshot, not in the earlier: a new instance, or a managed node that dropped out. */
  newlyUnmanaged: z.number().int(),
  /** Unmanaged in the earlier snapshot and a managed node in the later. */
  newlyManaged: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  fixed: z.number().int(),
  regressions: z.number().int(),
  newFailures: z.number().int(),
});

export const Comparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  totals: ComparisonCounts,
  byArea: z.array(ComparisonCounts.extend({ accountId: z.string(), region: z.string() })),
  /** Lists are cut at `limit` (totals are not). */
  added: z.array(NodeRef),
  removed: z.array(NodeRef),
  fixed: z.array(CheckChange),
  regressions: z.array(CheckChange),
  newFailures: z.array(CheckChange),
  newlyUnmanaged: z.array(InstanceChange),
  newlyManaged: z.array(InstanceChange),
});
export type Comparison = z.infer<typeof Comparison>;

/** Nodes of one group, and how many of them are verified ready under each edition. */
const EditionCounts = z.object({
  nodes: z.number().int(),
  /** Nodes with at least one check whose status differs between the editions. */
  changedNodes: z.number().int(),
  readyBefore: z.number().int(),
  readyAfter: z.number().int(),
});

export const EditionTransition = z.object({ before: CheckStatus, after: CheckStatus, nodes: z.number().int() });
export type EditionTransition = z.infer<typeof EditionTransition>;

/** One snapshot's facts judged under its own catalog edition and under another: what the edition alone changes. */
export const EditionComparison = z.object({
  snapshotId: Id,
  /** The snapshot's edition, and the one it is compared with. */
  from: z.string(),
  to: z.string(),
  totals: EditionCounts.extend({ changedChecks: z.number().int() }),
  /** Rules with a change, in RULE_IDS order; transitions most frequent first. */
  byRule: z.array(z.object({ rule: RuleId, changed: z.number().int(), transitions: z.array(EditionTransition) })),
  /** Platforms (family and version) with a change, most changed nodes first. */
  byPlatform: z.array(EditionCounts.extend({ platform: z.string() })),
  byAccount: z.array(EditionCounts.extend({ accountId: z.string() })),
  /** Cut at `limit` (the counts are not). */
  changes: z.array(CheckChange.extend({ beforeCode: z.string(), afterCode: z.string() })),
});
export type EditionComparison = z.infer<typeof EditionComparison>;

export const SnapshotAnnotation = z
  .object({
    id: Id,
    label: UserText.optional(),
    client: UserText.optional(),
    engagement: UserText.optional(),
  })
  .strict();
