/**
 * Reading an export file and validating all of it, without any database: the import worker
 * (`importWorker.ts`) runs `readArchiveContent` off the caller's thread, under a memory limit;
 * the caller reads only the header (`peekArchiveHeader`), which is bounded to a few kilobytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { z } from 'zod';
import { decodeUtf8Strictly } from '../../../shared/userText';
import {
  ArchiveHeader,
  ArchivePayload,
  ArchiveSnapshot,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  MAX_NODES_PER_SNAPSHOT,
  MAX_OTHER_LIST_LENGTH,
  MAX_UNMANAGED_PER_SNAPSHOT,
} from './archiveSchema';
import { firstInconsistency } from './archiveConsistency';
import { ContentTooLargeError, ImportError } from './archiveErrors';
import { PayloadShapeScanner, type PayloadShapeLimits } from './archiveShape';

export { ContentTooLargeError, ImportError };

export const MAX_HEADER_BYTES = 4096;
/** Output chunk of the inflater: inflation stops at most this far past a cap. */
export const INFLATE_CHUNK_BYTES = 64 * 1024;
/** Keys that would reach an object's prototype if any code ever merged parsed data by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ValidatedArchive {
  header: ArchiveHeader;
  snapshots: ArchiveSnapshot[];
}

/** The header of a file, as read by the caller before any worker starts. */
export interface PeekedHeader {
  header: ArchiveHeader;
  /** Size of the file on disk. */
  fileBytes: number;
  /** Header line and payload, as many bytes as the header announces the file inflates to. */
  contentBytes: number;
  /** What reading the header inflated. */
  inflatedBytes: number;
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

/** Inflates `file` chunk by chunk into `take`, which returns false to stop inflating there. */
async function inflate(file: string, take: (chunk: Buffer) => boolean): Promise<void> {
  const input = createReadStream(file);
  const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) if (!take(chunk)) break;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`The file is damaged or truncated: it cannot be decompressed (${(err as Error).message}).`);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

async function checkFile(file: string, maxFileBytes: number): Promise<number> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ImportError(`Cannot read ${file}: the file does not exist or is not accessible.`);
  }
  if (size > maxFileBytes) throw new ImportError(`The file is ${size} bytes, more than the ${maxFileBytes} bytes an export may have.`);
  const magic = Buffer.alloc(2);
  const handle = await open(file);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  if (size < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b)
    throw new ImportError('This is not a Patch Auditor export: it is not a gzip file.');
  return size;
}

/** The shared text rule's decoder: bytes that are not UTF-8 refuse the file instead of becoming U+FFFD. */
function utf8Of(bytes: Buffer, what: 'header' | 'content'): string {
  const text = decodeUtf8Strictly(bytes);
  if (text === null) throw new ImportError(`The file is damaged or was modified: its ${what} is not valid UTF-8 text; it was refused.`);
  return text;
}

function parseHeader(line: Buffer): ArchiveHeader {
  const rawHeader = parseJson(utf8Of(line, 'header'), 'header');
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
  return header.data;
}

function headerLineOf(content: Buffer): Buffer {
  const nl = content.subarray(0, MAX_HEADER_BYTES + 1).indexOf(0x0a);
  if (nl < 0) throw new ImportError('This is not a Patch Auditor export: it has no header line.');
  return content.subarray(0, nl);
}

/**
 * The header alone, inflating no more than its line: what the caller needs to size the worker,
 * and what the desktop app shows before asking whether to import a file the OS opened.
 */
export async function peekArchiveHeader(file: string, maxFileBytes: number): Promise<PeekedHeader> {
  const fileBytes = await checkFile(file, maxFileBytes);
  const chunks: Buffer[] = [];
  let inflated = 0;
  await inflate(file, (chunk) => {
    chunks.push(chunk);
    inflated += chunk.length;
    return !chunk.includes(0x0a) && inflated <= MAX_HEADER_BYTES;
  });
  const line = headerLineOf(Buffer.concat(chunks));
  const header = parseHeader(line);
  return { header, fileBytes, contentBytes: line.length + 1 + header.payloadBytes, inflatedBytes: inflated };
}

/**
 * JSON values a payload may hold per byte: real exports hold one per 21.5–23.1 bytes (synthetic,
 * real-checks and patch-detail snapshots of test/fixtures/makeSnapshot.ts), a fleet of nodes that
 * did not answer about 16; one per 8 bytes leaves twice that margin and refuses a file of empty
 * records (`{},`, one per 3 bytes) long before JSON.parse would build it.
 */
