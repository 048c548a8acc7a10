/** `ssm:DescribeInstancePatchStates` — what Patch Manager last reported per node. Optional. */
import { DescribeInstancePatchStatesCommand } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import type { PatchState } from '../../../../shared/model';
import { count, defined, instanceId, isoTime, text, token } from './awsValues';
import { Count, Timestamp } from './cliValues';
import { checkAbort, readIf, settleAll, type NodeSourceModule, type SourceContext } from './source';

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

/** One page of node ids (at most 50, the call's limit on `InstanceIds`), every page of the answer. */
async function batch(ctx: SourceContext, ids: readonly string[]): Promise<unknown[]> {
  const states: unknown[] = [];
  let next: string | undefined;
  do {
    checkAbort(ctx.signal);
    // No per-request abortSignal: the SDK leaves a listener per request on the signal (a leak
    // warning past ten batches); a cancel destroys the scope's clients, ending calls in flight.
    const page = await ctx.clients.ssm.send(
      new DescribeInstancePatchStatesCommand({ InstanceIds: [...ids], MaxResults: 50, NextToken: next }),
    );
    states.push(...(Array.isArray(page.InstancePatchStates) ? page.InstancePatchStates : []));
    next = page.NextToken;
  } while (next);
  return states;
}

/** One entry of `aws ssm describe-instance-patch-states` output. */
const InstancePatchState = z.object({
  InstanceId: z.string().min(1),
  PatchGroup: z.string().optional(),
  BaselineId: z.string().optional(),
  Operation: z.string().optional(),
  OperationStartTime: Timestamp.optional(),
  OperationEndTime: Timestamp.optional(),
  LastNoRebootInstallOperationTime: Timestamp.optional(),
  RebootOption: z.string().optional(),
  InstalledCount: Count.optional(),
  InstalledOtherCount: Count.optional(),
  InstalledPendingRebootCount: Count.optional(),
  InstalledRejectedCount: Count.optional(),
  MissingCount: Count.optional(),
  FailedCount: Count.optional(),
  NotApplicableCount: Count.optional(),
  UnreportedNotApplicableCount: Count.optional(),
  CriticalNonCompliantCount: Count.optional(),
  SecurityNonCompliantCount: Count.optional(),
  OtherNonCompliantCount: Count.optional(),
});

export const patchStates: NodeSourceModule<'patchState', Map<string, PatchState>> = {
  key: 'patchState',
  dependsOn: { on: 'pages', batch },
  // settleAll: a failed batch must not end the source while the others still call on the scope's clients.
  collect: async (_ctx, batches: readonly Promise<unknown[]>[]) => {
    const states = new Map<string, PatchState>();
    for (const answers of await settleAll(batches)) patchStatesById(answers, states);
    return states;
  },
  fromCliFiles: {
    // The call requires instance ids, 50 at most (as the live audit batches them): one file per batch.
    howToSave: {
      bash: [
        'for f in ids-*; do aws ssm describe-instance-patch-states --output json --instance-ids $(cat "$f") > "patch-states-$f.json"; done',
      ],
      powershell: [
        'for ($i = 0; $i -lt $ids.Count; $i += 50) {',
        '  aws ssm describe-instance-patch-states --output json --instance-ids $ids[$i..([Math]::Min($i + 49, $ids.Count - 1))] > "patch-states-$i.json"',
        '}',
      ],
    },
    kinds: {
      InstancePatchStates: {
        command: 'aws ssm describe-instance-patch-states',
        item: InstancePatchState,
        identity: (item: z.infer<typeof InstancePatchState>) => item.InstanceId,
      },
    },
    read: (items) => readIf(items.has('InstancePatchStates'), () => patchStatesById(items.get('InstancePatchStates') ?? [])),
  },
  toFacts: (node, read) =>
    read.status === 'ok' ? { patchState: read.value.get(node.instanceId) ?? null, status: 'ok' } : { status: read.status },
};
