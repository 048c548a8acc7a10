/**
 * A node's facts from its sources' translated answers: the one assembly both the live audit
 * (SDK pages) and `patch-audit evaluate` (AWS CLI JSON, the same shapes) use, so the same AWS
 * answers give the same facts and checks on either path.
 */
import type { InventoryApp, NodeFacts, PatchDetail, PatchState, SourceStatus } from '../../../../shared/model';
import { needsPatchDetail } from './instancePatches';
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
  /** Patch detail of the nodes that needed it; absent when the source was not read at all. */
  patches?: SourceRead<ReadonlyMap<string, PatchDetail[]>>;
}

/**
 * What is known of a node's patches: none when its patch state counts none (no call was needed),
 * else the detail read for it, or why there is none.
 */
function patchesOf(
  id: string,
  patchState: NodeFacts['patchState'],
  answers: ScopeAnswers,
): Pick<NodeFacts, 'patches'> & { status: SourceStatus } {
  if (patchState === undefined || patchState === null) return { status: 'not_collected' };
  if (!needsPatchDetail(patchState)) return { patches: [], status: 'ok' };
  const read = answers.patches;
  if (!read) return { status: 'not_collected' };
  if (read.status !== 'ok') return { status: read.status };
  const patches = read.value.get(id);
  return patches ? { patches, status: 'ok' } : { status: 'not_collected' };
}

export function assembleNodeFacts(node: NodeIdentity, answers: ScopeAnswers): NodeFacts {
  const id = node.instanceId;
  const isEc2 = id.startsWith('i-');
  const { patchStates, inventory } = answers;
  const network = isEc2 && answers.network.status === 'ok' ? networkFactsOf(id, answers.network.value) : undefined;
  const patchState = patchStates.status === 'ok' ? (patchStates.value.get(id) ?? null) : undefined;
  const { status: patchesStatus, ...patches } = patchesOf(id, patchState, answers);
  return {
    accountId: answers.accountId,
    region: answers.region,
    ...node,
    ...(patchState !== undefined ? { patchState } : {}),
    ...(inventory.status === 'ok' ? { inventory: inventory.value.get(id) ?? null } : {}),
    ...(network !== undefined && network !== 'unusable' ? { network } : {}),
    ...patches,
    sources: {
      patchState: patchStates.status,
      inventory: inventory.status,
      network: !isEc2 ? 'not_collected' : network === 'unusable' ? 'error' : answers.network.status,
      patches: patchesStatus,
    },
  };
}
