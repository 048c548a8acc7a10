/** Read queries for the UI, reports and CLI: filtering, sorting and paging happen in SQL. */
import type { Database } from 'better-sqlite3';
import type { RuleId, SnapshotStatus } from '../../../shared/model';
import { RULE_IDS, ScopeResult } from '../../../shared/model';
import { SOURCE_GAPS } from '../../../shared/rules/sources';
import { GapErrors, ScopeErrorCode, ScopeErrorParams } from '../../../shared/scopeErrors';
import { decodeStatuses, joinFacts, unpack, unpackChecks } from './codec';
import { DatabaseError, SnapshotDamagedError } from './databaseErrors';
import type { PackedCheck } from './codec';
import { NODE_COLUMNS, nodeOrderBy, nodeWhere, toNodeRow } from './nodeFilters';
import type { NodeRecord } from './nodeFilters';
import { ruleCountsSql } from './summaries';
import type {
  AreaCounts,
  NodeDetail,
  NodeFilters,
  NodePage,
  NodeQuery,
  RuleSummaryRow,
  ScopeSummaryRow,
  SnapshotDetail,
  SnapshotMeta,
} from './types';

export const MAX_PAGE = 10_000;

interface SnapshotRecord {
  id: number;
  started_at: string;
  finished_at: string;
  saved_at: string;
  status: SnapshotStatus;
  catalog_edition: string;
  scan_age_days: number;
  tool_version: string;
  label: string | null;
  client: string | null;
  engagement: string | null;
  derived_from: number | null;
  node_count: number;
  imported_from: string | null;
  imported_at: string | null;
  scope_count: number;
  failed_scopes: number;
}

/** A snapshot row with its scope counts: what every list of snapshots shows (issue 27). */
const SNAPSHOT_WITH_SCOPES = `SELECT s.*,
  (SELECT count(*) FROM scope c WHERE c.snapshot_id = s.id) AS scope_count,
  (SELECT count(*) FROM scope c WHERE c.snapshot_id = s.id AND c.status <> 'ok') AS failed_scopes
  FROM snapshot s`;

export function toMeta(r: SnapshotRecord): SnapshotMeta {
  const meta: SnapshotMeta = {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    savedAt: r.saved_at,
    status: r.status,
    catalogEdition: r.catalog_edition,
    scanAgeDays: r.scan_age_days,
    toolVersion: r.tool_version,
    nodeCount: r.node_count,
    scopeCount: r.scope_count,
    failedScopes: r.failed_scopes,
  };
  if (r.label !== null) meta.label = r.label;
  if (r.client !== null) meta.client = r.client;
  if (r.engagement !== null) meta.engagement = r.engagement;
  if (r.derived_from !== null) meta.derivedFrom = r.derived_from;
  if (r.imported_from !== null) meta.importedFrom = r.imported_from;
  if (r.imported_at !== null) meta.importedAt = r.imported_at;
  return meta;
}

/** Newest first. */
export function listSnapshots(db: Database): SnapshotMeta[] {
  return db.prepare<[], SnapshotRecord>(`${SNAPSHOT_WITH_SCOPES} ORDER BY s.started_at DESC, s.id DESC`).all().map(toMeta);
}

interface ScopeRecord {
  account_id: string;
  region: string | null;
  status: ScopeResult['status'];
  error: string | null;
  nodes: number;
  calls: number;
  throttles: number;
  gaps: string;
  error_code: string | null;
  error_params: string | null;
  patching: string | null;
  gap_errors: string | null;
}

/** The v3 and v4 scope columns, parsed defensively: a value that no longer fits its schema is left out. */
function scopeDetails(
  r: Pick<ScopeRecord, 'error_code' | 'error_params' | 'patching' | 'gap_errors'>,
): Pick<ScopeResult, 'errorCode' | 'errorParams' | 'patching' | 'gapErrors'> {
  const out: Pick<ScopeResult, 'errorCode' | 'errorParams' | 'patching' | 'gapErrors'> = {};
  const parse = (json: string | null): unknown => {
    try {
      return json === null ? undefined : JSON.parse(json);
    } catch {
      return undefined;
    }
  };
  const code = ScopeErrorCode.safeParse(r.error_code);
  if (code.success) {
    out.errorCode = code.data;
    out.errorParams = ScopeErrorParams.safeParse(parse(r.error_params)).data ?? {};
  }
  const patching = ScopeResult.shape.patching.safeParse(parse(r.patching));
  if (patching.success && patching.data) out.patching = patching.data;
  const gapErrors = GapErrors.safeParse(parse(r.gap_errors));
  if (gapErrors.success) out.gapErrors = gapErrors.data;
  return out;
}

