/**
 * The core's public entry for the CLI (docs/design.md §1): the core itself and the few host helpers
 * a terminal needs. The shells run the same core in its worker and reach it through ./host.ts.
 */
export { createCore } from './createCore';
export type { Core } from './createCore';
export { requireCatalog, UserFacingError } from './errors';
export { auditErrorReport, auditSummaryText, outcomeDocument } from './services/auditDocuments';
export { COLLECT_COMMANDS, evaluateAwsCliFiles, evaluationText } from './services/evaluate';
export { snapshotSummary, snapshotSummaryDocument } from './services/snapshotSummary';
export type { Services } from './services';
export { InvalidInputError, validInput, validRunOverrides } from './services/validate';
export { defaultDataDir, defaultDbPath } from './paths';
export { ChromiumNotFound, findBrowser } from './report/launchChromium';
export { lazyChromiumPrinter, withChromiumPrinter } from './report/chromiumPrinter';
export type { Paper } from './report';
export {
  comparisonText,
  deletedText,
  editionChangesText,
  figuresText,
  importText,
  snapshotListText,
  snapshotText,
  trendsText,
  unmanagedText,
} from './report/text';
export { runDemo } from './demo/runDemo';
export { demoText } from './demo/demoText';
export { DEFAULT_FLEET_REGIONS, SimOptionError, simulatorOptions, simulatorWelcome, startSimulator } from './sim';
export type { SimTextOptions } from './sim';
export { DatabaseError } from './store';
export type { TrendQuery } from './store';
