/** Installed patches that wait for a reboot. */
import { isOutcome, patchStateOf, stateEvidence } from './patch';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate(context: RuleContext): RuleOutcome {
  const state = patchStateOf(context, 'other');
  if (isOutcome(state)) return state;
  const count = state.installedPendingRebootCount;
  const evidence = { ...stateEvidence(state), installedPendingRebootCount: count ?? null, rebootOption: state.rebootOption ?? null };
  if (count === undefined) return { status: 'unknown', code: 'patch.reboot-count-unknown', evidence };
  if (count > 0) return { status: 'warn', code: 'patch.pending-reboot', params: { count }, evidence };
  return { status: 'pass', code: 'patch.no-pending-reboot', params: { count }, evidence };
}

export const patchPendingReboot = {
  id: 'patch.pending-reboot',
  title: { en: 'Reboot pending after patching', ja: 'パッチ適用後の再起動待ち' },
  short: { en: 'Reboot', ja: '再起動' },
  sourceRules: [],
  sourceRefs: () => [],
  evaluate,
} satisfies Rule;
