import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ContentTooLargeError,
  DEFAULT_LIMITS,
  EXPORT_VERSION,
  ExportTooLargeError,
  ImportError,
  exportSnapshots,
  importSnapshots,
  openStore,
  readArchive,
  reevaluate,
} from '../../../electron/core/store';
import type { ArchiveSnapshot, Store } from '../../../electron/core/store';
import { evaluateNode } from '../../../shared/evaluate';
import { EVIDENCE_LIST_MAX } from '../../../shared/model';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { SEED } from '../../unit/nodeFactsFixture';
import { tempDir } from '../../support/tempDir';

let dir: string;
let store: Store;
let goodFile: string;
let sourceIds: number[];

beforeEach(() => {
  dir = tempDir('pa-archive-');
  store = openStore({ path: join(dir, 'db.sqlite') });
  const a = store.saveSnapshot(makeSnapshot({ nodes: 30, label: "Q1'); DROP TABLE snapshot; --" }));
  const d = reevaluate(store, a, { catalogEdition: 'aws-2026-11', scanAgeDays: 14 }, (facts) => [
    { rule: 'agent.version', status: 'pass', code: 'agent.version.ok', params: {}, evidence: { agentVersion: facts.agentVersion ?? null } },
  ]);
  sourceIds = [a, d];
  goodFile = join(dir, 'good.pa-export');
  exportSnapshots(store, sourceIds, goodFile);
});
afterEach(() => store.close());

/** Small files are read in the calling thread; these limits send every read through the worker. */
const IN_WORKER = { workerAboveBytes: 0 };

/** Splits an export into header and payload text, for building damaged variants. */
function parts(file: string): { header: Record<string, unknown>; payload: string } {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const nl = text.indexOf('\n');
  return { header: JSON.parse(text.slice(0, nl)) as Record<string, unknown>, payload: text.slice(nl + 1) };
}

/** Writes an export with a correct checksum for whatever payload it is given (unless the header overrides it). */
function build(name: string, payload: string | Buffer, header: Record<string, unknown> = {}): string {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const h = {
    ...parts(goodFile).header,
    payloadBytes: bytes.length,
    payloadSha256: createHash('sha256').update(bytes).digest('hex'),
    ...header,
  };
  const file = join(dir, name);
  writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), bytes])));
  return file;
}

function mutate(name: string, change: (p: { snapshots: ArchiveSnapshot[] }) => void): string {
  const p = JSON.parse(parts(goodFile).payload) as { snapshots: ArchiveSnapshot[] };
  change(p);
  return build(name, JSON.stringify(p));
}

/** An export whose first label holds `raw` as bytes, which no JSON string could carry. */
function withRawLabel(name: string, raw: number[]): string {
  const p = JSON.parse(parts(goodFile).payload) as { snapshots: ArchiveSnapshot[] };
  p.snapshots[0]!.label = 'RAW-BYTES-HERE';
  const [before, after] = JSON.stringify(p).split('RAW-BYTES-HERE');
  return build(name, Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0x61, ...raw, 0x62]), Buffer.from(after!, 'utf8')]));
}

function dbFingerprint(): string {
  store.checkpoint();
  return createHash('sha256')
    .update(readFileSync(join(dir, 'db.sqlite')))
    .digest('hex');
}

