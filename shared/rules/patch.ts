/** Compliance rules from DescribeInstancePatchStates (not in the seed: they say whether the node *is* patched). */
import type { Evidence, PatchState } from '../model';
import { sourceUnknown, unavailableSource } from './sources';
import type { Rule, RuleContext, RuleOutcome } from './types';

const DAY_MS = 86_400_000;

/** The node's patch state, or the outcome that stands in for it (source not read, or no state at all). */
function patchStateOf({ facts }: RuleContext, rule: 'scanned' | 'other'): PatchState | RuleOutcome {
  const unavailable = unavailableSource('patchState', facts.sources.patchState);
  if (unavailable) return unavailable;
  if (facts.patchState === undefined) return sourceUnknown('patchState', 'not_collected');
  if (facts.patchState === null) {
    // Only patch.scanned reports the absence as a finding; the others cannot be judged without a state.
    return rule === 'scanned'
      ? { status: 'fail', code: 'patch.never-scanned', evidence: { patchState: null } }
      : { status: 'unknown', code: 'patch.no-state', evidence: { patchState: null } };
  }
  return facts.patchState;
}

function isOutcome(value: PatchState | RuleOutcome): value is RuleOutcome {
  return 'status' in value && 'code' in value;
}

function stateEvidence(state: PatchState): Evidence {
  return {
    operation: state.operation ?? null,
    operationEndTime: state.operationEndTime ?? null,
    baselineId: state.baselineId ?? null,
    patchGroup: state.patchGroup ?? null,
  };
}

export const patchScanned: Rule = (context): RuleOutcome => {
  const state = patchStateOf(context, 'scanned');
  if (isOutcome(state)) return state;
  return { status: 'pass', code: 'patch.scanned', params: { operation: state.operation ?? '-' }, evidence: stateEvidence(state) };
};

export const patchScanAge: Rule = (context): RuleOutcome => {
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
};

/**
 * AWS's rule (shared/figures.ts cites the API reference): a node is NON_COMPLIANT while any patch
 * is missing, failed, installed but awaiting a reboot, or installed though on a BLOCK rejected
 * list. Nothing left to install is not compliant until the reboot.
 */
export const patchCompliant: Rule = (context): RuleOutcome => {
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
};

export const patchPendingReboot: Rule = (context): RuleOutcome => {
  const state = patchStateOf(context, 'other');
  if (isOutcome(state)) return state;
  const count = state.installedPendingRebootCount;
  const evidence = { ...stateEvidence(state), installedPendingRebootCount: count ?? null, rebootOption: state.rebootOption ?? null };
  if (count === undefined) return { status: 'unknown', code: 'patch.reboot-count-unknown', evidence };
  if (count > 0) return { status: 'warn', code: 'patch.pending-reboot', params: { count }, evidence };
  return { status: 'pass', code: 'patch.no-pending-reboot', params: { count }, evidence };
};
