/**
 * Bounds the work of parsing an export's payload before `JSON.parse` builds anything (issue 28
 * item 2): the payload is scanned byte by byte as it inflates, and refused as soon as it holds
 * more snapshots than its header announces, more nodes or unmanaged EC2 instances in a snapshot
 * than an export may hold,
 * any other list longer than the schema allows, more JSON values than its size allows, nesting
 * deeper than the schema has, a field the schema does not have at the top or snapshot level
 * (where keys are decoded anyway), or a key that would reach a prototype. The scan keeps a few numbers per nesting level, whatever the payload's size.
 *
 * The counts are exact for valid JSON; on invalid JSON they may differ, but `JSON.parse` then
 * stops at the first byte where the payload stops being JSON, having built no more than the
 * valid prefix the scan counted.
 */
import { ImportError } from './archiveErrors';

/**
 * Containers nested deepest in a valid payload: payload, snapshots, snapshot, nodes, node, facts,
 * network, vpcEndpoints, endpoint, routeTableIds (archiveSchema.ts); the checks' evidence lists
 * and the scopes' gapErrors reach 9.
 */
export const MAX_PAYLOAD_DEPTH = 10;

/** Keys that would reach an object's prototype if any code ever merged parsed data by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longest key worth capturing: `__proto__` with every character escaped (`\u005f`…) is 54 bytes. */
const KEY_CAPTURE_BYTES = 64;
/** Unescaped, a forbidden key has one of these lengths. */
const FORBIDDEN_LENGTHS = new Set([...FORBIDDEN_KEYS].map((k) => k.length));

export interface PayloadShapeLimits {
  /** Snapshots the header announces. */
  snapshots: number;
  /** Largest `nodes` list of one snapshot. */
  nodesPerSnapshot: number;
  /** Largest `unmanaged` list (EC2 instances that are not managed nodes, issue 30) of one snapshot. */
  unmanagedPerSnapshot: number;
  /** Most JSON values (objects, arrays, strings, numbers, literals) the whole payload may hold. */
  values: number;
  /** Longest list but the snapshots and their nodes. */
  listLength: number;
  /** The only keys of the payload object and of each snapshot; absent: any key (the scanner's own tests). */
  keys?: { payload: ReadonlySet<string>; snapshot: ReadonlySet<string> };
}

const OBJECT = 1;
const ARRAY = 2;
/** What an array is, by where it sits: the snapshots list, a snapshot's nodes, or anything else. */
const ROLE_OTHER = 0;
const ROLE_SNAPSHOTS = 1;
const ROLE_NODES = 2;
const ROLE_UNMANAGED = 3;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** A byte of a number or literal (`-1.5e+3`, `true`): never structural, never a quote. */
const isBareValueByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2e || b === 0x2b || b === 0x2d;

/** Backslashes right before `at`, not counting any before `from`. */
function backslashesBefore(chunk: Uint8Array, at: number, from: number): number {
  let k = at;
  while (k > from && chunk[k - 1] === BACKSLASH) k--;
  return at - k;
}

export class PayloadShapeScanner {
  private readonly kind = new Uint8Array(MAX_PAYLOAD_DEPTH + 1);
  private readonly role = new Uint8Array(MAX_PAYLOAD_DEPTH + 1);
  private readonly elements = new Float64Array(MAX_PAYLOAD_DEPTH + 1);
  /** The last key read in the object at each depth, kept only where it names a list we count. */
  private readonly lastKey: string[] = [];
  private depth = 0;
  private values = 0;
  private inString = false;
  private escaped = false;
  /** The key being read holds an escape: it could spell a forbidden key in another way. */
  private escapedKey = false;
  private stringIsKey = false;
  private expectKey = false;
  private awaitingValue = true;
  /** The start of a key that began in an earlier chunk. */
  private key: Buffer = Buffer.alloc(0);

  constructor(private readonly limits: PayloadShapeLimits) {}

