/**
 * Readiness counts per scope over a set of prerequisite rules: verified ready (every one passes,
 * warns or does not apply) and not verified (none fails, one could not be checked). Which rules
 * are prerequisites is the caller's definition (shared/readiness); reading them out of the
 * statuses column is the store's.
 */
import type { Database } from 'better-sqlite3';
import type { RuleId } from '../../../shared/model';
import { STATUS_CODES, rulePosition } from './codec';
import type { ScopeReadiness } from './types';

const VERIFIED_CODES = [STATUS_CODES.pass, STATUS_CODES.warn, STATUS_CODES.not_applicable].map((code) => `'${code}'`).join(', ');

// Only fixed positions and codes from the codec are spliced in; the snapshot id is bound.
function readinessSql(prerequisites: readonly RuleId[]): string {
  const at = (rule: RuleId): string => `substr(statuses, ${rulePosition(rule)}, 1)`;
  // With no prerequisite every node is verified ready, as an empty AND would say.
  const verified = prerequisites.map((rule) => `${at(rule)} IN (${VERIFIED_CODES})`).join(' AND ') || '1';
  const noneFailed = prerequisites.map((rule) => `${at(rule)} <> '${STATUS_CODES.fail}'`).join(' AND ') || '1';
  return `SELECT account_id AS accountId, region, count(*) AS nodes, coalesce(sum(${verified}), 0) AS ready,
    coalesce(sum((${noneFailed}) AND NOT (${verified})), 0) AS unverified
  FROM node WHERE snapshot_id = ? GROUP BY account_id, region ORDER BY account_id, region`;
}

/** One row per account × region with nodes: its nodes, those verified ready and those not verified. */
export function readinessByScope(db: Database, snapshotId: number, prerequisites: readonly RuleId[]): ScopeReadiness[] {
  return db.prepare<[number], ScopeReadiness>(readinessSql(prerequisites)).all(snapshotId);
}
