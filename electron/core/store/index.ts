/**
 * The local history store (docs/design.md §6), sealed: the only import for code outside this folder
 * (lint and test/unit/boundaries.test.ts enforce it). The database handle is not exported; what
 * callers need of the data is a `Store` method or a function below.
 */
export { openStore } from './openStore';
export type { OpenStoreOptions, Store } from './openStore';
export type { Annotation } from './annotate';
export { SchemaTooNewError } from './migrations';
export { asDatabaseError, DatabaseError, fullMessage, SnapshotDamagedError } from './databaseErrors';
export type { DatabaseFault } from './databaseErrors';
export { InvalidSnapshotError } from './saveSnapshot';
export type { PackedSnapshotInput, SnapshotToSave } from './saveSnapshot';
export { SnapshotNodes } from './snapshotNodes';
export type { EvaluatedNode, NodeBatches } from './snapshotNodes';
export { SnapshotNotFoundError } from './loadSnapshotInput';
export { MAX_PAGE } from './queries';
export { reevaluate } from './reevaluate';
export type { Evaluate, EvaluateOptions, ReevaluateOptions } from './reevaluate';
export {
  ContentTooLargeError,
  DEFAULT_LIMITS,
  ExportTooLargeError,
  ExportUnimportableError,
  ImportError,
  exportSnapshots,
  importArchive,
  importSnapshots,
  readArchive,
  readArchiveHeader,
} from './archive';
export type { ArchiveLimits, ImportResult } from './archive';
export { ArchiveNodeFacts, ArchiveUnmanagedInstance, EXPORT_FORMAT, EXPORT_VERSION, MAX_SCAN_AGE_DAYS } from './archiveSchema';
export type { ArchiveSnapshot } from './archiveSchema';
export { spillSnapshot } from './spill';
export { capAtCurrentSize, probeWrites } from './writeProbe';
export type { WriteProbePoint } from './writeProbe';
export type * from './types';
