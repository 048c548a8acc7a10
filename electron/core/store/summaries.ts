/**
 * Summary rows written with each snapshot, so trends over a year of audits read a few thousand
 * small rows instead of millions of nodes.
 */
import type { Database } from 'better-sqlite3';
import { RULE_IDS } from '../../../shared/model';
import { STATUS_CODES, rulePosition } from './codec';

const RULES_CTE = `WITH r(pos, rule) AS (VALUES ${RULE_IDS.map((rule) => `(${rulePosition(rule)}, '${rule}')`).join(', ')})`;
const at = (pos: number): string => `substr(n.statuses, ${pos}, 1)`;
const ONLINE = at(rulePosition('node.online'));
const COMPLIANT = at(rulePosition('patch.compliant'));

/** Per-rule status counts over the node rows selected by `where` (a clause on alias `n`). */
export function ruleCountsSql(where: string, groupBy: string): string {
  const count = (code: string): string => `sum(substr(n.statuses, r.pos, 1) = '${code}')`;
  return `${RULES_CTE}
SELECT ${groupBy ? `${groupBy}, ` : ''}r.rule AS rule, ${count(STATUS_CODES.pass)} AS pass, ${count(STATUS_CODES.fail)} AS fail,
  ${count(STATUS_CODES.warn)} AS warn, ${count(STATUS_CODES.unknown)} AS unknown, ${count(STATUS_CODES.not_applicable)} AS not_applicable
FROM node n CROSS JOIN r WHERE ${where}
GROUP BY ${groupBy ? `${groupBy}, ` : ''}r.rule`;
}

const INSERT_RULES = `INSERT INTO rule_summary (snapshot_id, account_id, region, rule, pass, fail, warn, unknown, not_applicable)
${ruleCountsSql('n.snapshot_id = ?', 'n.snapshot_id, n.account_id, n.region')}`;

const INSERT_AREAS = `INSERT INTO area_summary (snapshot_id, account_id, region, nodes, online, compliant, non_compliant, missing_critical, missing_security)
SELECT n.snapshot_id, n.account_id, n.region, count(*), sum(${ONLINE} = '${STATUS_CODES.pass}'), sum(${COMPLIANT} = '${STATUS_CODES.pass}'),
  sum(${COMPLIANT} IN ('${STATUS_CODES.fail}', '${STATUS_CODES.warn}')),
  coalesce(sum(n.missing_critical), 0), coalesce(sum(n.missing_security), 0)
FROM node n WHERE n.snapshot_id = ?
GROUP BY n.snapshot_id, n.account_id, n.region`;

export function writeSummaries(db: Database, snapshotId: number): void {
  db.prepare(INSERT_RULES).run(snapshotId);
  db.prepare(INSERT_AREAS).run(snapshotId);
}
