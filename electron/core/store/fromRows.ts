/**
 * The contract's shapes (shared/history.ts, the store's `types.ts`) from the tables' rows
 * (`rows.ts`): each one mapped here, once.
 */
import { ScopeCoverage, type PlacedUnmanagedInstance } from '../../../shared/ec2Coverage';
import type { NormalizedPlatform } from '../../../shared/model';
import { ScopeResult } from '../../../shared/model';
import { GapErrors, ScopeErrorCode, ScopeErrorParams } from '../../../shared/scopeErrors';
import { decodeStatuses, STATUS_CODES } from './codec';
import type { Column, Row } from './rows';
import type { AreaCounts, NodeRow, SnapshotMeta } from './types';

/** A snapshot row with its scope counts: what every list of snapshots shows (issue 27). */
export type SnapshotRecord = Row<'snapshot'> & { scope_count: number; failed_scopes: number };

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

/** The scope columns added in schema v3, v4 and v11, held as JSON. */
export type ScopeDetailColumns = Pick<Row<'scope'>, 'error_code' | 'error_params' | 'patching' | 'gap_errors' | 'coverage'>;

type ScopeDetails = Pick<ScopeResult, 'errorCode' | 'errorParams' | 'patching' | 'gapErrors' | 'coverage'>;

/** The v3, v4 and v11 scope columns, parsed defensively: a value that no longer fits its schema is left out. */
export function scopeDetails(r: ScopeDetailColumns): ScopeDetails {
  const out: ScopeDetails = {};
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
  const coverage = coverageOf(r.coverage);
  if (coverage) out.coverage = coverage;
  return out;
}

/** A scope's coverage column; undefined when its EC2 instances were not read (or the value no longer fits its schema). */
export function coverageOf(json: string | null): ScopeCoverage | undefined {
  if (json === null) return undefined;
  try {
    return ScopeCoverage.safeParse(JSON.parse(json)).data;
  } catch {
    return undefined;
  }
}

/** An unmanaged instance as saved: its optional facts absent rather than null. */
export function toUnmanaged(r: Row<'unmanaged_instance'>): PlacedUnmanagedInstance {
  const u: PlacedUnmanagedInstance = {
    accountId: r.account_id,
    region: r.region,
    instanceId: r.instance_id,
    state: r.state,
    route: r.route,
    rolePolicy: r.role_policy,
  };
  if (r.name !== null) u.name = r.name;
  if (r.platform !== null) u.platform = r.platform;
  if (r.vpc_id !== null) u.vpcId = r.vpc_id;
  if (r.subnet_id !== null) u.subnetId = r.subnet_id;
  if (r.launched_at !== null) u.launchedAt = r.launched_at;
  if (r.instance_profile_arn !== null) u.instanceProfileArn = r.instance_profile_arn;
  return u;
}

export function toScope(r: Row<'scope'>): ScopeResult {
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

/** An area's summary columns, summed over some areas, with its nodes whose patch state was read. */
export type AreaRecord = Pick<
  Row<'area_summary'>,
  | 'nodes'
  | 'online'
  | 'compliant'
  | 'non_compliant'
  | 'missing_critical'
  | 'missing_security'
  | 'patch_reported'
  | 'ec2_instances'
  | 'unmanaged'
  | 'scanned_recently'
> & { patch_read: number };

export function areaCounts(r: AreaRecord): AreaCounts {
  const read = r.patch_read > 0;
  return {
    ec2Instances: r.ec2_instances,
    unmanaged: r.ec2_instances === null ? null : r.unmanaged,
    nodes: r.nodes,
    online: r.online,
    scannedRecently: r.scanned_recently,
    compliant: r.compliant,
    nonCompliant: r.non_compliant,
    patchRead: r.patch_read,
    patchReported: r.patch_reported,
    compliancePct: r.patch_reported > 0 ? (r.compliant / r.patch_reported) * 100 : null,
    missingCritical: read ? r.missing_critical : null,
    missingSecurity: read ? r.missing_security : null,
  };
}

/** The node columns a list row shows (`NodeRow`); the rest of a node is in its packed detail. */
export const NODE_ROW_COLUMNS = [
  'account_id',
  'region',
  'instance_id',
  'name',
  'ip_address',
  'ping_status',
  'agent_version',
  'platform_type',
  'platform_family',
  'platform_version',
  'statuses',
  'missing_critical',
  'missing_security',
] as const satisfies readonly Column<'node'>[];

export type NodeRecord = Pick<Row<'node'>, (typeof NODE_ROW_COLUMNS)[number]>;

export function toNodeRow(r: NodeRecord): NodeRow {
  let platform: NormalizedPlatform | null = null;
  if (r.platform_type !== null && r.platform_family !== null) {
    platform = { type: r.platform_type, family: r.platform_family };
    if (r.platform_version !== null) platform.version = r.platform_version;
  }
  return {
    accountId: r.account_id,
    region: r.region,
    instanceId: r.instance_id,
    name: r.name,
    ipAddress: r.ip_address,
    pingStatus: r.ping_status,
    agentVersion: r.agent_version,
    platform,
    statuses: decodeStatuses(r.statuses),
    failures: r.statuses.split(STATUS_CODES.fail).length - 1,
    missingCritical: r.missing_critical,
    missingSecurity: r.missing_security,
  };
}
