/** `patch-audit evaluate`'s outcome as terminal text, beside its JSON document (document.ts). */
import { editionWithId } from '../../../../shared/catalog';
import { CAUSE_TEXT, UNCHECKED_TEXT, type UnmanagedRow } from '../../../../shared/ec2Coverage';
import { messageFor, ruleTitle } from '../../../../shared/messages';
import { CHECK_STATUSES, type Lang, RULE_IDS } from '../../../../shared/model';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { platformLabel } from '../../../../shared/platform';
import { STATUS_ORDER, STATUS_TERMS, statusWord } from '../../../../shared/statuses';
import type { CellText } from '../../report/text';
import { labelsFor } from '../../report/labels';
import { summarize, type EvaluatedNode } from './document';

// CJK characters take two terminal columns, so Japanese headers need their display width.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * A table (one status column per rule, numbered, with a legend), the findings with their messages,
 * and counts. Node ids and platforms are the client's: `cell` is the host's one-line escape.
 */
export function evaluationText(
  catalogId: string,
  nodes: readonly EvaluatedNode[],
  lang: Lang,
  cell: CellText,
  unmanaged?: readonly UnmanagedRow[],
): string {
  const ja = lang === 'ja';
  const rows = nodes.map((node) => [
    cell(node.instanceId),
    cell(platformLabel(node.platform)),
    ...node.checks.map((check) => STATUS_TERMS[check.status].terminal),
  ]);
  const header = [columnShortTitle('instanceId', lang), columnShortTitle('platform', lang), ...RULE_IDS.map((_, i) => String(i + 1))];
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((text, column) => pad(text, widths[column] ?? 0))
      .join('  ')
      .trimEnd();

  const out = [`${ja ? 'カタログ' : 'Catalog'}: ${editionWithId(catalogId, lang)}`, '', line(header), ...rows.map(line), ''];
  const ruleWidth = Math.max(...RULE_IDS.map((rule) => rule.length));
  out.push(...RULE_IDS.map((rule, i) => `  ${String(i + 1).padStart(2)}  ${pad(rule, ruleWidth)}  ${ruleTitle(rule, lang)}`));
  const legend = STATUS_ORDER.map((status) => `${STATUS_TERMS[status].terminal} = ${statusWord(status, lang)}`).join(', ');
  out.push(`  ${labelsFor(lang)('legend')}: ${legend}`, '');

  const findings = nodes.flatMap((node) =>
    node.checks
      .filter((check) => check.status === 'fail' || check.status === 'warn')
      .map((check) => `  ${cell(node.instanceId)}  ${pad(check.status.toUpperCase(), 4)}  ${check.rule}: ${messageFor(check, lang)}`),
  );
  if (findings.length > 0) out.push(ja ? '指摘事項:' : 'Findings:', ...findings, '');

  if (unmanaged?.length) out.push(...unmanagedLines(unmanaged, lang, cell), '');

  const summary = summarize(nodes);
  const counts = CHECK_STATUSES.map((status) => `${status} ${summary.checks[status]}`).join(', ');
  out.push(
    ja
      ? `${summary.nodes} ノード (fail あり ${summary.nodesWithFail}、warn あり ${summary.nodesWithWarn})。チェック: ${counts}`
      : `${summary.nodes} nodes (${summary.nodesWithFail} with failures, ${summary.nodesWithWarn} with warnings). Checks: ${counts}`,
  );
  return `${out.join('\n')}\n`;
}

/** Each EC2 instance that is not a managed node, its causes and what to do; the instance's name and platform are the client's. */
function unmanagedLines(rows: readonly UnmanagedRow[], lang: Lang, cell: CellText): string[] {
  const ja = lang === 'ja';
  const out = [
    ja
      ? `Systems Manager で管理されていない EC2 インスタンス (${rows.length}、Patch Manager はパッチを適用できません):`
      : `EC2 instances not managed by Systems Manager (${rows.length}; Patch Manager cannot patch them):`,
  ];
  for (const row of rows) {
    const name = row.name ? `  ${cell(row.name)}` : '';
    out.push(`  ${cell(row.instanceId)}${name}  ${row.state}  ${row.causes.map((cause) => CAUSE_TEXT[cause].label[lang]).join(', ')}`);
    for (const cause of row.causes) out.push(`      ${ja ? '対処' : 'To do'}: ${CAUSE_TEXT[cause].todo[lang]}`);
    for (const check of row.unchecked) out.push(`      ${ja ? '未確認' : 'Not checked'}: ${UNCHECKED_TEXT[check][lang]}`);
  }
  return out;
}
