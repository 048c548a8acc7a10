/**
 * The core's public entry for hosts outside it (the CLI; docs/design.md §1): the core itself and
 * the few host helpers a terminal needs. The desktop shell and the web host build the same core.
 */
export { createCore } from './createCore';
export type { Core, CoreDeps } from './createCore';
export { requireCatalog, SnapshotMissingError, SnapshotSpilledError, UserFacingError } from './errors';
export { AuditFailed } from './audit/runAudit';
export {
  APPLICATION_TYPE,
  assembleNodeFacts,
  INVENTORY_FILTER,
  instancesById,
  inventoryById,
  nodeIdentities,
  PATCH_DETAIL_FILTER,
  patchDetails,
  patchStatesById,
  type SourceRead,
} from './audit/sources';
export type { AuditRunOptions, ImportOutcome, Services } from './services';
export { validInput, validRunOverrides } from './services/validate';
export { defaultDataDir, defaultDbPath } from './paths';
export { writePrivateFile } from './files';
export { browserNotFoundMessage, ChromiumNotFound, findBrowser } from './report/launchChromium';
export { lazyChromiumPrinter, withChromiumPrinter } from './report/chromiumPrinter';
export type { CsvKind, Paper } from './report';
export { labelsFor } from './report/labels';
export { runDemo } from './demo/runDemo';
export { DEFAULT_FLEET_REGIONS, startSimulator } from './sim';
export type { FaultRule } from './sim';
export { DatabaseError, SnapshotDamagedError } from './store';
export type { SnapshotMeta, TrendQuery } from './store';
