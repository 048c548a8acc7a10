/** The saved snapshots as terminal text: the list, and one snapshot's scopes and rule summary. */
import { editionWithId } from '../../../../shared/catalog';
import { editionNotice } from '../../../../shared/editionNotice';
import type { EditionComparison } from '../../../../shared/history';
import { scopeErrorText, scopeRegionText, type GapErrors } from '../../../../shared/scopeErrors';
import { snapshotNotes } from '../../../../shared/snapshotDescription';
import type { RuleSummaryRow, ScopeSummaryRow, SnapshotMeta } from '../../store';
import { blocks, countOrUnknown, patchBasis, pct, table, type CellText } from './table';

/** The sources a scope could not read, each with the AWS error code behind it. */
const gapNote = (gaps: readonly string[], errors: GapErrors): string =>
  gaps.map((gap) => (errors[gap] ? `${gap} (${errors[gap].errorParams.name ?? scopeErrorText(errors[gap], 'en')})` : gap)).join(', ');

export function snapshotListText(list: readonly SnapshotMeta[], cell: CellText): string {
  if (!list.length) return 'No snapshots.';
  return table(
    ['ID', 'STARTED', 'STATUS', 'NODES', 'CATALOG', 'LABEL', 'CLIENT', 'NOTE'],
    list.map((s) => [
      s.id,
      s.startedAt,
      s.status,
      s.nodeCount,
      editionWithId(s.catalogEdition, 'en'),
      s.label ?? '',
      s.client ?? '',
      snapshotNotes(s, 'en').join('; '),
    ]),
    cell,
  );
}

export interface SnapshotSummaryText {
  snapshot: SnapshotMeta;
  scopes: readonly ScopeSummaryRow[];
  rules: readonly RuleSummaryRow[];
  /** An older edition's verdict comes with the current page's beside it (issue 27). */
  underCurrent: EditionComparison | null;
}

export function snapshotText({ snapshot: snap, scopes, rules, underCurrent }: SnapshotSummaryText, cell: CellText): string {
  const notice = underCurrent && editionNotice(underCurrent, 'en');
  const head = [
    `Snapshot #${snap.id}  ${cell(snap.label ?? '')}\n  started ${snap.startedAt}, ${snap.status}, ${snap.nodeCount} nodes, catalog ${editionWithId(snap.catalogEdition, 'en')}, scan age ${snap.scanAgeDays} days, tool ${snap.toolVersion}`,
    ...snapshotNotes(snap, 'en').map((note) => `  ${cell(note)}`),
    ...(notice ? [`  ${notice}`] : []),
  ];
  return blocks(
    head.join('\n'),
    table(
      ['ACCOUNT', 'REGION', 'SCOPE', 'NODES', 'PATCH READ', 'COMPLIANT', 'MISSING CRIT', 'MISSING SEC', 'NOTE'],
      scopes.map((s) => [
        s.accountId,
        scopeRegionText(s.region, 'en'),
        s.scope?.status ?? '-',
        s.nodes,
        patchBasis(s),
        pct(s.compliancePct),
        countOrUnknown(s.missingCritical),
        countOrUnknown(s.missingSecurity),
        s.scope?.error ?? gapNote(s.scope?.gaps ?? [], s.scope?.gapErrors ?? {}),
      ]),
      cell,
    ),
    table(
      ['RULE', 'PASS', 'FAIL', 'WARN', 'UNKNOWN', 'N/A'],
      rules.map((r) => [r.rule, r.pass, r.fail, r.warn, r.unknown, r.not_applicable]),
      cell,
    ),
  );
}
