/**
 * One module per AWS source (docs/design.md §5), registered in registry.ts: its calls, what
 * `patch-audit evaluate` reads of it from AWS CLI files, and the one translation of its answers.
 */
export { NODE_PAGE, type NodeIdentity } from './instanceInformation';
export { INVENTORY_COMMAND, INVENTORY_FILTER } from './inventory';
export { PATCH_DETAIL_FILTER, PATCHES_COMMAND } from './instancePatches';
export { assembleNodeFacts } from './nodeFacts';
export { placed, scopeCoverage, type CoverageReads } from './coverage';
export { hostManagement, hostManagementIn } from './hostManagement';
export { instanceRoles } from './instanceRoles';
export { placesOfInstances } from './network';
export {
  CLI_SOURCES,
  isSetupSourceModule,
  NODE_LIST,
  NODE_SOURCES,
  OPTIONAL_SOURCES,
  START_ORDER,
  type OptionalSourceModule,
} from './registry';
export { unmanagedOf, type Ec2Networking } from './network';
export { AccountCache, settleAll, type CliFileKind, type PatchingSetup, type SourceContext, type SourceRead } from './source';
