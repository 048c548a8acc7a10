/**
 * AWS's rule (shared/figures.ts cites the API reference): a node is NON_COMPLIANT while any patch
 * is missing, failed, installed but awaiting a reboot, or installed though on a BLOCK rejected
 * list. Nothing left to install is not compliant until the reboot.
 */
import { isOutcome, patchStateOf, stateEvidence } from './patch';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate(context: RuleContext): RuleOutcome {
  const state = patchStateOf(context, 'other');
  if (isOutcome(state)) return state;
  const evidence = {
    ...stateEvidence(state),
    missingCount: state.missingCount ?? null,
    failedCount: state.failedCount ?? null,
    installedPendingRebootCount: state.installedPendingRebootCount ?? null,
    installedRejectedCount: state.installedRejectedCount ?? null,
    criticalNonCompliantCount: state.criticalNonCompliantCount ?? null,
    securityNonCompliantCount: state.securityNonCompliantCount ?? null,
    otherNonCompliantCount: state.otherNonCompliantCount ?? null,
  };
  if (state.missingCount === undefined && state.failedCount === undefined) {
    return { status: 'unknown', code: 'patch.counts-unknown', evidence };
  }
  const params = {
    missing: state.missingCount ?? 0,
    failed: state.failedCount ?? 0,
    pendingReboot: state.installedPendingRebootCount ?? 0,
    rejected: state.installedRejectedCount ?? 0,
    critical: state.criticalNonCompliantCount ?? 0,
    security: state.securityNonCompliantCount ?? 0,
  };
  if (params.missing + params.failed > 0) return { status: 'fail', code: 'patch.noncompliant', params, evidence };
  if (params.pendingReboot + params.rejected > 0) return { status: 'fail', code: 'patch.noncompliant-installed', params, evidence };
  return { status: 'pass', code: 'patch.compliant', params, evidence };
}

export const patchCompliant = {
  id: 'patch.compliant',
  title: { en: 'Patch compliance', ja: 'パッチコンプライアンス' },
  short: { en: 'Compliant', ja: '準拠' },
  sourceRules: [],
  sourceRefs: () => [],
  evaluate,
} satisfies Rule;
