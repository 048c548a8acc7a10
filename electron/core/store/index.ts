/** The local history store (DESIGN §6): one import for the app, the audit runner and the CLI. */
export { openStore, versionKey } from './openStore';
export type { OpenStoreOptions, Store } from './openStore';
export { SchemaTooNewError, SCHEMA_VERSION } from './migrations';
export { InvalidSnapshotError, PACK_BATCH_NODES, packNodes } from './saveSnapshot';
export type { PackedNodes, PackedSnapshotInput, SnapshotToSave } from './saveSnapshot';
export { SnapshotNotFoundError } from './loadSnapshotInput';
export { reevaluate } from './reevaluate';
export type { Evaluate, EvaluateOptions, ReevaluateOptions } from './reevaluate';
export { DEFAULT_LIMITS, ExportTooLargeError, ImportError, exportSnapshots, importArchive, importSnapshots, readArchive } from './archive';
export type { ImportResult } from './archive';
export type { ArchiveLimits } from './archive';
export type * from './types';
