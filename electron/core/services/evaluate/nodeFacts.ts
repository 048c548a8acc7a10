/**
 * Joins AWS CLI outputs into NodeFacts, by instance id, through each source's `fromCliFiles` and
 * the one assembly the live audit uses. Kinds that were not given are "not collected", so the
 * checks that need them say `unknown` rather than guessing.
 */
import { causesOf, type UnmanagedRow } from '../../../../shared/ec2Coverage';
import type { NodeFacts } from '../../../../shared/model';
import type { NodeSourceKey } from '../../../../shared/sources';
import {
  assembleNodeFacts,
  hostManagement,
  hostManagementIn,
  instanceRoles,
  NODE_LIST,
  NODE_SOURCES,
  placed,
  placesOfInstances,
  scopeCoverage,
  type CoverageReads,
  type SourceRead,
} from '../../audit/sources';
import type { AwsCliInput } from './awsCliFiles';

export interface AwsCliNodeFacts {
  facts: NodeFacts[];
  /** The EC2 instances the files list that are no node of the node list, with their causes (issue 30); absent without `describe-instances`. */
  unmanaged?: UnmanagedRow[];
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
  const unmanaged = unmanagedRows(
    {
      network: reads.get('network') as CoverageReads['network'],
      hostManagement: hostManagement.fromCliFiles!.read(input.items, notes),
      instanceRoles: instanceRoles.fromCliFiles!.read(input.items, notes),
      nodeIds: new Set(facts.map((node) => node.instanceId)),
    },
    placesOfInstances(input.items),
  );
  const unusable = list.length - facts.length;
  // The live audit drops these too: an id that is not an id cannot be matched, stored or exported.
  if (unusable > 0) {
    notes.push(
      `${unusable} node(s) left out: their InstanceId is not a managed node id (letters, digits and ._:/+@- only, at most 128 characters)`,
    );
  }
  return { facts, ...(unmanaged ? { unmanaged } : {}), notes };
}

/** Through the audit's one translation; each instance placed by its reservation and zone, its host management by its place. */
function unmanagedRows(
  reads: CoverageReads,
  places: ReadonlyMap<string, { accountId: string; region: string }>,
): UnmanagedRow[] | undefined {
  const nowhere = { accountId: '', region: '' };
  const { coverage, unmanaged } = scopeCoverage(reads, nowhere);
  if (!coverage) return undefined;
  return unmanaged.flatMap((instance) => {
    const place = places.get(instance.instanceId) ?? nowhere;
    const hostManagement = hostManagementIn(reads.hostManagement, place);
    return placed([instance], place).map((row) => ({ ...row, hostManagement, ...causesOf(instance, hostManagement) }));
  });
}
