/**
 * Patch figures of several areas (account × region) added up, for the per-area and per-account
 * tables of the overview and the report (the headline figures are shared/figures.ts). Compliance
 * is a share of the nodes that reported a patch state, as in shared/figures.ts; the missing
 * counts are over the nodes whose patch state could be read, and when none could there is no
 * figure at all (null), never 0.
 */
export interface AreaFigures {
  /** EC2 instances, managed or not, and those not managed (issue 30); null when no area's instances were read. */
  ec2Instances: number | null;
  unmanaged: number | null;
  nodes: number;
  online: number;
  scannedRecently: number;
  compliant: number;
  nonCompliant: number;
  /** Nodes whose patch state could be read: the basis of the missing counts. */
  patchRead: number;
  /** Nodes that reported a patch state: the population of compliancePct. */
  patchReported: number;
  compliancePct: number | null;
  missingCritical: number | null;
  missingSecurity: number | null;
}

export function sumAreas(areas: readonly AreaFigures[]): AreaFigures {
  const total = (pick: (a: AreaFigures) => number | null): number => areas.reduce((n, a) => n + (pick(a) ?? 0), 0);
  const patchRead = total((a) => a.patchRead);
  const patchReported = total((a) => a.patchReported);
  const compliant = total((a) => a.compliant);
  const read = patchRead > 0;
  const ec2Read = areas.some((a) => a.ec2Instances !== null);
  return {
    ec2Instances: ec2Read ? total((a) => a.ec2Instances) : null,
    unmanaged: ec2Read ? total((a) => a.unmanaged) : null,
    nodes: total((a) => a.nodes),
    online: total((a) => a.online),
    scannedRecently: total((a) => a.scannedRecently),
    compliant,
    nonCompliant: total((a) => a.nonCompliant),
    patchRead,
    patchReported,
    compliancePct: patchReported > 0 ? (compliant / patchReported) * 100 : null,
    missingCritical: read ? total((a) => a.missingCritical) : null,
    missingSecurity: read ? total((a) => a.missingSecurity) : null,
  };
}
