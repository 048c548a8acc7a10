/**
 * Export snapshots to one portable file and import them back (docs/design.md §6).
 *
 * File: gzip of two lines. Line 1 is a JSON header (format, version, createdAt, toolVersion,
 * snapshot count, payload size and SHA-256); line 2 is the JSON payload `{snapshots: [...]}`.
 * `gunzip -c file | head -1` shows what a file is without reading it all.
 *
 * Import checks everything before it writes anything (size, gzip, header, shape, checksum, strict
 * schema, cross-references, consistency) in a worker thread with a memory limit, its work bounded
 * by a scan of the payload's shape as it inflates (archiveRead.ts, archiveShape.ts,
 * archiveConsistency.ts, archiveWorker.ts), then saves all snapshots here, in one transaction,
 * skipping content already present when asked (contentHash.ts): a bad file is refused with an
 * ImportError whose message is meant for the user, and the database is unchanged.
 */
import { createHash } from 'node:crypto';
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SnapshotInput } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import {
  ContentTooLargeError,
  ImportError,
  MAX_HEADER_BYTES,
  peekArchiveHeader,
  readArchiveContent,
  type PeekedHeader,
  type ValidatedArchive,
} from './archiveRead';
import { firstInconsistency } from './archiveConsistency';
import { ArchiveSnapshot, EXPORT_FORMAT, EXPORT_VERSION } from './archiveSchema';
import type { ArchiveHeader } from './archiveSchema';
import { readInWorker } from './archiveWorker';
import { contentHashOf } from './contentHash';
import { databaseOf } from './handle';
import type { Store } from './openStore';
import { SameContentFinder } from './sameContent';
import { InvalidSnapshotError } from './saveSnapshot';

export { ContentTooLargeError, ImportError };