export const MIN_BYTES_PER_VALUE = 8;

const EXPORT_KEYS = { payload: new Set(Object.keys(ArchivePayload.shape)), snapshot: new Set(Object.keys(ArchiveSnapshot.shape)) };

const shapeLimitsOf = (header: ArchiveHeader): PayloadShapeLimits => ({
  snapshots: header.snapshots,
  nodesPerSnapshot: MAX_NODES_PER_SNAPSHOT,
  unmanagedPerSnapshot: MAX_UNMANAGED_PER_SNAPSHOT,
  values: Math.max(1, Math.ceil(header.payloadBytes / MIN_BYTES_PER_VALUE)),
  listLength: MAX_OTHER_LIST_LENGTH,
  keys: EXPORT_KEYS,
});

interface InflatedContent {
  header: ArchiveHeader;
  payload: Buffer;
}

/**
 * Inflates the whole file, stopping as soon as it passes what the header announced, and scans the
 * payload's shape as it inflates (archiveShape.ts): a file that would cost too much to parse is
 * refused at the chunk that shows it, before JSON.parse builds anything.
 */
async function inflateScanned(file: string, announced: number): Promise<InflatedContent> {
  const chunks: Buffer[] = [];
  let inflated = 0;
  let scanned: { header: ArchiveHeader; headerBytes: number; scanner: PayloadShapeScanner } | undefined;
  await inflate(file, (chunk) => {
    inflated += chunk.length;
    if (inflated > announced) {
      throw new ContentTooLargeError(
        `The file is damaged or was modified: it expands to more than the ${announced} bytes its header announces; it was refused.`,
        announced,
        inflated,
      );
    }
    chunks.push(chunk);
    if (scanned) scanned.scanner.scan(chunk);
    else if (inflated > MAX_HEADER_BYTES || chunk.includes(0x0a)) {
      const head = Buffer.concat(chunks);
      const line = headerLineOf(head);
      const header = parseHeader(line);
      scanned = { header, headerBytes: line.length + 1, scanner: new PayloadShapeScanner(shapeLimitsOf(header)) };
      scanned.scanner.scan(head.subarray(scanned.headerBytes));
    }
    return true;
  });
  const content = Buffer.concat(chunks, inflated);
  if (!scanned) return { header: parseHeader(headerLineOf(content)), payload: Buffer.alloc(0) };
  return { header: scanned.header, payload: content.subarray(scanned.headerBytes) };
}

/**
 * Every check an import makes before it writes anything: gzip, header, length, shape (counts,
 * depth, forbidden keys), checksum, the strict schema, cross-references and each snapshot's
 * consistency (archiveConsistency.ts). `announced` is the
 * content size of the header the caller peeked at (and accepted): inflation never goes much past it.
 */
export async function readArchiveContent(file: string, announced: number): Promise<ValidatedArchive> {
  const { header, payload } = await inflateScanned(file, announced);
  if (payload.length !== header.payloadBytes) {
    throw new ImportError(
      `The file is damaged or truncated: its content is ${payload.length} bytes, the header says ${header.payloadBytes}.`,
    );
  }
  if (createHash('sha256').update(payload).digest('hex') !== header.payloadSha256) {
    throw new ImportError('The file is damaged or was modified: its checksum (SHA-256) does not match its header.');
  }
  const raw = parseContent(payload);
  const parsed = ArchivePayload.safeParse(raw);
  if (!parsed.success) throw new ImportError(`The export contains invalid data:\n${describeIssues(parsed.error)}`);
  const snapshots = parsed.data.snapshots;
  if (snapshots.length !== header.snapshots)
    throw new ImportError(`The header announces ${header.snapshots} snapshots but the file holds ${snapshots.length}.`);
  const ids = new Set<number>();
  for (const [i, s] of snapshots.entries()) {
    if (ids.has(s.id)) throw new ImportError(`The export lists snapshot ${s.id} twice.`);
    ids.add(s.id);
    const inconsistency = firstInconsistency(s);
    if (inconsistency) throw new ImportError(`The export contains an inconsistent snapshot: snapshots[${i}]: ${inconsistency}.`);
  }
  return { header, snapshots };
}

/** The payload, parsed without a reviver: the shape scan has already refused forbidden keys and bounded its size. */
function parseContent(payload: Buffer): unknown {
  const text = utf8Of(payload, 'content');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportError(`The content is not valid JSON (${(err as Error).message}); the file may be damaged.`);
  }
}
