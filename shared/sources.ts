/**
 * The AWS sources an audit reads, described once (docs/design.md §5). The core registry
 * (electron/core/audit/sources/registry.ts) holds one module per entry and is typed against
 * this list, so a source without its module does not compile. Everything else that names
 * sources derives from here: the gaps and their order, the `sources` of NodeFacts, the export
 * file's schema, the history's source errors, the messages' call names, and the IAM policy is tested against it.
 *
 * The keys and gap names are stored (facts, scopes' gaps and gap errors, export files): they
 * never change, or old snapshots and exports would no longer read.
 */
import type { z } from 'zod';

export interface SourceDescriptor {
  /** The IAM actions its calls need. */
  readonly actions: readonly string[];
  /** What a scope records when the source could not be read: the key of its `gapErrors`. */
  readonly gap: string;
  /** Required: without it the scope fails. Optional: the scope records the gap and goes on. */
  readonly required: boolean;
  /** For a source of the scope's patching setup: the count it gives (`ScopeResult.patching`), stored under this name. */
  readonly setupFact?: string;
}

/** Every source, in the order they are described: a scope lists its gaps in this order. */
export const SOURCES = {
  instanceInformation: {
    actions: ['ssm:DescribeInstanceInformation'],
    gap: 'ssm:DescribeInstanceInformation',
    required: true,
  },
  patchState: {
    actions: ['ssm:DescribeInstancePatchStates'],
    gap: 'ssm:DescribeInstancePatchStates',
    required: false,
  },
  patches: {
    actions: ['ssm:DescribeInstancePatches'],
    gap: 'ssm:DescribeInstancePatches',
    required: false,
  },
  inventory: {
    actions: ['ssm:GetInventory'],
    gap: 'ssm:GetInventory',
    required: false,
  },
  network: {
    actions: ['ec2:DescribeInstances', 'ec2:DescribeRouteTables', 'ec2:DescribeVpcEndpoints'],
    gap: 'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints',
    required: false,
  },
  patchBaselines: {
    actions: ['ssm:DescribePatchBaselines'],
    gap: 'ssm:DescribePatchBaselines',
    required: false,
    setupFact: 'baselines',
  },
  patchGroups: {
    actions: ['ssm:DescribePatchGroups'],
    gap: 'ssm:DescribePatchGroups',
    required: false,
    setupFact: 'patchGroups',
  },
  patchAssociations: {
    actions: ['ssm:ListAssociations'],
    gap: 'ssm:ListAssociations',
    required: false,
    setupFact: 'patchAssociations',
  },
  // Both calls are named: a role allowed the windows but not their tasks must be told which to grant.
  maintenanceWindows: {
    actions: ['ssm:DescribeMaintenanceWindows', 'ssm:DescribeMaintenanceWindowTasks'],
    gap: 'ssm:DescribeMaintenanceWindows/DescribeMaintenanceWindowTasks',
    required: false,
    setupFact: 'patchMaintenanceWindows',
  },
  // Issue 30: read only for the EC2 instances that are not managed nodes (`network` lists them).
  hostManagement: {
    actions: ['ssm:GetServiceSetting'],
    gap: 'ssm:GetServiceSetting',
    required: false,
  },
  // IAM, which the policy grants in a statement of its own: a client may well refuse it.
  instanceRoles: {
    actions: ['iam:GetInstanceProfile', 'iam:ListAttachedRolePolicies'],
    gap: 'iam:GetInstanceProfile/ListAttachedRolePolicies',
    required: false,
  },
} as const satisfies Record<string, SourceDescriptor>;

export type SourceKey = keyof typeof SOURCES;
export const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];

/**
 * The sources each node records a status for (`NodeFacts.sources`), in the order stored facts
 * hold them: content hashes of facts (store/codec.ts) depend on that order, so a new node
 * source is appended here, never inserted.
 */
export const NODE_SOURCE_KEYS = ['patchState', 'inventory', 'network', 'patches'] as const satisfies readonly SourceKey[];
export type NodeSourceKey = (typeof NODE_SOURCE_KEYS)[number];

/** Node sources added after the first release: snapshots saved before lack their status (patches: issue 19). */
const LATER_NODE_SOURCES = ['patches'] as const satisfies readonly NodeSourceKey[];
type LaterNodeSource = (typeof LATER_NODE_SOURCES)[number];

/** The shape of `NodeFacts.sources` over a status schema: every node source, the later ones optional. */
export function nodeSourcesShape<S extends z.ZodType>(
  status: S,
): { [K in NodeSourceKey]: K extends LaterNodeSource ? z.ZodOptional<S> : S } {
  return Object.fromEntries(
    NODE_SOURCE_KEYS.map((key) => [key, (LATER_NODE_SOURCES as readonly NodeSourceKey[]).includes(key) ? status.optional() : status]),
  ) as { [K in NodeSourceKey]: K extends LaterNodeSource ? z.ZodOptional<S> : S };
}

type SetupFacts = { [K in SourceKey]: (typeof SOURCES)[K] extends { setupFact: infer F extends string } ? F : never }[SourceKey];

/** The shape of `ScopeResult.patching` over a count schema: each setup source's count, absent when it was not read. */
export function patchingSetupShape<S extends z.ZodType>(count: S): { [F in SetupFacts]: z.ZodOptional<S> } {
  const facts = SOURCE_KEYS.flatMap((key) => {
    const source: SourceDescriptor = SOURCES[key];
    return source.setupFact ? [source.setupFact] : [];
  });
  return Object.fromEntries(facts.map((fact) => [fact, count.optional()])) as { [F in SetupFacts]: z.ZodOptional<S> };
}
