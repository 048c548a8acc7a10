/**
 * Export snapshots to one portable file and import them back (docs/design.md §6).
 *
 * File: gzip of two lines. Line 1 is a JSON header (format, version, createdAt, toolVersion,
 * snapshot count, payload size and SHA-256); line 2 is the JSON payload `{snapshots: [...]}`.
 * `gunzip -c file | head -1` shows what a file is without reading it all.
 *
 * Import checks everything before it writes anything (size, gzip, header, checksum, strict
 * schema, cross-references) and then saves all snapshots in one transaction: a bad file is
 * refused with an ImportError whose message is meant for the user, and the database is unchanged.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { SnapshotInput } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { ArchiveHeader, ArchivePayload, EXPORT_FORMAT, EXPORT_VERSION, MAX_NODES_PER_SNAPSHOT } from './archiveSchema';
import type { ArchiveSnapshot } from './archiveSchema';
import { databaseOf } from './handle';
import type { Store } from './openStore';
import { InvalidSnapshotError } from './saveSnapshot';

export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ArchiveLimits {
  /** Largest file accepted, in bytes (compressed). */
  maxFileBytes: number;
  /** Largest decompressed content accepted, in bytes; stays below V8's string limit. */
  maxContentBytes: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = { maxFileBytes: 256 * 1024 * 1024, maxContentBytes: 480 * 1024 * 1024 };

const MAX_HEADER_BYTES = 4096;
/** Keys that would reach an object's prototype if any code ever merged parsed data by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ExportTooLargeError extends Error {
  override name = 'ExportTooLargeError';
}

export function exportSnapshots(
  store: Store,
  ids: readonly number[],
  file: string,
  opts: { clock?: () => Date; limits?: ArchiveLimits } = {},
): void {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const clock = opts.clock ?? store.clock;
  const snapshots: ArchiveSnapshot[] = ids.map((id) => {
    const { meta, input } = store.loadSnapshotInput(id);
    return { id: meta.id, savedAt: meta.savedAt, ...input };
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
  const body = gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]));
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

function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map(
    (i) =>
      `  ${
        i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '') || '(top level)'
      }: ${i.message}`,
  );
  const more = error.issues.length > 5 ? `\n  … and ${error.issues.length - 5} more problems` : '';
  return `${lines.join('\n')}${more}`;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text, (k, v: unknown) => {
      if (FORBIDDEN_KEYS.has(k)) throw new ImportError(`The ${what} contains the forbidden key "${k}"; the file was refused.`);
      return v;
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`The ${what} is not valid JSON (${(err as Error).message}); the file may be damaged.`);
  }
}

function readContent(file: string, limits: ArchiveLimits): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ImportError(`Cannot read ${file}: the file does not exist or is not accessible.`);
  }
  if (size > limits.maxFileBytes)
    throw new ImportError(`The file is ${size} bytes, more than the ${limits.maxFileBytes} bytes an export may have.`);
  const gz = readFileSync(file);
  if (gz.length < 2 || gz[0] !== 0x1f || gz[1] !== 0x8b)
    throw new ImportError('This is not a Patch Auditor export: it is not a gzip file.');
  try {
    return gunzipSync(gz, { maxOutputLength: limits.maxContentBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImportError(`The file expands to more than ${limits.maxContentBytes} bytes, more than an export may hold; it was refused.`);
    }
    throw new ImportError(`The file is damaged or truncated: it cannot be decompressed (${(err as Error).message}).`);
  }
}

/** Validates a whole export file without touching any database. */
export function readArchive(file: string, limits: ArchiveLimits = DEFAULT_LIMITS): { header: ArchiveHeader; snapshots: ArchiveSnapshot[] } {
  const content = readContent(file, limits);
  const nl = content.indexOf(0x0a);
  if (nl < 0 || nl > MAX_HEADER_BYTES) throw new ImportError('This is not a Patch Auditor export: it has no header line.');
  const rawHeader = parseJson(content.subarray(0, nl).toString('utf8'), 'header');
  const fmt = rawHeader !== null && typeof rawHeader === 'object' ? (rawHeader as Record<string, unknown>) : {};
  if (fmt.format !== EXPORT_FORMAT)
    throw new ImportError('This is not a Patch Auditor export: its header does not name the export format.');
  if (typeof fmt.version === 'number' && fmt.version > EXPORT_VERSION) {
    throw new ImportError(
      `This export uses format version ${fmt.version}, made by a newer Patch Auditor; this version reads version ${EXPORT_VERSION}. Update Patch Auditor to import it.`,
    );
  }
  const header = ArchiveHeader.safeParse(rawHeader);
  if (!header.success) throw new ImportError(`The export's header is invalid:\n${describeIssues(header.error)}`);
  const payload = content.subarray(nl + 1);
  if (payload.length !== header.data.payloadBytes) {
    throw new ImportError(
      `The file is damaged or truncated: its content is ${payload.length} bytes, the header says ${header.data.payloadBytes}.`,
    );
  }
  if (createHash('sha256').update(payload).digest('hex') !== header.data.payloadSha256) {
    throw new ImportError('The file is damaged or was modified: its checksum (SHA-256) does not match its header.');
  }
  const raw = parseJson(payload.toString('utf8'), 'content');
  checkCounts(raw, header.data.snapshots);
  const parsed = ArchivePayload.safeParse(raw);
  if (!parsed.success) throw new ImportError(`The export contains invalid data:\n${describeIssues(parsed.error)}`);
  const snapshots = parsed.data.snapshots;
  if (snapshots.length !== header.data.snapshots)
    throw new ImportError(`The header announces ${header.data.snapshots} snapshots but the file holds ${snapshots.length}.`);
  const ids = new Set<number>();
  for (const s of snapshots) {
    if (ids.has(s.id)) throw new ImportError(`The export lists snapshot ${s.id} twice.`);
    ids.add(s.id);
  }
  return { header: header.data, snapshots };
}

