/** Two snapshots compared, and one snapshot under another catalog edition, as terminal text. */
import { editionWithId } from '../../../../shared/catalog';
import type { EditionComparison } from '../../../../shared/history';
import type { Comparison } from '../../store';
import { blocks, table, type CellText } from './table';

export function comparisonText(c: Comparison, cell: CellText): string {
  const t = c.totals;
  const changes = [
    ...c.regressions.map((x) => ({ kind: 'regression', ...x })),
    ...c.newFailures.map((x) => ({ kind: 'new failure', ...x })),
    ...c.fixed.map((x) => ({ kind: 'fixed', ...x })),
  ];
  return blocks(
    `#${c.from} → #${c.to}: ${t.added} added, ${t.removed} removed, ${t.fixed} fixed, ${t.regressions} regressions, ${t.newFailures} new failures`,
    c.byArea.length > 0 &&
      table(
        ['ACCOUNT', 'REGION', 'ADDED', 'REMOVED', 'FIXED', 'REGRESSIONS', 'NEW FAILURES'],
        c.byArea.map((r) => [r.accountId, r.region, r.added, r.removed, r.fixed, r.regressions, r.newFailures]),
        cell,
      ),
    changes.length > 0 &&
      table(
        ['CHANGE', 'ACCOUNT', 'REGION', 'INSTANCE', 'NAME', 'RULE', 'BEFORE', 'AFTER'],
        changes.map((x) => [x.kind, x.accountId, x.region, x.instanceId, x.name ?? '', x.rule, x.before ?? '-', x.after ?? '-']),
        cell,
      ),
  );
}

export function editionChangesText(c: EditionComparison, cell: CellText): string {
  const t = c.totals;
  const groups = [
    { head: 'PLATFORM', rows: c.byPlatform.map((p) => ({ name: p.platform, ...p })) },
    { head: 'ACCOUNT', rows: c.byAccount.map((a) => ({ name: a.accountId, ...a })) },
  ];
  return blocks(
    `#${c.snapshotId} under ${editionWithId(c.from, 'en')} → ${editionWithId(c.to, 'en')}: ${t.changedNodes} of ${t.nodes} nodes change (${t.changedChecks} checks); ready ${t.readyBefore} → ${t.readyAfter}`,
    c.byRule.length > 0 &&
      table(
        ['RULE', 'CHANGED', 'TRANSITIONS'],
        c.byRule.map((r) => [r.rule, r.changed, r.transitions.map((x) => `${x.before}→${x.after} ${x.nodes}`).join(', ')]),
        cell,
      ),
    ...groups.map(
      ({ head, rows }) =>
        rows.length > 0 &&
        table(
          [head, 'NODES', 'CHANGED', 'READY BEFORE', 'READY AFTER'],
          rows.map((r) => [r.name, r.nodes, r.changedNodes, r.readyBefore, r.readyAfter]),
          cell,
        ),
    ),
    c.changes.length > 0 &&
      table(
        ['ACCOUNT', 'REGION', 'INSTANCE', 'NAME', 'RULE', 'BEFORE', 'AFTER', 'CODE AFTER'],
        c.changes.map((x) => [x.accountId, x.region, x.instanceId, x.name ?? '', x.rule, x.before ?? '-', x.after ?? '-', x.afterCode]),
        cell,
      ),
  );
}
