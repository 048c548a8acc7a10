/** Read queries for the UI, reports and CLI: filtering, sorting and paging happen in SQL. */
import type { Database } from 'better-sqlite3';
import { RULE_IDS } from '../../../shared/model';
import { SOURCE_GAPS } from '../../../shared/rules/sources';
import { decodeStatuses, joinFacts, unpack, unpackChecks } from './codec';
import { DatabaseError, SnapshotDamagedError } from './databaseErrors';
import type { PackedCheck } from './codec';
import { areaCounts, scopeDetails, toMeta, toNodeRow, toScope, type AreaRecord, type NodeRecord, type SnapshotRecord } from './fromRows';
import { NODE_COLUMNS, nodeOrderBy, nodeWhere } from './nodeFilters';
import type { Row } from './rows';
import { ruleCountsSql } from './summaries';
import type { NodeDetail, NodeFilters, NodePage, NodeQuery, RuleSummaryRow, ScopeSummaryRow, SnapshotDetail, SnapshotMeta } from './types';

export const MAX_PAGE = 10_000;

/** A snapshot row with its scope counts: what every list of snapshots shows (issue 27). */
const SNAPSHOT_WITH_SCOPES = `SELECT s.*,
  (SELECT count(*) FROM scope c WHERE c.snapshot_id = s.id) AS scope_count,
  (SELECT count(*) FROM scope c WHERE c.snapshot_id = s.id AND c.status <> 'ok') AS failed_scopes
  FROM snapshot s`;

/** Newest first. */
export function listSnapshots(db: Database): SnapshotMeta[] {
  return db.prepare<[], SnapshotRecord>(`${SNAPSHOT_WITH_SCOPES} ORDER BY s.started_at DESC, s.id DESC`).all().map(toMeta);
}

/** The ids of `ids` that name no snapshot, by primary key only: callers check before each request. */
export function missingSnapshots(db: Database, ids: readonly number[]): number[] {
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM snapshot WHERE id = ?');
  return ids.filter((id) => exists.get(id) === undefined);
}

export function getSnapshot(db: Database, id: number): SnapshotDetail | undefined {
  const r = db.prepare<[number], SnapshotRecord>(`${SNAPSHOT_WITH_SCOPES} WHERE s.id = ?`).get(id);
  if (!r) return undefined;
  const scopes = db
    .prepare<[number], Row<'scope'>>('SELECT * FROM scope WHERE snapshot_id = ? ORDER BY account_id, region')
    .all(id)
    .map(toScope);
  return { ...toMeta(r), scopes };
}

