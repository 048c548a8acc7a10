/**
 * The one registry of AWS sources (docs/design.md §5): each source described in shared/sources.ts
 * has its module here, or the registry does not compile. The order is the description's.
 */
import { NODE_SOURCE_KEYS, SOURCE_KEYS, type NodeSourceKey, type SourceKey } from '../../../../shared/sources';
import { hostManagement } from './hostManagement';
import { instanceInformation } from './instanceInformation';
import { instancePatches } from './instancePatches';
import { instanceRoles } from './instanceRoles';
import { inventory } from './inventory';
import { maintenanceWindows } from './maintenanceWindows';
import { network } from './network';
import { patchAssociations } from './patchAssociations';
import { patchBaselines } from './patchBaselines';
import { patchGroups } from './patchGroups';
import { patchStates } from './patchStates';
import type { CoverageSourceModule, NodeSourceModule, SetupSourceModule } from './source';

/** The sources of what stops an unmanaged EC2 instance from being managed; coverage.ts translates them. */
const COVERAGE_SOURCE_KEYS = ['hostManagement', 'instanceRoles'] as const satisfies readonly SourceKey[];
type CoverageSourceKey = (typeof COVERAGE_SOURCE_KEYS)[number];
type SetupSourceKey = Exclude<SourceKey, NodeSourceKey | CoverageSourceKey | 'instanceInformation'>;
type Registry = { readonly instanceInformation: typeof instanceInformation } & {
  readonly [K in NodeSourceKey]: NodeSourceModule<K>;
} & { readonly [K in SetupSourceKey]: SetupSourceModule<K> } & {
  readonly hostManagement: typeof hostManagement;
  readonly instanceRoles: typeof instanceRoles;
};

const SOURCE_MODULES: Registry = {
  instanceInformation,
  patchState: patchStates,
  patches: instancePatches,
  inventory,
  network,
  patchBaselines,
  patchGroups,
  patchAssociations,
  maintenanceWindows,
  hostManagement,
  instanceRoles,
};

export type OptionalSourceModule = NodeSourceModule | SetupSourceModule | CoverageSourceModule;

/** The required source: the node list, which the scheduler pages through and the others start from. */
export const NODE_LIST = SOURCE_MODULES.instanceInformation;

const isNodeSource = (key: SourceKey): key is NodeSourceKey => (NODE_SOURCE_KEYS as readonly SourceKey[]).includes(key);

/** Every optional source, in the order they are described. */
export const OPTIONAL_SOURCES: readonly OptionalSourceModule[] = SOURCE_KEYS.filter((key) => key !== 'instanceInformation').map(
  (key) => SOURCE_MODULES[key],
);

/**
 * The optional sources in the order a page holding a node starts them: what every scope needs,
 * then what only some nodes' kind needs, then the page's batches. The order calls leave in
 * decides which takes the first of a throttled action's tokens; it is the order of the scheduler
 * before the registry.
 */
export const START_ORDER: readonly OptionalSourceModule[] = [...OPTIONAL_SOURCES].sort((a, b) => startRank(a) - startRank(b));

function startRank({ dependsOn }: OptionalSourceModule): number {
  if (dependsOn.on === 'nodes') return dependsOn.wants ? 1 : 0;
  return dependsOn.on === 'scope' ? 1 : 2;
}

/** The sources of each node's facts, in the order the facts hold them. */
export const NODE_SOURCES: readonly NodeSourceModule[] = NODE_SOURCE_KEYS.map((key) => SOURCE_MODULES[key]);

export const isSetupSourceModule = (module: OptionalSourceModule): module is SetupSourceModule =>
  !isNodeSource(module.key) && !(COVERAGE_SOURCE_KEYS as readonly SourceKey[]).includes(module.key);

/** The sources `evaluate` reads files of: the node list's, each node source's, then the coverage sources'. */
export const CLI_SOURCES = [NODE_LIST, ...NODE_SOURCES, SOURCE_MODULES.hostManagement, SOURCE_MODULES.instanceRoles] as const;
