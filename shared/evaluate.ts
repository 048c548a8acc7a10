/**
 * The rules engine: facts + catalog edition → one Check per rule id, in RULE_IDS order.
 * Pure and synchronous, so the audit, offline re-evaluation, the CLI and the renderer agree.
 */
import type { CatalogEdition } from './catalog/schema';
import { type Check, EVIDENCE_LIST_MAX, type Evidence, type NodeFacts, type NormalizedPlatform } from './model';
import { normalizePlatform } from './platform';
import { RULES } from './rules';

export interface EvaluateOptions {
  readonly catalog: CatalogEdition;
  readonly now: Date;
  /** patch.scan-age threshold. */
  readonly scanAgeDays: number;
}

export function platformOf(facts: NodeFacts): NormalizedPlatform {
  return normalizePlatform({ platformType: facts.platformType, platformName: facts.platformName, platformVersion: facts.platformVersion });
}

/** Evidence lists without repeats and within EVIDENCE_LIST_MAX, so every check can be exported and imported back. */
export function boundedEvidence(evidence: Evidence): Evidence {
  const bounded: Evidence = {};
  for (const [field, value] of Object.entries(evidence)) {
    if (!Array.isArray(value)) {
      bounded[field] = value;
      continue;
    }
    const distinct = [...new Set(value)];
    bounded[field] = distinct.slice(0, EVIDENCE_LIST_MAX);
    if (distinct.length > EVIDENCE_LIST_MAX) bounded[`${field}Total`] = distinct.length;
  }
  return bounded;
}

export function evaluateNode(facts: NodeFacts, options: EvaluateOptions): Check[] {
  const context = { facts, platform: platformOf(facts), ...options };
  return RULES.map((rule) => {
    const outcome = rule.evaluate(context);
    return {
      rule: rule.id,
      status: outcome.status,
      code: outcome.code,
      params: { ...outcome.params },
      evidence: boundedEvidence(outcome.evidence),
    };
  });
}
