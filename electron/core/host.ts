/**
 * The core's public entry for the shells (electron/main, electron/webhost; docs/design.md §1):
 * what a host needs around a core that runs in its worker — starting that worker, the printers,
 * the host's files and log, the data folder's paths, the errors it shows as they are, the safe
 * external link. The CLI builds the core in its own thread through ./index.ts.
 *
 * Light on purpose: the desktop shell bundles this entry, so nothing here may pull in the store,
 * SQLite, the AWS SDK or playwright-core (the worker's bundle, coreWorker.cjs, carries those; the
 * web host takes its Chromium printer from ./chromium.ts).
 */
export { startCoreWorker, type CoreWorker } from './worker/startCoreWorker';
export type { Core } from './createCore';
export type { Dispatch } from './dispatch';
export { UserFacingError } from './errors';
export type { HostFiles, SaveKind, SaveTarget } from './files';
export { createFileLog, type Log } from './log';
export { DB_FILE, defaultDataDir, SNAPSHOT_EXTENSION } from './paths';
export { PAGE_MARGINS_MM, type PrintOptions, type Printer } from './report/printer';
export { safeExternalUrl } from './security/externalUrl';