export interface ArchiveLimits {
  /** Largest file accepted, in bytes (compressed). */
  maxFileBytes: number;
  /** Largest decompressed content accepted, in bytes. */
  maxContentBytes: number;
  /** Largest decompressed content accepted per byte of file. */
  maxExpansion: number;
  /** The import worker's heap (old generation): this many bytes per byte of content, plus WORKER_BASE_HEAP_MB. */
  heapPerContentByte: number;
  /** Content up to this size is read in the calling thread: it takes less time than starting a worker. */
  workerAboveBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Measured with test/fixtures/makeSnapshot.ts and the real rules engine (seed-2022): a real export
 * holds 5,779 bytes per node inflated and compresses 18.5:1 (1,000, 10,000 and 50,000 nodes: 5.78,
 * 57.8 and 289 MB). A simulated audit with its patch detail (issue 19: 3,000 nodes, 1,366 of them
 * with 15,599 missing, failed or pending-reboot patches) exports 6,639 bytes per node. The cap is one
 * 50,000-node audit at that size, the largest the app is built and benchmarked for, with a 1.3
 * margin for richer facts: 432 MB, rounded up to 416 MiB.
 * The expansion cap: a fleet whose nodes all failed to answer (ids and identical checks only)
 * compresses 146:1 and identical nodes 158:1, while a file of empty records reaches 1,000:1;
 * 256 lets the first through and stops a 120 KB bomb after 30 MB. An export that would compress
 * past it is stored uncompressed instead (`compress`), so the app never writes what it would refuse.
 * The worker's heap: validating the 57.8 MB export fails with 2 bytes of heap per byte of content
 * and passes with 3, the 289 MB one fails with 3 and passes with 4 (slowly, collecting garbage
 * all along); 6 leaves room for both, so a file at the cap gets 2.5 GB.
 */
const MAX_CONTENT_BYTES = 416 * MiB;
const WORKER_BASE_HEAP_MB = 64;
const WORKER_HEAP_PER_CONTENT_BYTE = 6;

export const DEFAULT_LIMITS: ArchiveLimits = {
  // An export stored uncompressed is its content plus 5 bytes of every 64 KiB block and the gzip frame.
  maxFileBytes: MAX_CONTENT_BYTES + MiB,
  maxContentBytes: MAX_CONTENT_BYTES,
  maxExpansion: 256,
  heapPerContentByte: WORKER_HEAP_PER_CONTENT_BYTE,
  // 1 MiB of real export (180 nodes) validates in 50–60 ms; a worker takes 90 ms to start from
  // the desktop bundle and 360 ms from sources, before it reads anything.
  workerAboveBytes: MiB,
};

export class ExportTooLargeError extends Error {
  override name = 'ExportTooLargeError';
}

/** A snapshot the import would refuse: nothing is written, as a file that does not restore is no backup. */
export class ExportUnimportableError extends Error {
  override name = 'ExportUnimportableError';
}

/**
 * Refuses, naming the snapshot, when `snapshot` would not pass the import's schema and consistency
 * check. Stored text is migrated to the import's rule (migrations.ts v10), so this should never
 * fire; it keeps a later mismatch between what is stored and what imports from producing backups
 * that do not restore.
 */
function requireImportable(snapshot: ArchiveSnapshot): void {
  const parsed = ArchiveSnapshot.safeParse(snapshot);
  const problem = parsed.success
    ? firstInconsistency(parsed.data)
    : parsed.error.issues
        .slice(0, 1)
        .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
        .join('');
  if (problem) {
    throw new ExportUnimportableError(
      `Snapshot #${snapshot.id} cannot be exported: its import would refuse it (${problem}). Nothing was written.`,
    );
  }
}

const withDefaults = (limits: Partial<ArchiveLimits> = {}): ArchiveLimits => ({ ...DEFAULT_LIMITS, ...limits });

/** The most a file of `fileBytes` may inflate to. */
const contentCap = (fileBytes: number, limits: ArchiveLimits) =>
  Math.min(limits.maxContentBytes, Math.floor(fileBytes * limits.maxExpansion));

/** gzip, stored uncompressed when it would compress past what import accepts, or refused when even that is too large. */
function compress(content: Buffer, limits: ArchiveLimits): Buffer {
  const packed = gzipSync(content);
  const body = content.length <= contentCap(packed.length, limits) ? packed : gzipSync(content, { level: 0 });
  if (body.length > limits.maxFileBytes || content.length > contentCap(body.length, limits)) {
    throw new ExportTooLargeError(
      `These snapshots are too large for one export file (limit ${limits.maxFileBytes} bytes); export fewer at a time.`,
    );
  }
  return body;
}

export function exportSnapshots(
  store: Store,
  ids: readonly number[],
  file: string,
  opts: { clock?: () => Date; limits?: Partial<ArchiveLimits> } = {},
): void {
  const limits = withDefaults(opts.limits);
  const clock = opts.clock ?? store.clock;
  const snapshots: ArchiveSnapshot[] = ids.map((id) => {
    const { meta, input } = store.loadSnapshotInput(id);
    const snapshot: ArchiveSnapshot = { id: meta.id, savedAt: meta.savedAt, ...input };
    requireImportable(snapshot);
    return snapshot;
  });
  let json: string;
  try {
    json = JSON.stringify({ snapshots });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    json = '';
  }
  const payload = Buffer.from(json, 'utf8');
  // A file import would refuse is worse than no file: say so now.
  if (!json || payload.length + MAX_HEADER_BYTES > limits.maxContentBytes) {
    throw new ExportTooLargeError(
      `These snapshots are too large for one export file (limit ${limits.maxContentBytes} bytes uncompressed); export fewer at a time.`,
    );
  }
  const header: ArchiveHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    createdAt: clock().toISOString(),
    toolVersion: TOOL_VERSION,
    snapshots: snapshots.length,
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
  const body = compress(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]), limits);
  // Written beside the target and renamed, so an interrupted export never leaves half a file
  // under the requested name; owner-only, as it holds client data.
  const tmp = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(tmp, body, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The header of an export file, read and checked without inflating more than its line. */
export async function readArchiveHeader(file: string, limits: Partial<ArchiveLimits> = {}): Promise<ArchiveHeader> {
  return (await peekWithinLimits(file, withDefaults(limits))).header;
}

async function peekWithinLimits(file: string, limits: ArchiveLimits): Promise<PeekedHeader> {
  const peeked = await peekArchiveHeader(file, limits.maxFileBytes);
  const cap = contentCap(peeked.fileBytes, limits);
  if (peeked.contentBytes > cap) {
    throw new ContentTooLargeError(
      `The file expands to ${peeked.contentBytes} bytes, more than the ${cap} bytes an export of ${peeked.fileBytes} bytes may hold; it was refused.`,
      cap,
      peeked.inflatedBytes,
    );
  }
  return peeked;
}

/**
 * Validates a whole export file without touching any database, in a worker thread (see
 * archiveWorker.ts) whose heap is sized from the content the header announces, which the
 * worker never inflates much past; a small file, in this thread.
 */
export async function readArchive(file: string, limits: Partial<ArchiveLimits> = {}): Promise<ValidatedArchive> {
  const all = withDefaults(limits);
  const { contentBytes } = await peekWithinLimits(file, all);
  if (contentBytes <= all.workerAboveBytes) return readArchiveContent(file, contentBytes);
  const heapMb = WORKER_BASE_HEAP_MB + Math.ceil((contentBytes * all.heapPerContentByte) / MiB);
  return readInWorker({ file, announcedBytes: contentBytes }, { heapMb });
}

export interface ImportResult {
  /** One id per snapshot of the file, in file order: the new snapshot's, or the one with the same content. */
  ids: number[];
  /** Snapshots this import added, in file order, each once. */
  added: number[];
  /** Snapshots that were here before this import and that the file held again (same content), each once. */
  alreadyPresent: number[];
  /** Snapshots this import added that the file held more than once: each copy after the first was skipped. */
  repeatedInFile: number[];
}

/**
 * Imports every snapshot of an export file in one transaction. `derivedFrom` is re-linked when the
 * source snapshot is in the same file and dropped otherwise (the exporting database's ids mean
 * nothing here). With `skipDuplicates`, a snapshot whose content (contentHash.ts) is already in
 * the database, or earlier in the same file, is not saved again and the existing id stands in, so
 * derived snapshots in the file still link to it; different content is always saved.
 */
export async function importArchive(
  store: Store,
  file: string,
  options: { skipDuplicates?: boolean; limits?: Partial<ArchiveLimits> } = {},
): Promise<ImportResult> {
  const { snapshots } = await readArchive(file, options.limits);
  // A source is always older (smaller id) than what was derived from it: ascending ids
  // save every source before the snapshots that point at it.
  const order = [...snapshots].sort((a, b) => a.id - b.id);
  // Hashed before the write transaction, which holds the database only for the lookups and saves.
  const hashes = options.skipDuplicates ? contentHashesInFile(order) : undefined;
  const added = new Set<number>();
  const alreadyPresent = new Set<number>();
  const repeatedInFile = new Set<number>();
  const db = databaseOf(store);
  // The file's name only: a folder of this machine has no place in a list a client may see.
  const markImported = db.prepare('UPDATE snapshot SET imported_from = ?, imported_at = ? WHERE id = ?');
  const importedAt = store.clock().toISOString();
  try {
    const ids = db.transaction(() => {
      const newIds = new Map<number, number>();
      const sameContent = new SameContentFinder(store);
      for (const s of order) {
        const input = inputOf(s, newIds);
        const hash = hashes?.get(s.id);
        const existing = hash === undefined ? undefined : sameContent.find(input, hash);
        if (existing === undefined) {
          const saved = store.saveSnapshot(input);
          markImported.run(basename(file), importedAt, saved);
          if (hash !== undefined) sameContent.remember(saved, hash);
          added.add(saved);
          newIds.set(s.id, saved);
        } else {
          (added.has(existing) ? repeatedInFile : alreadyPresent).add(existing);
          newIds.set(s.id, existing);
        }
      }
      return snapshots.map((s) => newIds.get(s.id) ?? 0);
    })();
    const addedInFileOrder = [...new Set(ids.filter((id) => added.has(id)))];
    return { ids, added: addedInFileOrder, alreadyPresent: [...alreadyPresent], repeatedInFile: [...repeatedInFile] };
  } catch (err) {
    if (err instanceof InvalidSnapshotError) throw new ImportError(`The export contains an inconsistent snapshot: ${err.message}.`);
    throw err;
  }
}

/** A snapshot of the file as it is saved here: `derivedFrom` re-linked through `newIds` (file id → id here) or dropped. */
function inputOf(s: ArchiveSnapshot, newIds: ReadonlyMap<number, number>): SnapshotInput {
  const { id: _id, savedAt: _savedAt, derivedFrom, ...rest } = s;
  const input: SnapshotInput = { ...rest };
  const source = derivedFrom === undefined ? undefined : newIds.get(derivedFrom);
  if (source !== undefined) input.derivedFrom = source;
  return input;
}

/** The content hash of each snapshot of the file (by file id), in ascending id order, as `importArchive` saves them. */
function contentHashesInFile(order: readonly ArchiveSnapshot[]): Map<number, string> {
  const hashes = new Map<number, string>();
  for (const s of order) {
    const { id, savedAt: _savedAt, derivedFrom, ...content } = s;
    hashes.set(id, contentHashOf(content, derivedFrom === undefined ? undefined : hashes.get(derivedFrom)));
  }
  return hashes;
}

/** Imports every snapshot of an export file, duplicates included (see `importArchive`). */
export async function importSnapshots(store: Store, file: string, limits: Partial<ArchiveLimits> = {}): Promise<number[]> {
  return (await importArchive(store, file, { limits })).ids;
}
