/**
 * The local history as it crosses the contract: snapshots, node pages, summaries, trends and
 * comparisons. The store's TypeScript types must stay assignable to these (a type test checks),
 * so the renderer sees exactly what the store answers, validated.
 */
import { z } from 'zod';
import { UserText } from './userText';
import { GapErrors } from './scopeErrors';
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
  derivedFrom: z.number().int().optional(),
  nodeCount: z.number().int().nonnegative(),
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

export const NodeFilters = z
  .object({
    accountIds: IdList(1000).optional(),
    regions: IdList(100).optional(),
    families: IdList(100).optional(),
    rule: RuleId.optional(),
    statuses: z.array(CheckStatus).max(5).optional(),
    search: Text(200).optional(),
  })
  .strict();

/** The node table's information columns, in display order; each is also a sort key. */
export const NODE_INFO_COLUMNS = [
  'instanceId',
  'name',
  'accountId',
  'region',
  'ipAddress',
  'platform',
  'agentVersion',
  'pingStatus',
  'failures',
  'missingCritical',
  'missingSecurity',
] as const;

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

const AreaCounts = z.object({
  nodes: z.number().int(),
  online: z.number().int(),
  compliant: z.number().int(),
  nonCompliant: z.number().int(),
  /** Nodes whose patch state could be read: the basis of compliancePct and the missing counts (null when 0). */
  patchRead: z.number().int(),
  compliancePct: z.number().nullable(),
  missingCritical: z.number().int().nullable(),
  missingSecurity: z.number().int().nullable(),
});

export const ScopeSummaryRow = AreaCounts.extend({
  accountId: z.string(),
  region: z.string(),
  scope: ScopeResult.omit({ accountId: true, region: true, nodes: true }).nullable(),
});

export const NodeDetail = z.object({
  snapshotId: z.number().int(),
  row: NodeRow,
  facts: NodeFacts,
  checks: z.array(Check),
  /** Why each source the node's scope could not read failed, keyed by source (`patchState`). */
  sourceErrors: z.partialRecord(z.enum(['patchState', 'inventory', 'network']), GapErrors.valueType).optional(),
  history: z.array(
    z.object({
      snapshotId: z.number().int(),
      startedAt: z.string(),
      catalogEdition: z.string(),
      derivedFrom: z.number().int().nullable(),
      statuses: StatusMap,
    }),
  ),
});
export type NodeDetail = z.infer<typeof NodeDetail>;

export const TrendQuery = z
  .object({
    accountIds: IdList(1000).optional(),
    regions: IdList(100).optional(),
    rules: z.array(RuleId).max(RULE_IDS.length).optional(),
    groupBy: z.enum(['total', 'account', 'region', 'area']).optional(),
    from: Text(40).optional(),
    to: Text(40).optional(),
    includeDerived: z.boolean().optional(),
  })
  .strict();

export const TrendPoint = AreaCounts.extend({
  snapshotId: z.number().int(),
  startedAt: z.string(),
  catalogEdition: z.string(),
  accountId: z.string().optional(),
  region: z.string().optional(),
  rules: z.partialRecord(RuleId, StatusCounts),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

const NodeRef = z.object({ accountId: z.string(), region: z.string(), instanceId: z.string(), name: z.string().nullable() });
const CheckChange = NodeRef.extend({ rule: RuleId, before: CheckStatus.nullable(), after: CheckStatus.nullable() });
const ComparisonCounts = z.object({
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
  added: z.array(NodeRef),
  removed: z.array(NodeRef),
  fixed: z.array(CheckChange),
  regressions: z.array(CheckChange),
  newFailures: z.array(CheckChange),
});
export type Comparison = z.infer<typeof Comparison>;

export const SnapshotAnnotation = z
  .object({
    id: Id,
    label: UserText.optional(),
    client: UserText.optional(),
    engagement: UserText.optional(),
  })
  .strict();
