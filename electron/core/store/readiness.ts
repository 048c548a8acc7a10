/**
 * Readiness counts per scope: how many nodes have no failed check among a set of rules. Which
 * rules are prerequisites is the caller's definition (shared/readiness); reading them out of
 * the statuses column is the store's.
 */
import type { Database } from 'better-sqlite3';
import type { RuleId } from '../../../shared/model';
import { STATUS_CODES, rulePosition } from './codec';
import type { ScopeReadiness } from './types';

// Only fixed positions and codes from the codec are spliced in; the snapshot id is bound.
function readinessSql(prerequisites: readonly RuleId[]): string {
  const noneFailed = prerequisites.map((rule) => `substr(statuses, ${rulePosition(rule)}, 1) <> '${STATUS_CODES.fail}'`).join(' AND ');
  // With no prerequisite every node is ready, as an empty AND would say.
  return `SELECT account_id AS accountId, region, count(*) AS nodes, coalesce(sum(${noneFailed || '1'}), 0) AS ready
  FROM node WHERE snapshot_id = ? GROUP BY account_id, region ORDER BY account_id, region`;
}

/** One row per account × region with nodes: its nodes, and those none of whose `prerequisites` failed. */
export function readinessByScope(db: Database, snapshotId: number, prerequisites: readonly RuleId[]): ScopeReadiness[] {
  return db.prepare<[number], ScopeReadiness>(readinessSql(prerequisites)).all(snapshotId);
}
