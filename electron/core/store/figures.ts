/**
 * What the headline figures (shared/figures.ts) are computed from: the snapshot's area summary
 * rows and its distinct open CVE ids, a few rows whatever the number of nodes.
 */
import type { Database } from 'better-sqlite3';
import type { FigureArea, FigureCves, FigureInput } from '../../../shared/figures';

export function figureInput(db: Database, snapshotId: number): FigureInput {
  const areas = db
    .prepare<[number], FigureArea>(
      `SELECT ec2_instances IS NOT NULL AS ec2Read, coalesce(ec2_instances, 0) AS ec2Instances, coalesce(unmanaged, 0) AS unmanaged,
         scanned_recently AS scannedRecently, nodes, ready, unverified, online, patch_reported AS patchReported, compliant, missing_critical AS missingCritical,
         missing_security AS missingSecurity, nodes_missing_critical AS nodesMissingCritical,
         nodes_missing_security AS nodesMissingSecurity, nodes_pending_reboot AS nodesPendingReboot
       FROM area_summary WHERE snapshot_id = ?`,
    )
    .all(snapshotId);
  const cves = db
    .prepare<[number, number], FigureCves>(
      `SELECT (SELECT coalesce(sum(patch_detail_read), 0) FROM area_summary WHERE snapshot_id = ?) AS detailRead,
         count(DISTINCT cve) AS open, count(DISTINCT CASE WHEN critical THEN cve END) AS openCritical
       FROM open_cve WHERE snapshot_id = ?`,
    )
    .get(snapshotId, snapshotId)!;
  return { areas, cves };
}
