/** `ssm:DescribeInstancePatchStates` — what Patch Manager last reported per node. Optional. */
import type { PatchState } from '../../../../shared/model';
import { SOURCE_GAPS } from '../../../../shared/rules/sources';
import { count, defined, instanceId, isoTime, text, token } from './awsValues';

export const PATCH_STATES = { action: SOURCE_GAPS.patchState, required: false } as const;

/** One entry of `InstancePatchStates`, bounded like every other AWS value. */
function toPatchState(state: Record<string, unknown>): PatchState {
  return defined({
    baselineId: token(state.BaselineId, 128),
    patchGroup: text(state.PatchGroup, 256) || undefined,
    operation: text(state.Operation, 32) || undefined,
    operationStartTime: isoTime(state.OperationStartTime),
    operationEndTime: isoTime(state.OperationEndTime),
    lastNoRebootInstallOperationTime: isoTime(state.LastNoRebootInstallOperationTime),
    rebootOption: text(state.RebootOption, 64) || undefined,
    installedCount: count(state.InstalledCount),
    installedOtherCount: count(state.InstalledOtherCount),
    installedPendingRebootCount: count(state.InstalledPendingRebootCount),
    installedRejectedCount: count(state.InstalledRejectedCount),
    missingCount: count(state.MissingCount),
    failedCount: count(state.FailedCount),
    notApplicableCount: count(state.NotApplicableCount),
    unreportedNotApplicableCount: count(state.UnreportedNotApplicableCount),
    criticalNonCompliantCount: count(state.CriticalNonCompliantCount),
    securityNonCompliantCount: count(state.SecurityNonCompliantCount),
    otherNonCompliantCount: count(state.OtherNonCompliantCount),
  });
}

/** Patch states by node id; the first answer for a node wins. */
export function patchStatesById(states: Iterable<unknown>, into = new Map<string, PatchState>()): Map<string, PatchState> {
  for (const state of states) {
    if (state === null || typeof state !== 'object') continue;
    const raw = state as Record<string, unknown>;
    const id = instanceId(raw.InstanceId);
    if (id && !into.has(id)) into.set(id, toPatchState(raw));
  }
  return into;
}
