/** What `patch-audit evaluate` prints: one JSON document (--json) or a table for a terminal. */
import { editionWithId } from '../../shared/catalog';
import { messageFor, remediationFor, ruleTitle } from '../../shared/messages';
import {
  CHECK_STATUSES,
  type Check,
  type CheckStatus,
  type Evidence,
  type Lang,
  type NormalizedPlatform,
  RULE_IDS,
  type RuleId,
} from '../../shared/model';
import { columnShortTitle } from '../../shared/nodeColumns';
import { platformLabel } from '../../shared/platform';
import { STATUS_ORDER, STATUS_TERMS, statusWord } from '../../shared/statuses';
import { labelsFor } from '../core';
import { terminalValue } from './terminal';

export interface EvaluatedNode {
  instanceId: string;
  name?: string | undefined;
  platform: NormalizedPlatform;
  checks: Check[];
}

type StatusCounts = Record<CheckStatus, number>;

export interface EvaluationSummary {
  nodes: number;
  nodesWithFail: number;
  nodesWithWarn: number;
  checks: StatusCounts;
  byRule: Record<RuleId, StatusCounts>;
}

const zeroCounts = (): StatusCounts => Object.fromEntries(CHECK_STATUSES.map((status) => [status, 0])) as StatusCounts;

export function summarize(nodes: readonly EvaluatedNode[]): EvaluationSummary {
  const checks = zeroCounts();
  const byRule = Object.fromEntries(RULE_IDS.map((rule) => [rule, zeroCounts()])) as Record<RuleId, StatusCounts>;
  for (const node of nodes) {
    for (const check of node.checks) {
      checks[check.status] += 1;
      byRule[check.rule][check.status] += 1;
    }
  }
  const having = (status: CheckStatus) => nodes.filter((node) => node.checks.some((check) => check.status === status)).length;
  return { nodes: nodes.length, nodesWithFail: having('fail'), nodesWithWarn: having('warn'), checks, byRule };
}

interface JsonCheck {
  rule: RuleId;
  status: CheckStatus;
  code: string;
  message: string;
  remediation?: string;
  evidence: Evidence;
}

export function toJsonDocument(catalogId: string, evaluatedAt: Date, scanAgeDays: number, nodes: readonly EvaluatedNode[], lang: Lang) {
  return {
    catalog: catalogId,
    evaluatedAt: evaluatedAt.toISOString(),
    scanAgeDays,
    nodes: nodes.map((node) => ({
      instanceId: node.instanceId,
      ...(node.name ? { name: node.name } : {}),
      platform: { type: node.platform.type, family: node.platform.family, version: node.platform.version ?? null },
      checks: node.checks.map((check): JsonCheck => {
        const remediation = remediationFor(check, lang);
        return {
          rule: check.rule,
          status: check.status,
          code: check.code,
          message: messageFor(check, lang),
          ...(remediation ? { remediation } : {}),
          evidence: check.evidence,
        };
      }),
    })),
    summary: summarize(nodes),
  };
}

// CJK characters take two terminal columns, so Japanese headers need their display width.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A table (one status column per rule, numbered, with a legend), the findings with their messages, and counts. */
export function toTable(catalogId: string, nodes: readonly EvaluatedNode[], lang: Lang): string {
  const ja = lang === 'ja';
  const rows = nodes.map((node) => [
    terminalValue(node.instanceId),
    terminalValue(platformLabel(node.platform)),
    ...node.checks.map((check) => STATUS_TERMS[check.status].terminal),
  ]);
  const header = [columnShortTitle('instanceId', lang), columnShortTitle('platform', lang), ...RULE_IDS.map((_, i) => String(i + 1))];
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? 0))
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
      .map(
        (check) => `  ${terminalValue(node.instanceId)}  ${pad(check.status.toUpperCase(), 4)}  ${check.rule}: ${messageFor(check, lang)}`,
      ),
  );
  if (findings.length > 0) out.push(ja ? '指摘事項:' : 'Findings:', ...findings, '');

  const summary = summarize(nodes);
  const counts = CHECK_STATUSES.map((status) => `${status} ${summary.checks[status]}`).join(', ');
  out.push(
    ja
      ? `${summary.nodes} ノード (fail あり ${summary.nodesWithFail}、warn あり ${summary.nodesWithWarn})。チェック: ${counts}`
      : `${summary.nodes} nodes (${summary.nodesWithFail} with failures, ${summary.nodesWithWarn} with warnings). Checks: ${counts}`,
  );
  return `${out.join('\n')}\n`;
}