export function queryNodes(db: Database, snapshotId: number, q: NodeQuery): NodePage {
  const where = nodeWhere(snapshotId, q);
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? 100), 0), MAX_PAGE);
  const offset = Math.max(Math.trunc(q.offset ?? 0), 0);
  const total = (db.prepare(`SELECT count(*) AS c FROM node n WHERE ${where.sql}`).get(...where.params) as { c: number }).c;
  const rows = db
    .prepare(`SELECT ${NODE_COLUMNS} FROM node n WHERE ${where.sql} ORDER BY ${nodeOrderBy(q.sort)} LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as NodeRecord[];
  return { total, rows: rows.map(toNodeRow) };
}

type RuleCountRecord = Pick<Row<'rule_summary'>, 'rule' | 'pass' | 'fail' | 'warn' | 'unknown' | 'not_applicable'>;

type Nullable<T> = { [K in keyof T]: T[K] | null };

function toRuleRows(records: readonly RuleCountRecord[]): RuleSummaryRow[] {
  const byRule = new Map(records.map((r) => [r.rule, r]));
  return RULE_IDS.map((rule) => {
    const r = byRule.get(rule);
    return {
      rule,
      pass: r?.pass ?? 0,
      fail: r?.fail ?? 0,
      warn: r?.warn ?? 0,
      unknown: r?.unknown ?? 0,
      not_applicable: r?.not_applicable ?? 0,
    };
  });
}

/**
 * Status counts per rule. Account and region filters read the summary rows; any other filter
 * counts the matching nodes.
 */
export function ruleSummary(db: Database, snapshotId: number, filters: NodeFilters = {}): RuleSummaryRow[] {
  const onlyArea = !filters.families?.length && !filters.statuses?.length && !filters.search?.trim();
  if (onlyArea) {
    const where = nodeWhere(snapshotId, { accountIds: filters.accountIds ?? [], regions: filters.regions ?? [] });
    const sql = `SELECT rule, sum(pass) AS pass, sum(fail) AS fail, sum(warn) AS warn, sum(unknown) AS unknown, sum(not_applicable) AS not_applicable
      FROM rule_summary n WHERE ${where.sql} GROUP BY rule`;
    return toRuleRows(db.prepare(sql).all(...where.params) as RuleCountRecord[]);
  }
  const where = nodeWhere(snapshotId, filters);
  return toRuleRows(db.prepare(ruleCountsSql(where.sql, '')).all(...where.params) as RuleCountRecord[]);
}

/**
 * Nodes of the area `alias` whose patch state could not be read: `patch.scanned` is unknown
 * exactly then (source denied, failed or not collected); a node without any state is a fail.
 */
export const patchUnreadSql = (alias: string): string =>
  `coalesce((SELECT p.unknown FROM rule_summary p WHERE p.snapshot_id = ${alias}.snapshot_id AND p.account_id = ${alias}.account_id
     AND p.region = ${alias}.region AND p.rule = 'patch.scanned'), 0)`;

/** One row per scope, plus any account × region that has nodes but no scope record. */
export function scopeSummary(db: Database, snapshotId: number): ScopeSummaryRow[] {
  const rows = db
    .prepare(
      `SELECT coalesce(s.account_id, a.account_id) AS account_id, coalesce(s.region, a.region) AS region,
         s.status, s.error, s.calls, s.throttles, s.gaps, s.error_code, s.error_params, s.patching, s.gap_errors, s.coverage,
         coalesce(a.nodes, 0) AS nodes, coalesce(a.online, 0) AS online, coalesce(a.compliant, 0) AS compliant,
         coalesce(a.non_compliant, 0) AS non_compliant, coalesce(a.missing_critical, 0) AS missing_critical,
         coalesce(a.missing_security, 0) AS missing_security, coalesce(a.nodes - ${patchUnreadSql('a')}, 0) AS patch_read,
         coalesce(a.patch_reported, 0) AS patch_reported, a.ec2_instances, a.unmanaged,
         coalesce(a.scanned_recently, 0) AS scanned_recently
       FROM (SELECT * FROM scope WHERE snapshot_id = ?) s
       FULL OUTER JOIN (SELECT * FROM area_summary WHERE snapshot_id = ?) a ON a.account_id = s.account_id AND a.region = s.region
       ORDER BY 1, 2`,
    )
    .all(snapshotId, snapshotId) as Array<
    Pick<Row<'scope'>, 'account_id' | 'region' | 'error' | 'error_code' | 'error_params' | 'patching' | 'gap_errors' | 'coverage'> &
      Nullable<Pick<Row<'scope'>, 'status' | 'calls' | 'throttles' | 'gaps'>> &
      AreaRecord
  >;
  return rows.map((r) => {
    let scope: ScopeSummaryRow['scope'] = null;
    if (r.status !== null) {
      scope = {
        status: r.status,
        calls: r.calls ?? 0,
        throttles: r.throttles ?? 0,
        gaps: JSON.parse(r.gaps ?? '[]') as string[],
        ...scopeDetails(r),
      };
      if (r.error !== null) scope.error = r.error;
    }
    return { accountId: r.account_id, region: r.region, scope, ...areaCounts(r) };
  });
}

type DetailRecord = NodeRecord & Pick<Row<'node'>, 'snapshot_id' | 'seq' | 'network_part' | 'inventory_part'>;

interface PackedDetail {
  f: Record<string, unknown>;
  c: PackedCheck[];
}

export interface StoredNode {
  record: NodeRecord;
  facts: NodeDetail['facts'];
  checks: NodeDetail['checks'];
}

/** Unpacks stored nodes back into facts and checks; `where` is a clause on alias `n`. */
export function loadNodes(db: Database, where: string, params: readonly unknown[]): StoredNode[] {
  const parts = new Map<number, unknown>();
  const getPart = db.prepare<[number], Pick<Row<'fact_part'>, 'data'>>('SELECT data FROM fact_part WHERE id = ?');
  const part = (id: number | null): unknown => {
    if (id === null) return undefined;
    if (!parts.has(id)) {
      const row = getPart.get(id);
      if (!row) throw new Error(`fact part ${id} is missing`);
      parts.set(id, unpack(row.data));
    }
    return parts.get(id);
  };
  const getChunk = db.prepare<[number, number], Pick<Row<'node_detail'>, 'first_seq' | 'data'>>(
    'SELECT first_seq, data FROM node_detail WHERE snapshot_id = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1',
  );
  // Rows come in seq order, so one chunk serves its nodes in a row before the next is read.
  let chunk: { snapshotId: number; first: number; details: PackedDetail[] } | undefined;
  const detail = (snapshotId: number, seq: number): PackedDetail => {
    if (!chunk || chunk.snapshotId !== snapshotId || seq < chunk.first || seq >= chunk.first + chunk.details.length) {
      const row = getChunk.get(snapshotId, seq);
      if (!row) throw new Error(`details of node ${seq} of snapshot ${snapshotId} are missing`);
      chunk = { snapshotId, first: row.first_seq, details: unpack(row.data) as PackedDetail[] };
    }
    const d = chunk.details[seq - chunk.first];
    if (!d) throw new Error(`details of node ${seq} of snapshot ${snapshotId} are missing`);
    return d;
  };
  const records = db
    .prepare(
      `SELECT ${NODE_COLUMNS}, n.snapshot_id, n.seq, n.network_part, n.inventory_part FROM node n WHERE ${where} ORDER BY n.snapshot_id, n.seq`,
    )
    .all(...params) as DetailRecord[];
  return records.map((r) => {
    // Damaged bytes fail in zlib, JSON.parse or on a wrong shape; their messages can quote the
    // client's facts, so the error names the snapshot only.
    try {
      const { f, c } = detail(r.snapshot_id, r.seq);
      return { record: r, facts: joinFacts(r, f, part(r.network_part), part(r.inventory_part)), checks: unpackChecks(c, r.statuses) };
    } catch (err) {
      if (err instanceof DatabaseError) throw err;
      throw new SnapshotDamagedError(r.snapshot_id);
    }
  });
}

export function nodeDetail(
  db: Database,
  snapshotId: number,
  instanceId: string,
  accountId: string,
  region: string,
): NodeDetail | undefined {
  const [node] = loadNodes(db, 'n.snapshot_id = ? AND n.instance_id = ? AND n.account_id = ? AND n.region = ?', [
    snapshotId,
    instanceId,
    accountId,
    region,
  ]);
  if (!node) return undefined;
  const history = db
    .prepare(
      `SELECT s.id, s.started_at, s.catalog_edition, s.derived_from, n.statuses FROM node n JOIN snapshot s ON s.id = n.snapshot_id
       WHERE n.instance_id = ? AND n.account_id = ? AND n.region = ? ORDER BY s.started_at, s.id`,
    )
    .all(instanceId, accountId, region) as Array<
    Pick<Row<'snapshot'>, 'id' | 'started_at' | 'catalog_edition' | 'derived_from'> & Pick<Row<'node'>, 'statuses'>
  >;
  const scope = db
    .prepare<[number, string, string], Pick<Row<'scope'>, 'gap_errors'>>(
      'SELECT gap_errors FROM scope WHERE snapshot_id = ? AND account_id = ? AND region = ?',
    )
    .get(snapshotId, accountId, region);
  const gapErrors = scope
    ? scopeDetails({ error_code: null, error_params: null, patching: null, gap_errors: scope.gap_errors, coverage: null }).gapErrors
    : undefined;
  const sourceErrors: NonNullable<NodeDetail['sourceErrors']> = {};
  for (const [source, gap] of Object.entries(SOURCE_GAPS) as [keyof typeof SOURCE_GAPS, string][]) {
    const reason = gapErrors?.[gap];
    if (reason && node.facts.sources[source] !== 'ok') sourceErrors[source] = reason;
  }
  return {
    snapshotId,
    row: toNodeRow(node.record),
    facts: node.facts,
    checks: node.checks,
    ...(Object.keys(sourceErrors).length ? { sourceErrors } : {}),
    history: history.map((h) => ({
      snapshotId: h.id,
      startedAt: h.started_at,
      catalogEdition: h.catalog_edition,
      derivedFrom: h.derived_from,
      statuses: decodeStatuses(h.statuses),
    })),
  };
}
