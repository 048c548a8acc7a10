/** Whether the last patch operation is recent enough for its compliance data to hold. */
import { isOutcome, patchStateOf, stateEvidence } from './patch';
import type { Rule, RuleContext, RuleOutcome } from './types';

const DAY_MS = 86_400_000;

function evaluate(context: RuleContext): RuleOutcome {
  const state = patchStateOf(context, 'other');
  if (isOutcome(state)) return state;
  const time = state.operationEndTime ?? state.operationStartTime;
  const at = time === undefined ? Number.NaN : Date.parse(time);
  const evidence = {
    ...stateEvidence(state),
    operationStartTime: state.operationStartTime ?? null,
    thresholdDays: context.scanAgeDays,
    now: context.now.toISOString(),
  };
  if (Number.isNaN(at)) return { status: 'unknown', code: 'patch.scan-time-unknown', evidence };
  // A clock a little ahead on the node must not produce a negative age.
  const ageDays = Math.max(0, Math.round(((context.now.getTime() - at) / DAY_MS) * 10) / 10);
  const params = { operation: state.operation ?? '-', ageDays, thresholdDays: context.scanAgeDays };
  const stale = context.now.getTime() - at > context.scanAgeDays * DAY_MS;
  return {
    status: stale ? 'fail' : 'pass',
    code: stale ? 'patch.scan-stale' : 'patch.scan-recent',
    params,
    evidence: { ...evidence, ageDays },
  };
}

export const patchScanAge = {
  id: 'patch.scan-age',
  title: { en: 'Recent patch scan', ja: '最近のパッチスキャン' },
  short: { en: 'Scan age', ja: 'スキャン日' },
  sourceRules: [],
  sourceRefs: () => [],
  evaluate,
} satisfies Rule;
