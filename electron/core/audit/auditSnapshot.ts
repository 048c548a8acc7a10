/** The snapshot an audit saves: its plan's labels, its judging terms, its scopes and its packed nodes. */
import type { AuditPlan } from '../../../shared/auditPlan';
import type { CatalogEdition } from '../../../shared/catalog';
import type { PlacedUnmanagedInstance } from '../../../shared/ec2Coverage';
import type { ScopeResult } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import type { NodeBatches, PackedSnapshotInput } from '../store';

export interface AuditRecord {
  plan: AuditPlan;
  catalog: CatalogEdition;
  scanAgeDays: number;
  startedAt: Date;
  /** The clock when the audit ends. */
  endedAt: Date;
  scopes: ScopeResult[];
  /** In the order the nodes are to be stored. */
  packed: NodeBatches;
  /** The EC2 instances of the collected scopes that are not managed nodes (issue 30). */
  unmanaged: PlacedUnmanagedInstance[];
}

export function auditSnapshot({
  plan,
  catalog,
  scanAgeDays,
  startedAt,
  endedAt,
  scopes,
  packed,
  unmanaged,
}: AuditRecord): PackedSnapshotInput {
  // A wall clock stepped back during the audit (NTP, a VM resumed) must not save an end
  // before the start, which the snapshot's own import refuses as inconsistent.
  const finishedAt = new Date(Math.max(startedAt.getTime(), endedAt.getTime()));
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    // Gaps (denied optional sources) are recorded per scope and turn checks `unknown`; only a
    // scope that could not be collected makes the snapshot partial.
    status: scopes.every((s) => s.status === 'ok') ? 'complete' : 'partial',
    catalogEdition: catalog.id,
    scanAgeDays,
    toolVersion: TOOL_VERSION,
    ...(plan.label ? { label: plan.label } : {}),
    ...(plan.client ? { client: plan.client } : {}),
    ...(plan.engagement ? { engagement: plan.engagement } : {}),
    scopes,
    packed,
    unmanaged,
  };
}