  /** Scans the next bytes of the payload; throws an ImportError as soon as a limit is passed. */
  scan(chunk: Uint8Array): void {
    // String bytes are most of a payload: the scan jumps from quote to quote (`indexOf` runs
    // native), with the state in locals, and skips the rest of a number or literal in one loop.
    const n = chunk.length;
    let escaped = this.escaped;
    let keyFrom = this.inString && this.stringIsKey ? 0 : -1;
    let escapedKey = this.escapedKey;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        // A backslash ending the last chunk escapes this chunk's first byte.
        const from = escaped ? i + 1 : i;
        escaped = false;
        let q = chunk.indexOf(QUOTE, from);
        while (q !== -1 && backslashesBefore(chunk, q, from) % 2 === 1) q = chunk.indexOf(QUOTE, q + 1);
        const end = q === -1 ? n : q;
        // Keys are short: a loop over them costs less than a search that could run to the chunk's end.
        for (let k = i; keyFrom >= 0 && !escapedKey && k < end; k++) escapedKey = chunk[k] === BACKSLASH;
        if (q === -1) {
          escaped = from < n && backslashesBefore(chunk, n, from) % 2 === 1;
          break;
        }
        this.inString = false;
        if (keyFrom >= 0) this.endKey(chunk, keyFrom, q, escapedKey);
        keyFrom = -1;
        i = q + 1;
        continue;
      }
      const b = chunk[i]!;
      i++;
      if (isSpace(b)) continue;
      this.structuralByte(b);
      if (this.inString) {
        if (this.stringIsKey) {
          keyFrom = i;
          escapedKey = false;
        }
      } else if (isBareValueByte(b)) {
        while (i < n && isBareValueByte(chunk[i]!)) i++;
      }
    }
    this.escaped = escaped;
    this.escapedKey = escapedKey;
    if (keyFrom >= 0) this.keyHead(chunk.subarray(keyFrom));
  }

  /** A key cut by the end of a chunk: its first bytes are kept, enough to recognise any key we look for. */
  private keyHead(bytes: Uint8Array): void {
    const room = KEY_CAPTURE_BYTES + 1 - this.key.length;
    if (room > 0) this.key = Buffer.concat([this.key, bytes.subarray(0, room)]);
  }

  private structuralByte(b: number): void {
    if (this.awaitingValue && b !== 0x5d) this.startValue();
    switch (b) {
      case 0x7b: // {
        this.open(OBJECT);
        this.expectKey = true;
        break;
      case 0x5b: // [
        this.open(ARRAY);
        this.awaitingValue = true;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        this.depth = Math.max(0, this.depth - 1);
        this.awaitingValue = false;
        this.expectKey = false;
        break;
      case 0x2c: // ,
        if (this.kind[this.depth] === OBJECT) this.expectKey = true;
        else this.awaitingValue = true;
        break;
      case 0x3a: // :
        this.awaitingValue = true;
        break;
      case QUOTE:
        this.inString = true;
        this.stringIsKey = this.expectKey && this.kind[this.depth] === OBJECT;
        this.expectKey = false;
        this.key = Buffer.alloc(0);
        break;
      default:
        // The rest of a number or literal: counted when it started.
        break;
    }
  }

  private startValue(): void {
    this.awaitingValue = false;
    if (++this.values > this.limits.values) {
      throw new ImportError(
        `The file holds more than the ${this.limits.values} values an export of its size may hold; it was refused before reading it.`,
      );
    }
    if (this.kind[this.depth] !== ARRAY) return;
    const count = ++this.elements[this.depth]!;
    const role = this.role[this.depth];
    if (role === ROLE_SNAPSHOTS && count > this.limits.snapshots) {
      throw new ImportError(`The header announces ${this.limits.snapshots} snapshots but the file holds more.`);
    }
    if (role === ROLE_NODES && count > this.limits.nodesPerSnapshot) {
      throw new ImportError(
        `A snapshot of the file lists more than the ${this.limits.nodesPerSnapshot} nodes an export may hold; it was refused before reading it.`,
      );
    }
    if (role === ROLE_UNMANAGED && count > this.limits.unmanagedPerSnapshot) {
      throw new ImportError(
        `A snapshot of the file lists more than the ${this.limits.unmanagedPerSnapshot} unmanaged EC2 instances an export may hold; it was refused before reading it.`,
      );
    }
    if (role === ROLE_OTHER && count > this.limits.listLength) {
      throw new ImportError(
        `The file holds a list longer than the ${this.limits.listLength} items any list of an export may hold; it was refused before reading it.`,
      );
    }
  }

  private open(kind: number): void {
    if (this.depth === MAX_PAYLOAD_DEPTH) {
      throw new ImportError(`The file nests its data deeper than an export does (${MAX_PAYLOAD_DEPTH} levels); it was refused.`);
    }
    this.depth++;
    this.kind[this.depth] = kind;
    this.elements[this.depth] = 0;
    this.role[this.depth] = kind === ARRAY ? this.roleOfArray() : ROLE_OTHER;
  }

  /** `{"snapshots": [ {…, "nodes": [ …` (or `"unmanaged": [`) — the depths where the counted lists sit. */
  private roleOfArray(): number {
    const key = this.lastKey[this.depth - 1];
    if (this.depth === 2 && key === 'snapshots') return ROLE_SNAPSHOTS;
    if (this.depth === 4 && this.role[2] === ROLE_SNAPSHOTS) {
      if (key === 'nodes') return ROLE_NODES;
      if (key === 'unmanaged') return ROLE_UNMANAGED;
    }
    return ROLE_OTHER;
  }

  private endKey(chunk: Uint8Array, from: number, to: number, escapedKey: boolean): void {
    const length = this.key.length + to - from;
    // Decoding every key would double the scan's time: only those that could matter are read.
    const counted = this.depth <= 3;
    if (!counted && !escapedKey && !FORBIDDEN_LENGTHS.has(length)) {
      if (this.key.length) this.key = Buffer.alloc(0);
      return;
    }
    const bytes = this.key.length ? Buffer.concat([this.key, chunk.subarray(from, to)]) : chunk.subarray(from, to);
    this.key = Buffer.alloc(0);
    const key = decodedKey(bytes);
    if (key !== undefined && FORBIDDEN_KEYS.has(key))
      throw new ImportError(`The content contains the forbidden key "${key}"; the file was refused.`);
    if (!counted) return;
    this.lastKey[this.depth] = key ?? '';
    const allowed = this.allowedKeys();
    // Not named: a hostile key could be any text.
    if (allowed && (key === undefined || !allowed.has(key)))
      throw new ImportError(
        `The file holds a field an export does not have (${this.depth === 1 ? 'at its top level' : 'in a snapshot'}); it was refused before reading it.`,
      );
  }

  /** The keys the object being read may have, where the schema's are checked during the scan. */
  private allowedKeys(): ReadonlySet<string> | undefined {
    if (this.depth === 1) return this.limits.keys?.payload;
    if (this.depth === 3 && this.role[2] === ROLE_SNAPSHOTS) return this.limits.keys?.snapshot;
    return undefined;
  }
}

/** The key as JSON.parse reads it, or undefined when it is too long to be one we look for. */
function decodedKey(bytes: Uint8Array): string | undefined {
  if (bytes.length > KEY_CAPTURE_BYTES) return undefined;
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    // An invalid escape: JSON.parse refuses the whole payload at this key.
    return undefined;
  }
}
