/**
 * Patch figures of several areas (account × region) added up, for the overview, the report and
 * the CLI. The compliance figures are over the nodes whose patch state could be read: a node
 * whose source was denied or failed is unknown, so it is neither compliant nor not, and when no
 * node's state could be read there is no figure at all (null), never 0 %.
 */
export interface AreaFigures {
  nodes: number;
  online: number;
  compliant: number;
  nonCompliant: number;
  /** Nodes whose patch state could be read: the basis of compliancePct and the missing counts. */
  patchRead: number;
  compliancePct: number | null;
  missingCritical: number | null;
  missingSecurity: number | null;
}

export function sumAreas(areas: readonly AreaFigures[]): AreaFigures {
  const total = (pick: (a: AreaFigures) => number | null): number => areas.reduce((n, a) => n + (pick(a) ?? 0), 0);
  const patchRead = total((a) => a.patchRead);
  const compliant = total((a) => a.compliant);
  const read = patchRead > 0;
  return {
    nodes: total((a) => a.nodes),
    online: total((a) => a.online),
    compliant,
    nonCompliant: total((a) => a.nonCompliant),
    patchRead,
    compliancePct: read ? (compliant / patchRead) * 100 : null,
    missingCritical: read ? total((a) => a.missingCritical) : null,
    missingSecurity: read ? total((a) => a.missingSecurity) : null,
  };
}
