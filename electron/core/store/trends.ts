/** Time series across snapshots, answered from the summary rows only. */
import type { Database } from 'better-sqlite3';
import type { RuleId } from '../../../shared/model';
import { areaCounts } from './fromRows';
import { patchUnreadSql } from './queries';
import type { StatusCounts, TrendPoint, TrendQuery } from './types';

const GROUP_COLUMNS: Record<NonNullable<TrendQuery['groupBy']>, string[]> = {
  total: [],
  account: ['account_id'],
  region: ['region'],
  area: ['account_id', 'region'],
};

interface Where {
  sql: string;
  params: unknown[];
}

function trendWhere(q: TrendQuery, alias: string): Where {
  const sql: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly string[] | undefined): void => {
    if (!values?.length) return;
    sql.push(`${col} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (!q.includeDerived) sql.push('s.derived_from IS NULL');
  if (q.from) {
    sql.push('s.started_at >= ?');
    params.push(q.from);
  }
  if (q.to) {
    sql.push('s.started_at <= ?');
    params.push(q.to);
  }
  inList(`${alias}.account_id`, q.accountIds);
  inList(`${alias}.region`, q.regions);
  return { sql: sql.length ? sql.join(' AND ') : '1', params };
}

export function trends(db: Database, q: TrendQuery = {}): TrendPoint[] {
  const group = GROUP_COLUMNS[q.groupBy ?? 'total'];
  const keyCols = ['s.id', ...group.map((c) => `x.${c}`)];
  const select = group.map((c) => `x.${c} AS ${c}`).join(', ');
  const areaW = trendWhere(q, 'x');
  const areas = db
    .prepare(
      `SELECT s.id AS id, s.started_at AS started_at, s.catalog_edition AS catalog_edition, s.status AS status,
         (SELECT count(*) FROM scope c WHERE c.snapshot_id = s.id) AS scope_count,
         (SELECT count(*) FROM scope c WHERE c.snapshot_id = s.id AND c.status <> 'ok') AS failed_scopes${select ? `, ${select}` : ''},
         sum(x.nodes) AS nodes, sum(x.ready) AS ready, sum(x.online) AS online, sum(x.compliant) AS compliant, sum(x.non_compliant) AS non_compliant,
         sum(x.missing_critical) AS missing_critical, sum(x.missing_security) AS missing_security,
         sum(x.nodes - ${patchUnreadSql('x')}) AS patch_read, sum(x.patch_detail_read) AS patch_detail_read,
         sum(x.patch_reported) AS patch_reported, sum(x.unverified) AS unverified, sum(x.nodes_missing_critical) AS nodes_missing_critical,
         sum(x.ec2_instances) AS ec2_instances, sum(x.unmanaged) AS unmanaged, sum(x.scanned_recently) AS scanned_recently
       FROM snapshot s JOIN area_summary x ON x.snapshot_id = s.id
       WHERE ${areaW.sql} AND (x.nodes > 0 OR x.ec2_instances > 0) GROUP BY ${keyCols.join(', ')} ORDER BY s.started_at, s.id${group.map((c) => `, x.${c}`).join('')}`,
    )
    .all(...areaW.params) as Array<{
    id: number;
    started_at: string;
    catalog_edition: string;
    status: TrendPoint['status'];
    scope_count: number;
    failed_scopes: number;
    account_id?: string;
    region?: string;
    nodes: number;
    ready: number;
    online: number;
    compliant: number;
    non_compliant: number;
    missing_critical: number;
    missing_security: number;
    patch_read: number;
    patch_detail_read: number;
    patch_reported: number;
    unverified: number;
    nodes_missing_critical: number;
    /** SQL's sum: null when no area of the group read its EC2 instances. */
    ec2_instances: number | null;
    unmanaged: number | null;
    scanned_recently: number;
  }>;

  // Distinct over the grouping: a CVE open in two regions counts once in their account.
  const cveW = trendWhere(q, 'x');
  const cveRows = db
    .prepare(
      `SELECT s.id AS id${select ? `, ${select}` : ''}, count(DISTINCT x.cve) AS open_cves,
         count(DISTINCT CASE WHEN x.critical THEN x.cve END) AS open_critical_cves
       FROM snapshot s JOIN open_cve x ON x.snapshot_id = s.id
       WHERE ${cveW.sql} GROUP BY ${keyCols.join(', ')}`,
    )
    .all(...cveW.params) as Array<{ id: number; account_id?: string; region?: string; open_cves: number; open_critical_cves: number }>;

  const ruleW = trendWhere(q, 'x');
  const ruleFilter = q.rules?.length ? ` AND x.rule IN (${q.rules.map(() => '?').join(', ')})` : '';
  const ruleRows = db
    .prepare(
      `SELECT s.id AS id${select ? `, ${select}` : ''}, x.rule AS rule, sum(x.pass) AS pass, sum(x.fail) AS fail, sum(x.warn) AS warn,
         sum(x.unknown) AS unknown, sum(x.not_applicable) AS not_applicable
       FROM snapshot s JOIN rule_summary x ON x.snapshot_id = s.id
       WHERE ${ruleW.sql}${ruleFilter} GROUP BY ${keyCols.join(', ')}, x.rule`,
    )
    .all(...ruleW.params, ...(q.rules ?? [])) as Array<StatusCounts & { id: number; account_id?: string; region?: string; rule: RuleId }>;

  const key = (r: { id: number; account_id?: string; region?: string }): string =>
    `${r.id}\u0000${r.account_id ?? ''}\u0000${r.region ?? ''}`;
  const rulesByKey = new Map<string, TrendPoint['rules']>();
  for (const r of ruleRows) {
    const k = key(r);
    const rules = rulesByKey.get(k) ?? {};
    rules[r.rule] = { pass: r.pass, fail: r.fail, warn: r.warn, unknown: r.unknown, not_applicable: r.not_applicable };
    rulesByKey.set(k, rules);
  }
  const cvesByKey = new Map(cveRows.map((r) => [key(r), r]));
  return areas.map((a) => {
    const cves = cvesByKey.get(key(a));
    const read = a.patch_detail_read > 0;
    const point: TrendPoint = {
      snapshotId: a.id,
      startedAt: a.started_at,
      catalogEdition: a.catalog_edition,
      status: a.status,
      scopeCount: a.scope_count,
      failedScopes: a.failed_scopes,
      ...areaCounts(a),
      ready: a.ready,
      unverified: a.unverified,
      nodesMissingCritical: a.nodes_missing_critical,
      patchDetailRead: a.patch_detail_read,
      openCves: read ? (cves?.open_cves ?? 0) : null,
      openCriticalCves: read ? (cves?.open_critical_cves ?? 0) : null,
      rules: rulesByKey.get(key(a)) ?? {},
    };
    if (a.account_id !== undefined) point.accountId = a.account_id;
    if (a.region !== undefined) point.region = a.region;
    return point;
  });
}
