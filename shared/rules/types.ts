import type { CatalogEdition } from '../catalog/schema';
import type { CheckStatus, Evidence, NodeFacts, NormalizedPlatform } from '../model';
import type { MessageCode, MessageParams } from '../messages';

export interface RuleContext {
  readonly facts: NodeFacts;
  readonly platform: NormalizedPlatform;
  readonly catalog: CatalogEdition;
  readonly now: Date;
  readonly scanAgeDays: number;
}

/** A check without its rule id: the engine adds the id, so a rule cannot report under another's. */
export interface RuleOutcome {
  readonly status: CheckStatus;
  readonly code: MessageCode;
  readonly params?: MessageParams;
  readonly evidence: Evidence;
}

export type Rule = (context: RuleContext) => RuleOutcome;
