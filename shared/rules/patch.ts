/**
 * What the compliance rules share (from DescribeInstancePatchStates; not in the seed: they say whether the
 * node *is* patched): the node's patch state, or the outcome that stands in for it.
 */
import type { Evidence, PatchState } from '../model';
import { sourceUnknown, unavailableSource } from './sources';
import type { RuleContext, RuleOutcome } from './types';

/** The node's patch state, or the outcome that stands in for it (source not read, or no state at all). */
export function patchStateOf({ facts }: RuleContext, rule: 'scanned' | 'other'): PatchState | RuleOutcome {
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

export function isOutcome(value: PatchState | RuleOutcome): value is RuleOutcome {
  return 'status' in value && 'code' in value;
}

export function stateEvidence(state: PatchState): Evidence {
  return {
    operation: state.operation ?? null,
    operationEndTime: state.operationEndTime ?? null,
    baselineId: state.baselineId ?? null,
    patchGroup: state.patchGroup ?? null,
  };
}
