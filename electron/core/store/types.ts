/**
 * Public shapes of the local history store (docs/design.md §6). What crosses the contract is declared
 * once, as zod schemas in shared/history.ts; these are their types, so the store answers exactly
 * what the renderer validates.
 */
import type { z } from 'zod';
import type * as History from '../../../shared/history';
import type { Check, NodeFacts } from '../../../shared/model';
import type { Readiness } from '../../../shared/readiness';

export type SnapshotMeta = z.infer<typeof History.SnapshotMeta>;
export type SnapshotDetail = z.infer<typeof History.SnapshotDetail>;
export type StatusCounts = z.infer<typeof History.StatusCounts>;
/** Filters shared by node lists and rule summaries. An empty or missing list does not filter. */
export type NodeFilters = z.infer<typeof History.NodeFilters>;
export type NodeSortKey = z.infer<typeof History.NodeSortKey>;
export type NodeQuery = z.infer<typeof History.NodeQuery>;
export type NodeRow = z.infer<typeof History.NodeRow>;
export type NodePage = z.infer<typeof History.NodePage>;
export type RuleSummaryRow = z.infer<typeof History.RuleSummaryRow>;
export type AreaCounts = z.infer<typeof History.AreaCounts>;
export type ScopeSummaryRow = z.infer<typeof History.ScopeSummaryRow>;
export type NodeHistoryEntry = z.infer<typeof History.NodeHistoryEntry>;
export type NodeDetail = z.infer<typeof History.NodeDetail>;
export type TrendQuery = z.infer<typeof History.TrendQuery>;
export type TrendPoint = z.infer<typeof History.TrendPoint>;
export type NodeRef = z.infer<typeof History.NodeRef>;
export type CheckChange = z.infer<typeof History.CheckChange>;
export type InstanceChange = z.infer<typeof History.InstanceChange>;
export type ComparisonCounts = z.infer<typeof History.ComparisonCounts>;
export type Comparison = z.infer<typeof History.Comparison>;

/** A node with everything stored for it: its row, raw facts and checks (with code, params and evidence). */
export interface NodeWithChecks {
  row: NodeRow;
  facts: NodeFacts;
  checks: Check[];
}

/** Readiness counts of one account × region: its nodes, those verified ready and those not verified. */
export type ScopeReadiness = Readiness['scopes'][number];

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