function toScope(r: ScopeRecord): ScopeResult {
  const s: ScopeResult = {
    accountId: r.account_id,
    region: r.region,
    status: r.status,
    nodes: r.nodes,
    calls: r.calls,
    throttles: r.throttles,
    gaps: JSON.parse(r.gaps) as string[],
    ...scopeDetails(r),
  };
  if (r.error !== null) s.error = r.error;
  return s;
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
    .prepare<[number], ScopeRecord>('SELECT * FROM scope WHERE snapshot_id = ? ORDER BY account_id, region')
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

interface RuleCountRecord {
  rule: RuleId;
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
  not_applicable: number;
}

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

export function areaCounts(r: {
  nodes: number;
  online: number;
  compliant: number;
  non_compliant: number;
  missing_critical: number;
  missing_security: number;
  patch_read: number;
  patch_reported: number;
}): AreaCounts {
  const read = r.patch_read > 0;
  return {
    nodes: r.nodes,
    online: r.online,
    compliant: r.compliant,
    nonCompliant: r.non_compliant,
    patchRead: r.patch_read,
    patchReported: r.patch_reported,
    compliancePct: r.patch_reported > 0 ? (r.compliant / r.patch_reported) * 100 : null,
    missingCritical: read ? r.missing_critical : null,
    missingSecurity: read ? r.missing_security : null,
  };
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
         s.status, s.error, s.calls, s.throttles, s.gaps, s.error_code, s.error_params, s.patching, s.gap_errors,
         coalesce(a.nodes, 0) AS nodes, coalesce(a.online, 0) AS online, coalesce(a.compliant, 0) AS compliant,
         coalesce(a.non_compliant, 0) AS non_compliant, coalesce(a.missing_critical, 0) AS missing_critical,
         coalesce(a.missing_security, 0) AS missing_security, coalesce(a.nodes - ${patchUnreadSql('a')}, 0) AS patch_read,
         coalesce(a.patch_reported, 0) AS patch_reported
       FROM (SELECT * FROM scope WHERE snapshot_id = ?) s
       FULL OUTER JOIN (SELECT * FROM area_summary WHERE snapshot_id = ?) a ON a.account_id = s.account_id AND a.region = s.region
       ORDER BY 1, 2`,
    )
    .all(snapshotId, snapshotId) as Array<
    Omit<ScopeRecord, 'status' | 'calls' | 'throttles' | 'gaps' | 'nodes'> & {
      status: ScopeResult['status'] | null;
      calls: number | null;
      throttles: number | null;
      gaps: string | null;
      nodes: number;
      online: number;
      compliant: number;
      non_compliant: number;
      missing_critical: number;
      missing_security: number;
      patch_read: number;
      patch_reported: number;
    }
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

interface DetailRecord extends NodeRecord {
  snapshot_id: number;
  seq: number;
  network_part: number | null;
  inventory_part: number | null;
}

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
  const getPart = db.prepare<[number], { data: Buffer }>('SELECT data FROM fact_part WHERE id = ?');
  const part = (id: number | null): unknown => {
    if (id === null) return undefined;
    if (!parts.has(id)) {
      const row = getPart.get(id);
      if (!row) throw new Error(`fact part ${id} is missing`);
      parts.set(id, unpack(row.data));
    }
    return parts.get(id);
  };
  const getChunk = db.prepare<[number, number], { first_seq: number; data: Buffer }>(
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
    .all(instanceId, accountId, region) as Array<{
    id: number;
    started_at: string;
    catalog_edition: string;
    derived_from: number | null;
    statuses: string;
  }>;
  const scope = db
    .prepare<[number, string, string], { gap_errors: string | null }>(
      'SELECT gap_errors FROM scope WHERE snapshot_id = ? AND account_id = ? AND region = ?',
    )
    .get(snapshotId, accountId, region);
  const gapErrors = scope
    ? scopeDetails({ error_code: null, error_params: null, patching: null, gap_errors: scope.gap_errors }).gapErrors
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
