/**
 * The terminal-text report format, beside the CSV one: one function per result kind, each
 * returning the text `patch-audit` prints. The host escapes each cell for its terminal (`cell`).
 */
export { deletedText, importText } from './changes';
export { comparisonText, editionChangesText } from './comparison';
export { figuresText } from './figures';
export { snapshotListText, snapshotText, type SnapshotSummaryText } from './snapshots';
export { type CellText } from './table';
export { trendsText } from './trends';
export { unmanagedText } from './unmanaged';
