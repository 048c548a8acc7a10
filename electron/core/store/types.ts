/** Public shapes of the local history store (DESIGN §6). */
import type { Check, CheckStatus, NodeFacts, NormalizedPlatform, RuleId, ScopeResult, SnapshotStatus } from '../../../shared/model';
import type { GapErrors } from '../../../shared/scopeErrors';

export interface SnapshotMeta {
  id: number;
  startedAt: string;
  finishedAt: string;
  savedAt: string;
  status: SnapshotStatus;
  catalogEdition: string;
  scanAgeDays: number;
  toolVersion: string;
  label?: string;
  client?: string;
  engagement?: string;
  /** The snapshot this one was re-evaluated from (it may have been deleted since). */
  derivedFrom?: number;
  nodeCount: number;
}

export interface SnapshotDetail extends SnapshotMeta {
  scopes: ScopeResult[];
}

export type StatusCounts = Record<CheckStatus, number>;

/** Filters shared by node lists and rule summaries. An empty or missing list does not filter. */
export interface NodeFilters {
  accountIds?: readonly string[];
  regions?: readonly string[];
  families?: readonly string[];
  /** With `statuses`: nodes whose check for this rule has one of them. */
  rule?: RuleId;
  /** Without `rule`: nodes with at least one check in one of these statuses. */
  statuses?: readonly CheckStatus[];
  /** Case-insensitive substring of instance id, name or IP address. */
  search?: string;
}

export type NodeSortKey =
  | 'instanceId'
  | 'name'
  | 'accountId'
  | 'region'
  | 'ipAddress'
  | 'platform'
  | 'agentVersion'
  | 'pingStatus'
  | 'failures'
  | 'missingCritical'
  | 'missingSecurity'
  | RuleId;

export interface NodeQuery extends NodeFilters {
  sort?: { key: NodeSortKey; dir: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export interface NodeRow {
  accountId: string;
  region: string;
  instanceId: string;
  name: string | null;
  ipAddress: string | null;
  pingStatus: string | null;
  agentVersion: string | null;
  platform: NormalizedPlatform | null;
  statuses: Partial<Record<RuleId, CheckStatus>>;
  failures: number;
  missingCritical: number | null;
  missingSecurity: number | null;
}

export interface NodePage {
  total: number;
  rows: NodeRow[];
}

export interface RuleSummaryRow extends StatusCounts {
  rule: RuleId;
}

export interface AreaCounts {
  nodes: number;
  online: number;
  /** Nodes whose `patch.compliant` check passed. */
  compliant: number;
  /** Nodes whose `patch.compliant` check failed or warned. */
  nonCompliant: number;
  /**
   * Nodes whose patch state could be read (`patch.scanned` passed or failed): the basis of the
   * compliance figures. The others' source was denied, failed or not collected — unknown, not
   * "not compliant", and never counted as 0 %.
   */
  patchRead: number;
  /** compliant / patchRead × 100, null when no node's patch state could be read: never-scanned nodes count as not compliant. */
  compliancePct: number | null;
  /** Over the `patchRead` nodes; null when there are none. */
  missingCritical: number | null;
  missingSecurity: number | null;
}

export interface ScopeSummaryRow extends AreaCounts {
  accountId: string;
  region: string;
  /** Null for nodes of an account × region the snapshot has no scope record for (imported data). */
  scope: Omit<ScopeResult, 'accountId' | 'region' | 'nodes'> | null;
}

export interface NodeHistoryEntry {
  snapshotId: number;
  startedAt: string;
  catalogEdition: string;
  derivedFrom: number | null;
  statuses: Partial<Record<RuleId, CheckStatus>>;
}

export interface NodeDetail {
  snapshotId: number;
  row: NodeRow;
  facts: NodeFacts;
  checks: Check[];
  /** Why each source the node's scope could not read failed (the scope's gap errors, by source). */
  sourceErrors?: Partial<Record<keyof NodeFacts['sources'], GapErrors[string]>>;
  history: NodeHistoryEntry[];
}

/** A node with everything stored for it: its row, raw facts and checks (with code, params and evidence). */
export interface NodeWithChecks {
  row: NodeRow;
  facts: NodeFacts;
  checks: Check[];
}

/** Readiness counts of one account × region: its nodes, and those with no failed prerequisite. */
export interface ScopeReadiness {
  accountId: string;
  region: string;
  nodes: number;
  ready: number;
}

export interface TrendQuery {
  accountIds?: readonly string[];
  regions?: readonly string[];
  rules?: readonly RuleId[];
  /** One series in total, or one per account, region, or account × region. */
  groupBy?: 'total' | 'account' | 'region' | 'area';
  from?: string;
  to?: string;
  /** Re-evaluated snapshots repeat the time of their source; off by default. */
  includeDerived?: boolean;
}

export interface TrendPoint extends AreaCounts {
  snapshotId: number;
  startedAt: string;
  catalogEdition: string;
  accountId?: string;
  region?: string;
  rules: Partial<Record<RuleId, StatusCounts>>;
}

export interface NodeRef {
  accountId: string;
  region: string;
  instanceId: string;
  name: string | null;
}

export interface CheckChange extends NodeRef {
  rule: RuleId;
  /** Null when the node is new to the comparison or the rule was not evaluated before. */
  before: CheckStatus | null;
  after: CheckStatus | null;
}

export interface ComparisonCounts {
  added: number;
  removed: number;
  fixed: number;
  regressions: number;
  newFailures: number;
}

export interface Comparison {
  from: number;
  to: number;
  totals: ComparisonCounts;
  byArea: Array<ComparisonCounts & { accountId: string; region: string }>;
  /** Lists are cut at `limit` (totals are not). */
  added: NodeRef[];
  removed: NodeRef[];
  fixed: CheckChange[];
  regressions: CheckChange[];
  newFailures: CheckChange[];
}

export interface RetentionPolicy {
  keepLast?: number;
  maxAgeDays?: number;
}

/** The connection's SQLite settings, as PRAGMA reports them (diagnostics). */
export interface ConnectionSettings {
  journalMode: string;
  /** 1: enforced. */
  foreignKeys: number;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  synchronous: number;
  /** 0 NONE, 1 FULL, 2 INCREMENTAL. */
  autoVacuum: number;
}
