import type { CatalogEdition, SourceRef, SourceRule } from '../catalog/schema';
import type { CheckStatus, Evidence, LocalizedText, NodeFacts, NormalizedPlatform, RuleId } from '../model';
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

/**
 * A rule as one module describes it (docs/design.md §4): every output that names, cites or runs a
 * rule reads it from here, through `RULES` / `RULE_BY_ID` in `./index`.
 */
export interface Rule<Id extends RuleId = RuleId> {
  readonly id: Id;
  /** The full title, wherever a rule is named. */
  readonly title: LocalizedText;
  /** A few characters, for a narrow table column's header. */
  readonly short: LocalizedText;
  /** The seed's rules (P1–P7) it transcribes; none for the compliance rules, which the seed does not state. */
  readonly sourceRules: readonly SourceRule[];
  /** The entries of an edition behind it: what the report cites as its source. */
  readonly sourceRefs: (catalog: CatalogEdition) => SourceRef[];
  readonly evaluate: (context: RuleContext) => RuleOutcome;
}
