/**
 * The rules engine: facts + catalog edition → one Check per rule id, in RULE_IDS order.
 * Pure and synchronous, so the audit, offline re-evaluation, the CLI and the renderer agree.
 */
import type { CatalogEdition } from './catalog/schema';
import { type Check, type NodeFacts, type NormalizedPlatform, RULE_IDS } from './model';
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

export function evaluateNode(facts: NodeFacts, options: EvaluateOptions): Check[] {
  const context = { facts, platform: platformOf(facts), ...options };
  return RULE_IDS.map((rule) => {
    const outcome = RULES[rule](context);
    return { rule, status: outcome.status, code: outcome.code, params: { ...outcome.params }, evidence: outcome.evidence };
  });
}
