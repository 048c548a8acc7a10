/** Trends over time as terminal text: one row per snapshot and series. */
import type { RuleId } from '../../../../shared/model';
import type { TrendPoint, TrendQuery } from '../../store';
import { countOrUnknown, patchBasis, pct, table, type CellText } from './table';

export function trendsText(points: readonly TrendPoint[], query: Pick<TrendQuery, 'groupBy' | 'rules'>, cell: CellText): string {
  if (!points.length) return 'No snapshots match.';
  const r: RuleId | undefined = query.rules?.[0];
  const { groupBy } = query;
  const head = [
    'SNAPSHOT',
    'STARTED',
    ...(groupBy === 'account' || groupBy === 'area' ? ['ACCOUNT'] : []),
    ...(groupBy === 'region' || groupBy === 'area' ? ['REGION'] : []),
    'NODES',
    'READY',
    'PATCH READ',
    'COMPLIANT',
    'MISSING CRIT',
    'MISSING SEC',
    'OPEN CVES',
    'CRITICAL CVES',
    ...(r ? [`${r} PASS`, `${r} FAIL`] : []),
  ];
  return table(
    head,
    points.map((p) => [
      p.snapshotId,
      p.startedAt,
      ...(p.accountId === undefined ? [] : [p.accountId]),
      ...(p.region === undefined ? [] : [p.region]),
      p.nodes,
      p.ready,
      patchBasis(p),
      pct(p.compliancePct),
      countOrUnknown(p.missingCritical),
      countOrUnknown(p.missingSecurity),
      countOrUnknown(p.openCves),
      countOrUnknown(p.openCriticalCves),
      ...(r ? [p.rules[r]?.pass ?? 0, (p.rules[r]?.fail ?? 0) + (p.rules[r]?.warn ?? 0)] : []),
    ]),
    cell,
  );
}
