/**
 * A node's facts from its sources' reads: the one assembly both the live audit (SDK pages) and
 * `patch-audit evaluate` (AWS CLI JSON, the same shapes) use, so the same AWS answers give the
 * same facts and checks on either path.
 */
import type { NodeFacts, SourceStatus } from '../../../../shared/model';
import type { NodeSourceKey } from '../../../../shared/sources';
import type { NodeIdentity } from './instanceInformation';
import { NODE_SOURCES } from './registry';
import type { SourceRead } from './source';

export interface ScopeAnswers {
  accountId: string;
  region: string;
  /** Each node source's read; a source absent here was not collected. */
  reads: ReadonlyMap<NodeSourceKey, SourceRead<unknown>>;
}

const NOT_COLLECTED: SourceRead<never> = { status: 'not_collected' };

export function assembleNodeFacts(node: NodeIdentity, answers: ScopeAnswers): NodeFacts {
  let facts: Partial<NodeFacts> = { accountId: answers.accountId, region: answers.region, ...node };
  const sources: Partial<Record<NodeSourceKey, SourceStatus>> = {};
  // In the facts' order: a source's share may depend on an earlier one's (the patch detail on the patch state).
  for (const source of NODE_SOURCES) {
    const { status, ...share } = source.toFacts(node, answers.reads.get(source.key) ?? NOT_COLLECTED, facts);
    facts = { ...facts, ...share };
    sources[source.key] = status;
  }
  return { ...facts, sources } as NodeFacts;
}
