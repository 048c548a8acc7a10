/**
 * Joins AWS CLI outputs into NodeFacts, by instance id, through each source's `fromCliFiles` and
 * the one assembly the live audit uses. Kinds that were not given are "not collected", so the
 * checks that need them say `unknown` rather than guessing.
 */
import type { NodeFacts } from '../../../../shared/model';
import type { NodeSourceKey } from '../../../../shared/sources';
import { assembleNodeFacts, NODE_LIST, NODE_SOURCES, type SourceRead } from '../../audit/sources';
import type { AwsCliInput } from './awsCliFiles';

export interface AwsCliNodeFacts {
  facts: NodeFacts[];
  /** Why an optional source was left out (printed to stderr; the evaluation still runs). */
  notes: string[];
}

export function nodeFactsFromAwsCli(input: AwsCliInput): AwsCliNodeFacts {
  const notes: string[] = [...input.notes];
  const places = new Map<string, { accountId: string; region: string }>();
  const reads = new Map<NodeSourceKey, SourceRead<unknown>>();
  for (const source of NODE_SOURCES) {
    for (const [id, place] of source.fromCliFiles?.places?.(input.items) ?? []) places.set(id, place);
    reads.set(source.key, source.fromCliFiles?.read(input.items, notes) ?? { status: 'not_collected' });
  }
  const [kind] = Object.keys(NODE_LIST.fromCliFiles.kinds) as [string];
  const list = input.items.get(kind) ?? [];
  const facts = NODE_LIST.toFacts(list).map((node) =>
    assembleNodeFacts(node, { accountId: '', region: '', ...places.get(node.instanceId), reads }),
  );
  const unusable = list.length - facts.length;
  // The live audit drops these too: an id that is not an id cannot be matched, stored or exported.
  if (unusable > 0) {
    notes.push(
      `${unusable} node(s) left out: their InstanceId is not a managed node id (letters, digits and ._:/+@- only, at most 128 characters)`,
    );
  }
  return { facts, notes };
}
