/** Whether the node reports a patch state at all: one that never did has never been scanned. */
import { isOutcome, patchStateOf, stateEvidence } from './patch';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate(context: RuleContext): RuleOutcome {
  const state = patchStateOf(context, 'scanned');
  if (isOutcome(state)) return state;
  return { status: 'pass', code: 'patch.scanned', params: { operation: state.operation ?? '-' }, evidence: stateEvidence(state) };
}

export const patchScanned = {
  id: 'patch.scanned',
  title: { en: 'Patch state reported', ja: 'パッチ状態の報告' },
  short: { en: 'Scanned', ja: 'スキャン' },
  sourceRules: [],
  sourceRefs: () => [],
  evaluate,
} satisfies Rule;
