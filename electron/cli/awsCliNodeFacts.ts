/**
 * Joins AWS CLI outputs into NodeFacts, by instance id. Kinds that were not given are "not collected",
 * so the checks that need them say `unknown` rather than guessing.
 *
 * The AWS CLI files carry no account or region for SSM records; both are taken from the EC2 data when
 * it is given (reservation OwnerId, the instance's availability zone), and are otherwise "".
 */
import type { NodeFacts } from '../../shared/model';
import { assembleNodeFacts, instancesById, inventoryById, nodeIdentities, patchDetails, patchStatesById, type SourceRead } from '../core';
import type { AwsCliInput } from './awsCliFiles';

/** The network rules need the instance, its route tables and the VPC's endpoints together. */
const NETWORK_KINDS = ['Reservations', 'RouteTables', 'VpcEndpoints'] as const;

type Ec2Instance = AwsCliInput['Reservations'][number]['Instances'][number];

function regionOf(availabilityZone: string | undefined): string {
  return /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)/.exec(availabilityZone ?? '')?.[1] ?? '';
}

export interface AwsCliNodeFacts {
  facts: NodeFacts[];
  /** Why an optional source was left out (printed to stderr; the evaluation still runs). */
  notes: string[];
}

export function nodeFactsFromAwsCli(input: AwsCliInput): AwsCliNodeFacts {
  const notes: string[] = [...input.notes];
  const owners = new Map<string, { instance: Ec2Instance; ownerId: string | undefined }>();
  for (const reservation of input.Reservations) {
    for (const instance of reservation.Instances) owners.set(instance.InstanceId, { instance, ownerId: reservation.OwnerId });
  }
  const givenNetworkKinds = NETWORK_KINDS.filter((kind) => input.kinds.has(kind));
  const networkComplete = givenNetworkKinds.length === NETWORK_KINDS.length;
  if (givenNetworkKinds.length > 0 && !networkComplete) {
    const missing = NETWORK_KINDS.filter((kind) => !input.kinds.has(kind));
    notes.push(`network checks need ${NETWORK_KINDS.join(', ')} together; missing ${missing.join(', ')}, so network checks are unknown`);
  }
  const read = <T>(given: boolean, value: () => T): SourceRead<T> =>
    given ? { status: 'ok', value: value() } : { status: 'not_collected' };
  const patchStates = read(input.kinds.has('InstancePatchStates'), () => patchStatesById(input.InstancePatchStates));
  const inventory = read(input.kinds.has('Entities'), () => inventoryById(input.Entities));
  const patches = read(
    input.kinds.has('Patches'),
    () => new Map(input.Patches.map((node) => [node.InstanceId, patchDetails(node.Patches)])),
  );
  const network = read(networkComplete, () => ({
    instances: instancesById(input.Reservations),
    routeTables: input.RouteTables,
    endpoints: input.VpcEndpoints,
  }));

  const facts = nodeIdentities(input.InstanceInformationList).map((node): NodeFacts => {
    const onEc2 = owners.get(node.instanceId);
    return assembleNodeFacts(node, {
      accountId: onEc2?.ownerId ?? '',
      region: regionOf(onEc2?.instance.Placement?.AvailabilityZone),
      patchStates,
      inventory,
      network,
      patches,
    });
  });
  const unusable = input.InstanceInformationList.length - facts.length;
  // The live audit drops these too: an id that is not an id cannot be matched, stored or exported.
  if (unusable > 0) {
    notes.push(
      `${unusable} node(s) left out: their InstanceId is not a managed node id (letters, digits and ._:/+@- only, at most 128 characters)`,
    );
  }
  return { facts, notes };
}