describe('export and import', () => {
  it.each([
    ['in a worker', IN_WORKER],
    ['in this thread', {}],
  ])('round-trips snapshots, re-linking a derived snapshot to its imported source (read %s)', async (_where, limits) => {
    expect(statSync(goodFile).mode & 0o777).toBe(0o600);
    const { header } = await readArchive(goodFile, limits);
    expect(header).toMatchObject({ format: 'patch-auditor-export', version: EXPORT_VERSION, snapshots: 2 });
    const other = openStore({ path: join(dir, 'other.sqlite') });
    try {
      const [a, d] = await importSnapshots(other, goodFile, limits);
      expect(other.getSnapshot(d!)?.derivedFrom).toBe(a);
      expect(other.getSnapshot(a!)?.label).toBe("Q1'); DROP TABLE snapshot; --");
      for (const [i, id] of [a!, d!].entries()) {
        const { derivedFrom: _x, ...expected } = store.loadSnapshotInput(sourceIds[i]!).input;
        const { derivedFrom: _y, ...actual } = other.loadSnapshotInput(id).input;
        expect(actual).toEqual(expected);
      }
      expect(other.ruleSummary(a!)).toEqual(store.ruleSummary(sourceIds[0]!));
    } finally {
      other.close();
    }
  });

  // A damaged answer can repeat one inventory entry 5,000 times (the audit keeps 1,000), and a VPC
  // can hold hundreds of endpoints: the checks judged on such facts must still export and import.
  it('round-trips checks judged on facts at the export bounds (1,000 repeated interpreters, 1,000 VPC endpoints)', async () => {
    const input = makeSnapshot({ nodes: 2 });
    const [node] = input.nodes;
    const network = node!.facts.network!;
    node!.facts = {
      ...node!.facts,
      platformType: 'Linux',
      platformName: 'Ubuntu',
      platformVersion: '20.04',
      inventory: Array.from({ length: 1000 }, () => ({ name: 'python3', version: '3.8.10-0ubuntu1' })),
      network: {
        ...network,
        vpcEndpoints: Array.from({ length: 1000 }, (_, i) => ({
          id: `vpce-${String(i).padStart(17, '0')}`,
          type: 'Interface',
          serviceName: `com.amazonaws.us-east-1.s${i}`,
        })),
      },
    };
    node!.checks = evaluateNode(node!.facts, { catalog: SEED, now: new Date(input.finishedAt), scanAgeDays: 7 });
    const python = node!.checks.find((c) => c.rule === 'python.version')!;
    expect(python.evidence.inventoryApps).toEqual(['python3 3.8.10-0ubuntu1']);
    const withEndpoints = node!.checks.find((c) => Array.isArray(c.evidence.vpcEndpoints))!;
    expect(withEndpoints.evidence.vpcEndpoints).toHaveLength(EVIDENCE_LIST_MAX);
    expect(withEndpoints.evidence.vpcEndpointsTotal).toBe(1000);

    const id = store.saveSnapshot(input);
    const file = join(dir, 'bounds.pa-export');
    exportSnapshots(store, [id], file);
    const other = openStore({ path: join(dir, 'bounds.sqlite') });
    try {
      const [copy] = await importSnapshots(other, file);
      expect(other.loadSnapshotInput(copy!).input.nodes).toEqual(store.loadSnapshotInput(id).input.nodes);
    } finally {
      other.close();
    }
  });

  it('refuses to write a file that import would refuse as too large', () => {
    const file = join(dir, 'big.pa-export');
    expect(() => exportSnapshots(store, sourceIds, file, { limits: { maxFileBytes: 1e9, maxContentBytes: 10_000 } })).toThrow(
      ExportTooLargeError,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('drops derivedFrom when the source is not in the file', async () => {
    const file = join(dir, 'derived-only.pa-export');
    exportSnapshots(store, [sourceIds[1]!], file);
    const [id] = await importSnapshots(store, file);
    expect(store.getSnapshot(id!)?.derivedFrom).toBeUndefined();
  });

  it('records the file an imported snapshot came from (its name, not its folder) and when (issue 27)', async () => {
    const other = openStore({ path: join(dir, 'provenance.sqlite'), clock: () => new Date('2026-12-05T10:00:00.000Z') });
    try {
      const [a] = await importSnapshots(other, goodFile);
      const imported = other.getSnapshot(a!);
      expect(imported).toMatchObject({ importedFrom: basename(goodFile), importedAt: '2026-12-05T10:00:00.000Z' });
      expect(imported?.importedFrom).not.toContain(dir);
      expect(other.listSnapshots().find((s) => s.id === a)?.importedFrom).toBe(basename(goodFile));
      // A snapshot made here was not imported.
      expect(store.getSnapshot(sourceIds[0]!)?.importedFrom).toBeUndefined();
    } finally {
      other.close();
    }
  });
});

describe('import refuses bad files and changes nothing', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing file', () => join(dir, 'nope'), /does not exist/],
    ['an empty file', () => (writeFileSync(join(dir, 'empty'), ''), join(dir, 'empty')), /not a gzip/],
    ['plain text', () => (writeFileSync(join(dir, 't'), 'hello'), join(dir, 't')), /not a gzip/],
    [
      'a truncated file',
      () => {
        const gz = readFileSync(goodFile);
        writeFileSync(join(dir, 'cut'), gz.subarray(0, gz.length >> 1));
        return join(dir, 'cut');
      },
      /damaged or truncated/,
    ],
    [
      'a flipped byte',
      () => {
        const gz = Buffer.from(readFileSync(goodFile));
        gz[gz.length - 6] = (gz[gz.length - 6] ?? 0) ^ 0xff;
        writeFileSync(join(dir, 'flip'), gz);
        return join(dir, 'flip');
      },
      /damaged/,
    ],
    ['a gzip without header line', () => (writeFileSync(join(dir, 'nh'), gzipSync('{"snapshots":[]}')), join(dir, 'nh')), /no header line/],
    ['another format', () => build('fmt', parts(goodFile).payload, { format: 'something-else' }), /not a Patch Auditor export/],
    ['a newer format version', () => build('vnext', parts(goodFile).payload, { version: EXPORT_VERSION + 1 }), /newer Patch Auditor/],
    ['an extra header field', () => build('hx', parts(goodFile).payload, { path: '../../etc/passwd' }), /header is invalid/],
    ['a checksum mismatch', () => build('sha', parts(goodFile).payload, { payloadSha256: '0'.repeat(64) }), /checksum/],
    [
      'a payload longer than its header says',
      () => build('len', parts(goodFile).payload, { payloadBytes: 5 }),
      /more than the \d+ bytes its header announces/,
    ],
    [
      'a payload shorter than its header says',
      () => build('short', parts(goodFile).payload, { payloadBytes: Buffer.byteLength(parts(goodFile).payload) + 100 }),
      /the header says \d+/,
    ],
    ['a snapshot count mismatch', () => build('cnt', parts(goodFile).payload, { snapshots: 3 }), /announces 3 snapshots/],
    ['invalid JSON content', () => build('json', '{"snapshots": [', {}), /not valid JSON/],
    ['a wrong type', () => mutate('type', (p) => ((p.snapshots[0] as Record<string, unknown>).scanAgeDays = '7')), /scanAgeDays/],
    [
      'an account id that is not one',
      () => mutate('acct', (p) => ((p.snapshots[0]!.nodes[0]!.facts as Record<string, unknown>).accountId = 12)),
      /accountId/,
    ],
    ['a huge string', () => mutate('huge', (p) => (p.snapshots[0]!.nodes[0]!.facts.name = 'x'.repeat(100_000))), /facts\.name/],
    [
      'an unknown field',
      () => mutate('extra', (p) => ((p.snapshots[0]!.nodes[0]!.facts as Record<string, unknown>).password = 'hunter2')),
      /password/,
    ],
    ['a path trick as label', () => mutate('path', (p) => (p.snapshots[0]!.label = '../../etc/passwd')), /path segment/],
    [
      'a control character in a label',
      () => mutate('ctl', (p) => (p.snapshots[0]!.label = 'a\u001b[31mred')),
      /control character \(U\+001B\)/,
    ],
    // Issue 28 item 9: text that is not what it shows. Lenient decoding made 0xFF and overlong
    // sequences U+FFFD, which the checksum (over the raw bytes) let through.
    ['a raw 0xFF byte in a label', () => withRawLabel('ff', [0xff]), /not valid UTF-8/],
    ['an overlong UTF-8 sequence in a label', () => withRawLabel('overlong', [0xc0, 0xaf]), /not valid UTF-8/],
    ['a lone surrogate in a label', () => mutate('surrogate', (p) => (p.snapshots[0]!.label = 'x\ud800y')), /lone surrogate/],
    [
      'a right-to-left override in a client',
      () => mutate('rlo', (p) => (p.snapshots[0]!.client = 'Acme \u202efdp.exe')),
      /bidirectional.*U\+202E/,
    ],
    ['a zero-width space in an engagement', () => mutate('zwsp', (p) => (p.snapshots[0]!.engagement = 'Q4\u200b')), /zero-width.*U\+200B/],
    ['a path as instance id', () => mutate('iid', (p) => (p.snapshots[0]!.nodes[0]!.facts.instanceId = '../../etc/passwd')), /instanceId/],
    [
      'too many checks',
      () =>
        mutate('many', (p) => (p.snapshots[0]!.nodes[0]!.checks = Array.from({ length: 13 }, () => p.snapshots[0]!.nodes[0]!.checks[0]!))),
      /checks/,
    ],
    [
      'a __proto__ key',
      () => build('proto', parts(goodFile).payload.replace('"params":{', '"params":{"__proto__":{"polluted":1},')),
      /forbidden key "__proto__"/,
    ],
    [
      'a constructor key',
      () => build('ctor', parts(goodFile).payload.replace('"evidence":{', '"evidence":{"constructor":{"prototype":{}},')),
      /forbidden key/,
    ],
    ['a duplicated snapshot id', () => mutate('dupid', (p) => (p.snapshots[1]!.id = p.snapshots[0]!.id)), /twice/],
    [
      'a node listed twice (refused mid-write)',
      () =>
        mutate('dupnode', (p) => {
          const [snapshot] = p.snapshots.slice(1);
          const node = snapshot!.nodes[0]!;
          snapshot!.nodes.push(node);
          // Its scope counts it twice too, so only the store's own check is left to refuse it.
          snapshot!.scopes.find((s) => s.accountId === node.facts.accountId && s.region === node.facts.region)!.nodes++;
        }),
      /appears twice/,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, makeFile, message) => {
    const before = dbFingerprint();
    const snapshots = store.listSnapshots();
    const file = makeFile();
    const error: unknown = await importSnapshots(store, file, IN_WORKER).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(store.listSnapshots()).toEqual(snapshots);
    expect(dbFingerprint()).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file over the size limit before reading it, and a decompression bomb', async () => {
    const before = dbFingerprint();
    await expect(importSnapshots(store, goodFile, { maxFileBytes: 100 })).rejects.toThrow(/more than the 100 bytes/);
    const bomb = build('bomb', `{"snapshots":[],"pad":"${'0'.repeat(5_000_000)}"}`);
    expect(statSync(bomb).size).toBeLessThan(50_000);
    await expect(importSnapshots(store, bomb, { maxContentBytes: 1_000_000, maxExpansion: 1e6 })).rejects.toThrow(
      /expands to \d+ bytes, more than the 1000000 bytes/,
    );
    expect(dbFingerprint()).toBe(before);
  });

  it('refuses a file of many empty records by their count as it inflates, before parsing any of them', async () => {
    const before = dbFingerprint();
    // A few KB on disk, 900 KB inflated (past the expansion cap, lifted here to reach the count):
    // 300,000 snapshot records where the header announces 1.
    const records = build('records', `{"snapshots":[${Array.from({ length: 300_000 }, () => '{}').join(',')}]}`, { snapshots: 1 });
    const counted = { maxExpansion: 1e6 };
    expect(statSync(records).size).toBeLessThan(200_000);
    await expect(importSnapshots(store, records, counted)).rejects.toThrow(/announces 1 snapshots but the file holds more/);
    // Nodes of 34 bytes, so the list's length, not the values per byte, is what refuses them.
    const node = '{"facts":"abcdefghijklmnopqrstuvw"}';
    const nodes = build('nodes', `{"snapshots":[{"nodes":[${Array.from({ length: 200_001 }, () => node).join(',')}]}]}`, { snapshots: 1 });
    await expect(importSnapshots(store, nodes, counted)).rejects.toThrow(/lists more than the 200000 nodes/);
    // Values in lists no longer than an export's: one per 3 bytes, where an export holds one per 21 or more.
    const denseNode = `{"facts":{"inventory":[${Array.from({ length: 5_000 }, () => '[]').join(',')}]}}`;
    const dense = build('dense', `{"snapshots":[{"nodes":[${Array.from({ length: 20 }, () => denseNode).join(',')}]}]}`);
    await expect(importSnapshots(store, dense, counted)).rejects.toThrow(/more than the \d+ values an export of its size may hold/);
    expect(dbFingerprint()).toBe(before);
  });
});

/**
 * A payload of `times` repetitions of `chunk` between `prefix` and `suffix`, written as that many
 * concatenated gzip members (which gunzip reads as one stream), so a file inflating to hundreds
 * of megabytes is built from one compressed chunk. Header and checksum are right unless overridden.
 */
function repeated(
  name: string,
  parts: { prefix: string; chunk: string; times: number; suffix: string },
  header: Record<string, unknown> = {},
) {
  const chunk = Buffer.from(parts.chunk);
  const sha = createHash('sha256').update(parts.prefix);
  for (let i = 0; i < parts.times; i++) sha.update(chunk);
  sha.update(parts.suffix);
  const payloadBytes = Buffer.byteLength(parts.prefix) + chunk.length * parts.times + Buffer.byteLength(parts.suffix);
  const h = {
    ...JSON.parse(gunzipSync(readFileSync(goodFile)).toString('utf8').split('\n')[0]!),
    payloadBytes,
    payloadSha256: sha.digest('hex'),
    ...header,
  };
  const member = gzipSync(chunk, { level: 9 });
  const file = join(dir, name);
  writeFileSync(
    file,
    Buffer.concat([
      gzipSync(`${JSON.stringify(h)}\n${parts.prefix}`),
      ...Array.from({ length: parts.times }, () => member),
      gzipSync(parts.suffix),
    ]),
  );
  return { file, payloadBytes };
}

describe('import of hostile files is bounded', () => {
  // 120 MB of empty snapshot records in about 120 KB, as in issue 17.
  const EMPTY_RECORDS = { prefix: '{"snapshots":[', chunk: '{},'.repeat(349_525), times: 120, suffix: '{}]}' };

  it('refuses a 120 KB file announcing 120 MB of empty records by the expansion cap, before inflating its payload', async () => {
    const before = dbFingerprint();
    const { file, payloadBytes } = repeated('bomb-honest', EMPTY_RECORDS, { snapshots: 1 });
    expect(statSync(file).size).toBeLessThan(200_000);
    expect(payloadBytes).toBeGreaterThan(120_000_000);
    const error = await importSnapshots(store, file).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ContentTooLargeError);
    const refused = error as ContentTooLargeError;
    expect(refused.message).toMatch(/expands to \d+ bytes, more than the \d+ bytes an export of \d+ bytes may hold/);
    expect(refused.capBytes).toBe(statSync(file).size * DEFAULT_LIMITS.maxExpansion);
    // Only the header was inflated: one output chunk of the inflater.
    expect(refused.inflatedBytes).toBeLessThanOrEqual(64 * 1024);
    expect(dbFingerprint()).toBe(before);
  });

  it('stops inflating a file whose header understates its payload one chunk past what it announced', async () => {
    const before = dbFingerprint();
    const { file } = repeated('bomb-lying', EMPTY_RECORDS, { snapshots: 1, payloadBytes: 1000 });
    const error = await importSnapshots(store, file, IN_WORKER).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ContentTooLargeError);
    const refused = error as ContentTooLargeError;
    expect(refused.message).toMatch(/more than the \d+ bytes its header announces/);
    expect(refused.inflatedBytes).toBeLessThanOrEqual(refused.capBytes + 64 * 1024);
    expect(dbFingerprint()).toBe(before);
  });

  it('reads in a worker with a heap limit: a payload that needs more memory is refused and the process carries on', async () => {
    const before = dbFingerprint();
    // 60 MB in 200,000 nodes of one string each: within every count of the shape scan, but the
    // text and its parsed strings need twice that much heap; the worker gets only its base heap.
    const { file } = repeated('heap', {
      prefix: '{"snapshots":[{"nodes":[',
      chunk: `{"a":"${'x'.repeat(290)}"},`.repeat(1000),
      times: 199,
      suffix: '{"a":1}]}]}',
    });
    const error = await importSnapshots(store, file, { ...IN_WORKER, maxExpansion: 1e6, heapPerContentByte: 0 }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/needs more than the \d+ MB of memory an import may use/);
    expect(dbFingerprint()).toBe(before);
    // The same worker machinery still imports a good file afterwards.
    expect(await importSnapshots(store, goodFile, IN_WORKER)).toHaveLength(2);
  });

  it('refuses a huge list under a field an export does not have by its scan, before the schema sees it', async () => {
    const before = dbFingerprint();
    const good = parts(goodFile).payload;
    // 23 MB of 22-byte strings: within the value count, under a key the schema would refuse only once parsed.
    const padding = { chunk: `"${'a'.repeat(20)}",`.repeat(10_000), times: 100, suffix: '0]}' };
    const top = repeated('unknown-top', { prefix: `${good.slice(0, -1)},"padding":[`, ...padding });
    const inSnapshot = repeated('unknown-snapshot', { prefix: `${good.slice(0, good.indexOf('{"', 14))}{"padding":[`, ...padding });
    for (const [file, where] of [
      [top.file, 'at its top level'],
      [inSnapshot.file, 'in a snapshot'],
    ] as const) {
      // Past the expansion cap, which a less compressible padding would pass: the scan is what is tested.
      const error = await importSnapshots(store, file, { ...IN_WORKER, maxExpansion: 1e6 }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toBe(`The file holds a field an export does not have (${where}); it was refused before reading it.`);
    }
    expect(dbFingerprint()).toBe(before);
  });

  it('caps what a file inflates to above what a 50,000-node audit exports, measured on real checks', () => {
    const id = store.saveSnapshot(
      makeSnapshot({ nodes: 200, seed: 5, evaluate: (facts, now) => evaluateNode(facts, { catalog: SEED, now, scanAgeDays: 7 }) }),
    );
    const file = join(dir, 'real.pa-export');
    exportSnapshots(store, [id], file);
    const inflated = gunzipSync(readFileSync(file)).length;
    // The margin archive.ts claims over the bytes per node measured there (5,779).
    expect(DEFAULT_LIMITS.maxContentBytes).toBeGreaterThanOrEqual((50_000 * inflated * 1.3) / 200);
    expect(inflated / statSync(file).size).toBeLessThan(DEFAULT_LIMITS.maxExpansion / 10);
  });

  it('stores an export uncompressed rather than write one that compresses past what import accepts', async () => {
    const limits = { maxExpansion: 2 };
    const file = join(dir, 'flat.pa-export');
    exportSnapshots(store, sourceIds, file, { limits });
    expect(statSync(file).size).toBeGreaterThan(gunzipSync(readFileSync(file)).length);
    const other = openStore({ path: join(dir, 'flat.sqlite') });
    try {
      expect(await importSnapshots(other, file, limits)).toHaveLength(2);
    } finally {
      other.close();
    }
  });
});
