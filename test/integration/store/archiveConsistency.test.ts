/**
 * Issue 28 item 10: import refuses a snapshot that disagrees with itself, naming the first
 * disagreement, and still takes every snapshot the app itself saves and exports.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotInput } from '../../../shared/model';
import { exportSnapshots, ImportError, importSnapshots, openStore, type ArchiveSnapshot, type Store } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['ap-northeast-1', 'us-east-1', 'eu-west-1'];

let dir: string;
let source: Store;
let files = 0;

beforeAll(() => {
  dir = tempDir('pa-archive-consistency-');
  source = openStore({ path: join(dir, 'source.sqlite') });
});
afterAll(() => source.close());

/**
 * A snapshot the app could save: any accounts and regions, any nodes, and optionally some scopes
 * that failed or were cancelled (their nodes are not saved, but they keep the count they reached),
 * which makes it partial.
 */
const savedSnapshot = fc
  .record({
    nodes: fc.nat({ max: 24 }),
    seed: fc.nat({ max: 1000 }),
    accounts: fc.subarray(ACCOUNTS, { minLength: 1 }),
    regions: fc.subarray(REGIONS, { minLength: 1 }),
    unanswered: fc.array(
      fc.record({ scope: fc.nat(), status: fc.constantFrom('failed' as const, 'cancelled' as const), reached: fc.nat({ max: 50 }) }),
      {
        maxLength: 2,
      },
    ),
    catalogEdition: fc.constantFrom('seed-2022', 'aws-2026-11'),
  })
  .map(({ unanswered, ...options }): SnapshotInput => {
    const snapshot = makeSnapshot(options);
    for (const { scope: index, status, reached } of unanswered) {
      const scope = snapshot.scopes[index % snapshot.scopes.length]!;
      if (snapshot.scopes.filter((s) => s.status === 'ok').length === 1 && scope.status === 'ok') continue;
      snapshot.nodes = snapshot.nodes.filter((n) => n.facts.accountId !== scope.accountId || n.facts.region !== scope.region);
      Object.assign(scope, { status, nodes: reached, error: 'AccessDenied' });
      snapshot.status = 'partial';
    }
    return snapshot;
  });

let lastSaved = 0;

function exported(snapshot: SnapshotInput): string {
  const file = join(dir, `export-${++files}.patchaudit`);
  lastSaved = source.saveSnapshot(snapshot);
  exportSnapshots(source, [lastSaved], file);
  return file;
}

/** The export with its snapshot changed and its header fixed: valid as a file, only its content differs. */
function rewritten(file: string, change: (snapshot: ArchiveSnapshot) => void): string {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const nl = text.indexOf('\n');
  const payload = JSON.parse(text.slice(nl + 1)) as { snapshots: ArchiveSnapshot[] };
  change(payload.snapshots[0]!);
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
  const header = {
    ...(JSON.parse(text.slice(0, nl)) as Record<string, unknown>),
    payloadBytes: bytes.length,
    payloadSha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const out = join(dir, `changed-${++files}.patchaudit`);
  writeFileSync(out, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes])));
  return out;
}

async function importedInto(file: string): Promise<{ target: Store; result: number[] | ImportError }> {
  const target = openStore({ path: ':memory:' });
  const result = await importSnapshots(target, file).catch((err: unknown) => {
    if (err instanceof ImportError) return err;
    throw err;
  });
  return { target, result };
}

describe('import checks that a snapshot agrees with itself', () => {
  it('takes back every snapshot the app saves and exports', async () => {
    await fc.assert(
      fc.asyncProperty(savedSnapshot, async (snapshot) => {
        const { target, result } = await importedInto(exported(snapshot));
        try {
          expect(result).toEqual([1]);
          const { derivedFrom: _derived, ...back } = target.loadSnapshotInput(1).input;
          expect(back).toEqual(source.loadSnapshotInput(lastSaved).input);
        } finally {
          target.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  const scopeOfFirstNode = (s: ArchiveSnapshot) =>
    s.scopes.find((scope) => scope.accountId === s.nodes[0]!.facts.accountId && scope.region === s.nodes[0]!.facts.region)!;
  const inconsistencies: ReadonlyArray<[string, (s: ArchiveSnapshot) => void, RegExp]> = [
    [
      'a scope claiming more nodes than it holds',
      (s) => (scopeOfFirstNode(s).nodes = 99_999),
      /scope \d{12}\/[a-z0-9-]+ claims 99999 nodes but holds \d+/,
    ],
    [
      'a node in a region with no scope',
      (s) => (s.nodes[0]!.facts.region = 'sa-east-1'),
      /node \d{12}\/sa-east-1\/\S+ is in \d{12}\/sa-east-1, which has no scope/,
    ],
    ['a node with no checks', (s) => (s.nodes[0]!.checks = []), /node \S+ has no checks/],
    [
      'complete with a failed scope',
      (s) => ((s.status = 'complete'), (s.scopes.at(-1)!.status = 'failed')),
      /marked complete but scope \d{12}\/[a-z0-9-]+ (failed|cancelled)/,
    ],
    [
      'finishedAt before startedAt',
      (s) => (s.finishedAt = '2020-01-01T00:00:00.000Z'),
      /finished \(2020-01-01T00:00:00.000Z\) before it started/,
    ],
    ['an unknown catalog edition', (s) => (s.catalogEdition = 'aws-2099-01'), /catalog edition "aws-2099-01" is not one this version/],
    ['a threshold of half a day', (s) => (s.scanAgeDays = 0.5), /scanAgeDays/],
  ];

  it.each(inconsistencies)('refuses %s, naming it, and changes nothing', async (_name, change, message) => {
    await fc.assert(
      fc.asyncProperty(
        savedSnapshot.filter((s) => s.nodes.length > 0),
        async (snapshot) => {
          const file = rewritten(exported(snapshot), change);
          const { target, result } = await importedInto(file);
          try {
            expect(result).toBeInstanceOf(ImportError);
            expect((result as ImportError).message).toMatch(message);
            expect(target.listSnapshots()).toEqual([]);
          } finally {
            target.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