/**
 * Array lengths checked before the schema walks every element (issue 17): a small file that
 * inflates to a million empty snapshot records must be refused by its count, at once, not after
 * validating each record against the full schema.
 */
function checkCounts(raw: unknown, announced: number): void {
  const snapshots = raw !== null && typeof raw === 'object' ? (raw as { snapshots?: unknown }).snapshots : undefined;
  if (!Array.isArray(snapshots)) return;
  if (snapshots.length !== announced)
    throw new ImportError(`The header announces ${announced} snapshots but the file holds ${snapshots.length}.`);
  for (const snapshot of snapshots) {
    const nodes = snapshot !== null && typeof snapshot === 'object' ? (snapshot as { nodes?: unknown }).nodes : undefined;
    if (Array.isArray(nodes) && nodes.length > MAX_NODES_PER_SNAPSHOT) {
      throw new ImportError(
        `A snapshot of the file lists ${nodes.length} nodes, more than the ${MAX_NODES_PER_SNAPSHOT} an export may hold.`,
      );
    }
  }
}

/**
 * Imports every snapshot of an export file in one transaction; returns their new ids in file
 * order. `derivedFrom` is re-linked when the source snapshot is in the same file and dropped
 * otherwise (the exporting database's ids mean nothing here).
 */
export interface ImportResult {
  /** One id per snapshot of the file, in file order: the new snapshot's, or the one already here. */
  ids: number[];
  /** The ids (in this database) of snapshots the file held that were already here and were skipped. */
  alreadyPresent: number[];
}

/**
 * Imports every snapshot of an export file in one transaction. With `skipDuplicates`, a snapshot
 * already in the database (same times, catalog edition, threshold, status, node count and scopes:
 * the same audit, or the same re-evaluation of it) is not saved again; its existing id stands in,
 * so derived snapshots in the file still link to it.
 */
export function importArchive(
  store: Store,
  file: string,
  options: { skipDuplicates?: boolean; limits?: ArchiveLimits } = {},
): ImportResult {
  const { snapshots } = readArchive(file, options.limits ?? DEFAULT_LIMITS);
  const alreadyPresent: number[] = [];
  try {
    const ids = databaseOf(store).transaction(() => {
      const newIds = new Map<number, number>();
      // A source is always older (smaller id) than what was derived from it: ascending ids
      // save every source before the snapshots that point at it.
      const order = [...snapshots].sort((a, b) => a.id - b.id);
      for (const s of order) {
        const { id, savedAt: _savedAt, derivedFrom, ...rest } = s;
        const input: SnapshotInput = { ...rest };
        const source = derivedFrom === undefined ? undefined : newIds.get(derivedFrom);
        if (source !== undefined) input.derivedFrom = source;
        const existing = options.skipDuplicates ? findSameSnapshot(store, input) : undefined;
        if (existing !== undefined) alreadyPresent.push(existing);
        newIds.set(id, existing ?? store.saveSnapshot(input));
      }
      return snapshots.map((s) => newIds.get(s.id) ?? 0);
    })();
    return { ids, alreadyPresent };
  } catch (err) {
    if (err instanceof InvalidSnapshotError) throw new ImportError(`The export contains an inconsistent snapshot: ${err.message}.`);
    throw err;
  }
}

/** Imports every snapshot of an export file, duplicates included (see `importArchive`). */
export function importSnapshots(store: Store, file: string, limits: ArchiveLimits = DEFAULT_LIMITS): number[] {
  return importArchive(store, file, { limits }).ids;
}

const scopeKey = (scopes: readonly { accountId: string; region: string; status: string; nodes: number }[]) =>
  scopes
    .map((s) => `${s.accountId}/${s.region}/${s.status}/${s.nodes}`)
    .sort()
    .join('|');

function findSameSnapshot(store: Store, input: SnapshotInput): number | undefined {
  const candidates = databaseOf(store)
    .prepare<[string, string, string, number, string, number, number | null], { id: number }>(
      `SELECT id FROM snapshot WHERE started_at = ? AND finished_at = ? AND catalog_edition = ? AND scan_age_days = ?
         AND status = ? AND node_count = ? AND derived_from IS ?`,
    )
    .all(
      input.startedAt,
      input.finishedAt,
      input.catalogEdition,
      input.scanAgeDays,
      input.status,
      input.nodes.length,
      input.derivedFrom ?? null,
    );
  const wanted = scopeKey(input.scopes);
  return candidates.find((c) => scopeKey(store.getSnapshot(c.id)?.scopes ?? []) === wanted)?.id;
}
