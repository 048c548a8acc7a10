/**
 * Node filters and sort keys as SQL over the `node` table (alias `n`). Values are always bound
 * parameters; only fixed fragments from this file are spliced into the statement.
 */
import type { CheckStatus } from '../../../shared/model';
import { RULE_IDS } from '../../../shared/model';
import { NOT_EVALUATED, STATUS_CODES, rulePosition } from './codec';
import { NODE_ROW_COLUMNS } from './fromRows';
import type { NodeFilters, NodeSortKey } from './types';

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const has = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/** LIKE with the user's text taken literally (`%`, `_` and `\` escaped). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function nodeWhere(snapshotId: number, f: NodeFilters): SqlWhere {
  const sql = ['n.snapshot_id = ?'];
  const params: unknown[] = [snapshotId];
  if (has(f.accountIds)) {
    sql.push(`n.account_id IN (${placeholders(f.accountIds.length)})`);
    params.push(...f.accountIds);
  }
  if (has(f.regions)) {
    sql.push(`n.region IN (${placeholders(f.regions.length)})`);
    params.push(...f.regions);
  }
  if (has(f.families)) {
    sql.push(`n.platform_family IN (${placeholders(f.families.length)})`);
    params.push(...f.families);
  }
  if (has(f.statuses)) {
    const codes = f.statuses.map((s: CheckStatus) => STATUS_CODES[s]);
    if (f.rule) {
      sql.push(`substr(n.statuses, ${rulePosition(f.rule)}, 1) IN (${placeholders(codes.length)})`);
      params.push(...codes);
    } else {
      sql.push(`(${codes.map(() => 'instr(n.statuses, ?) > 0').join(' OR ')})`);
      params.push(...codes);
    }
  }
  const search = f.search?.trim();
  if (search) {
    // LIKE is case-insensitive for ASCII, which is what instance ids, IPs and most names are.
    sql.push(`(n.instance_id LIKE ? ESCAPE '\\' OR n.name LIKE ? ESCAPE '\\' OR n.ip_address LIKE ? ESCAPE '\\')`);
    const p = likePattern(search);
    params.push(p, p, p);
  }
  return { sql: sql.join(' AND '), params };
}

const FAILURES = `(length(n.statuses) - length(replace(n.statuses, '${STATUS_CODES.fail}', '')))`;

/** `pa_version_key` (registered in openStore) makes dotted numbers sort numerically: 6.10 > 6.5. */
const SORT_SQL: Record<Exclude<NodeSortKey, (typeof RULE_IDS)[number]>, string> = {
  instanceId: 'n.instance_id',
  name: 'n.name COLLATE NOCASE',
  accountId: 'n.account_id',
  region: 'n.region',
  ipAddress: 'pa_version_key(n.ip_address)',
  platform: 'n.platform_family {dir} NULLS LAST, pa_version_key(n.platform_version)',
  agentVersion: 'pa_version_key(n.agent_version)',
  pingStatus: 'n.ping_status',
  failures: FAILURES,
  missingCritical: 'n.missing_critical',
  missingSecurity: 'n.missing_security',
};

export function nodeOrderBy(sort: { key: NodeSortKey; dir: 'asc' | 'desc' } | undefined): string {
  const tail = 'n.account_id, n.region, n.instance_id';
  if (!sort) return tail;
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  const key = sort.key;
  const expr = (RULE_IDS as readonly string[]).includes(key)
    ? `nullif(substr(n.statuses, ${rulePosition(key as (typeof RULE_IDS)[number])}, 1), '${NOT_EVALUATED}')`
    : SORT_SQL[key as keyof typeof SORT_SQL];
  if (expr === undefined) throw new RangeError(`unknown sort key ${key}`);
  // Missing values go last either way: a blank name is never the most interesting row.
  return `${expr.replace('{dir}', dir)} ${dir} NULLS LAST, ${tail}`;
}

export const NODE_COLUMNS = NODE_ROW_COLUMNS.map((c) => `n.${c}`).join(', ');
