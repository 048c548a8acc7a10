/**
 * The core's public entry for the CLI (docs/design.md §1): the core itself and the few host helpers
 * a terminal needs. The shells run the same core in its worker and reach it through ./host.ts.
 */
export { createCore } from './createCore';
export type { Core, CoreDeps } from './createCore';
export { requireCatalog, SnapshotMissingError, SnapshotSpilledError, UserFacingError } from './errors';
export { AuditFailed } from './audit/runAudit';
export { auditSummaryText, failureDocument, outcomeDocument, spilledDocument } from './services/auditDocuments';
export { COLLECT_COMMANDS, evaluateAwsCliFiles, evaluationText } from './services/evaluate';
export type { AuditRunOptions, ImportOutcome, Services } from './services';
export { validInput, validRunOverrides } from './services/validate';
export { defaultDataDir, defaultDbPath } from './paths';
export { writePrivateFile } from './files';
export { browserNotFoundMessage, ChromiumNotFound, findBrowser } from './report/launchChromium';
export { lazyChromiumPrinter, withChromiumPrinter } from './report/chromiumPrinter';
export type { CsvKind, Paper } from './report';
export { comparisonText, editionChangesText, figuresText, snapshotListText, snapshotText, trendsText } from './report/text';
export { runDemo } from './demo/runDemo';
export { DEFAULT_FLEET_REGIONS, SimOptionError, simulatorOptions, simulatorWelcome, startSimulator } from './sim';
export type { SimTextOptions } from './sim';
export { DatabaseError, SnapshotDamagedError } from './store';
export type { SnapshotMeta, TrendQuery } from './store';
