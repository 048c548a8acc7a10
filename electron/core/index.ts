/**
 * The core's public entry for the CLI (docs/design.md §1): the core itself and the few host helpers
 * a terminal needs. The shells run the same core in its worker and reach it through ./host.ts.
 */
export { createCore } from './createCore';
export type { Core, CoreDeps } from './createCore';
export { requireCatalog, SnapshotMissingError, SnapshotSpilledError, UserFacingError } from './errors';
export { AuditFailed } from './audit/runAudit';
export {
  evaluateAwsCliFiles,
  INVENTORY_COMMAND,
  PATCHES_COMMAND,
  summarizeEvaluation,
  type AwsCliEvaluation,
  type EvaluatedNode,
} from './services/evaluate';
export type { AuditRunOptions, ImportOutcome, Services } from './services';
export { InvalidInputError, validInput, validRunOverrides } from './services/validate';
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
