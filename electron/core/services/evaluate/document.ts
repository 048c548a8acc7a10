/** What `patch-audit evaluate` reports: each node's checks, their counts, the unmanaged EC2 instances, and the one JSON document. */
import { CAUSE_TEXT, UNCHECKED_TEXT, type UnmanagedRow } from '../../../../shared/ec2Coverage';
import { messageFor, remediationFor } from '../../../../shared/messages';
import {
  CHECK_STATUSES,
  type Check,
  type CheckStatus,
  type Evidence,
  type Lang,
  type NormalizedPlatform,
  RULE_IDS,
  type RuleId,
} from '../../../../shared/model';

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

/** One unmanaged instance: its facts, and each cause with its meaning and what to do, in the document's language. */
function jsonUnmanaged(row: UnmanagedRow, lang: Lang) {
  const { causes, unchecked, ...facts } = row;
  return {
    ...facts,
    causes: causes.map((cause) => ({
      cause,
      label: CAUSE_TEXT[cause].label[lang],
      detail: CAUSE_TEXT[cause].detail[lang],
      todo: CAUSE_TEXT[cause].todo[lang],
    })),
    unchecked: unchecked.map((check) => ({ check, text: UNCHECKED_TEXT[check][lang] })),
  };
}

export function toJsonDocument(
  catalogId: string,
  evaluatedAt: Date,
  scanAgeDays: number,
  nodes: readonly EvaluatedNode[],
  lang: Lang,
  unmanaged?: readonly UnmanagedRow[],
) {
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
    ...(unmanaged ? { unmanaged: unmanaged.map((row) => jsonUnmanaged(row, lang)) } : {}),
    summary: summarize(nodes),
  };
}
