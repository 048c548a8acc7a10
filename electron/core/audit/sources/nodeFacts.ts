/**
 * A node's facts from its sources' translated answers: the one assembly both the live audit
 * (SDK pages) and `patch-audit evaluate` (AWS CLI JSON, the same shapes) use, so the same AWS
 * answers give the same facts and checks on either path.
 */
import type { InventoryApp, NodeFacts, PatchState, SourceStatus } from '../../../../shared/model';
import type { NodeIdentity } from './instanceInformation';
import { networkFactsOf, type Ec2Networking } from './network';

/** An optional source's outcome: `ok` with its answers by node id, or why there are none. */
export type SourceRead<T> = { status: 'ok'; value: T } | { status: Exclude<SourceStatus, 'ok'> };

export interface ScopeAnswers {
  accountId: string;
  region: string;
  patchStates: SourceRead<ReadonlyMap<string, PatchState>>;
  inventory: SourceRead<ReadonlyMap<string, InventoryApp[] | null>>;
  network: SourceRead<Ec2Networking>;
}

export function assembleNodeFacts(node: NodeIdentity, answers: ScopeAnswers): NodeFacts {
  const id = node.instanceId;
  const isEc2 = id.startsWith('i-');
  const { patchStates, inventory } = answers;
  const network = isEc2 && answers.network.status === 'ok' ? networkFactsOf(id, answers.network.value) : undefined;
  return {
    accountId: answers.accountId,
    region: answers.region,
    ...node,
    ...(patchStates.status === 'ok' ? { patchState: patchStates.value.get(id) ?? null } : {}),
    ...(inventory.status === 'ok' ? { inventory: inventory.value.get(id) ?? null } : {}),
    ...(network !== undefined && network !== 'unusable' ? { network } : {}),
    sources: {
      patchState: patchStates.status,
      inventory: inventory.status,
      network: !isEc2 ? 'not_collected' : network === 'unusable' ? 'error' : answers.network.status,
    },
  };
}
