import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createPrng } from '../../../electron/core/sim/prng';
import { openStore, type Store } from '../../../electron/core/store';
import { loadSnapshotInput } from '../../../electron/core/store/loadSnapshotInput';
import { makeSnapshot } from '../../fixtures/makeSnapshot';

const dir = mkdtempSync(join(tmpdir(), 'pa-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts the writer and SIGKILLs it `delayMs` after it prints `trigger`; returns the ids it
 * reported as committed.
 */
function killWriter(dbPath: string, trigger: 'ready' | 'inside', delayMs: number, stallAt: string[], nodes = 20_000): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', join(import.meta.dirname, 'writeSnapshotsForever.ts'), dbPath, String(nodes), ...stallAt];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (!out.includes(trigger) && (out + d.toString()).includes(trigger)) setTimeout(() => child.kill('SIGKILL'), delayMs);
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${err}`));
      else resolve([...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
    });
  });
}

describe('a writer killed mid-save', () => {
  // Stalled inside the transaction at its first node, halfway through the nodes and at the
  // summaries; then free-running kills at arbitrary moments (packing, writing, between saves).
  it.each([
    ['first node row', 'inside', 0, ['node', '0'], false],
    ['half the node rows', 'inside', 0, ['node', '10000'], true],
    ['the summary rows', 'inside', 0, ['area_summary', '0'], true],
    ['free-running, 1.5 s', 'ready', 1500, [], false],
    ['free-running, 3.5 s', 'ready', 3500, [], false],
  ] as const)(
    'leaves a consistent database with earlier snapshots intact (killed at %s)',
    async (_name, trigger, delayMs, stallAt, spilled) => {
      const dbPath = join(dir, `kill-${trigger}-${delayMs}-${stallAt.join('-')}.sqlite`);
      const earlier = makeSnapshot({ nodes: 200, seed: 5 });
      const setup = openStore({ path: dbPath });
      const earlierId = setup.saveSnapshot(earlier);
      const expected = loadSnapshotInput(setup.db, earlierId);
      setup.close();

      const reported = await killWriter(dbPath, trigger, delayMs, [...stallAt]);
      if (trigger === 'inside') {
        // The stalled transaction wrote nothing that may survive, though its pages may already sit in the WAL.
        expect(reported).toEqual([]);
      }
      if (spilled) {
        // The uncommitted transaction outgrew the page cache and spilled into the WAL: recovery
        // must ignore those frames (closing the setup connection had removed the WAL).
        expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);
      }

      const store = openStore({ path: dbPath });
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.db.pragma('foreign_key_check')).toEqual([]);
        expect(loadSnapshotInput(store.db, earlierId)).toEqual(expected);
        const ids = store
          .listSnapshots()
          .map((s) => s.id)
          .filter((id) => id !== earlierId)
          .sort((a, b) => a - b);
        // Every reported commit survived; at most one more committed just before the kill.
        expect(ids.slice(0, reported.length)).toEqual(reported);
        expect(ids.length - reported.length).toBeLessThanOrEqual(1);
        for (const s of store.listSnapshots()) {
          const count = (table: string): unknown =>
            store.db.prepare(`SELECT count(*) FROM ${table} WHERE snapshot_id = ?`).pluck().get(s.id);
          expect(count('node')).toBe(s.nodeCount);
          expect(loadSnapshotInput(store.db, s.id).input.nodes).toHaveLength(s.nodeCount);
          expect(store.db.prepare('SELECT sum(nodes) FROM area_summary WHERE snapshot_id = ?').pluck().get(s.id)).toBe(s.nodeCount);
        }
      } finally {
        store.close();
      }
    },
  );
});

/** Everything stored for one snapshot, hashed: a change in any of its rows changes the hash. */
function snapshotFingerprint(store: Store, id: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(store.db.prepare('SELECT * FROM snapshot WHERE id = ?').raw().all(id)));
  for (const table of ['scope', 'node', 'node_detail', 'rule_summary', 'area_summary', 'snapshot_part']) {
    for (const row of store.db.prepare(`SELECT * FROM ${table} WHERE snapshot_id = ?`).raw().iterate(id)) {
      for (const cell of row as unknown[]) hash.update(Buffer.isBuffer(cell) ? cell : String(cell)).update('\u0000');
    }
  }
  return hash.digest('hex');
}

describe('a writer killed at random moments, again and again on one database', () => {
  const KILLS = 20;

  it(`keeps the database consistent and every earlier snapshot intact after each of ${KILLS} kills`, async () => {
    const dbPath = join(dir, 'random-kills.sqlite');
    const prng = createPrng('random-kill-points');
    const known = new Map<number, string>();
    const setup = openStore({ path: dbPath });
    const first = setup.saveSnapshot(makeSnapshot({ nodes: 300, seed: 7 }));
    known.set(first, snapshotFingerprint(setup, first));
    setup.close();

    const rows: string[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      // Saves of 1,500 nodes take a few hundred milliseconds here: random delays land before the
      // first save, while packing, inside the transaction and between commits.
      const delayMs = prng.int(0, 400);
      const reported = await killWriter(dbPath, 'ready', delayMs, [], 1_500);
      const walBytes = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
      const store = openStore({ path: dbPath });
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.db.pragma('foreign_key_check')).toEqual([]);
        const ids = store.listSnapshots().map((s) => s.id);
        // Every earlier snapshot is exactly as it was.
        for (const [id, fingerprint] of known) {
          expect(ids).toContain(id);
          expect(snapshotFingerprint(store, id)).toBe(fingerprint);
        }
        // Every new one is whole; every reported commit is there, at most one more besides.
        const added = ids.filter((id) => !known.has(id)).sort((a, b) => a - b);
        expect(added.slice(0, reported.length)).toEqual(reported);
        expect(added.length - reported.length).toBeLessThanOrEqual(1);
        for (const id of added) {
          const meta = store.getSnapshot(id)!;
          expect(store.db.prepare('SELECT count(*) FROM node WHERE snapshot_id = ?').pluck().get(id)).toBe(meta.nodeCount);
          expect(loadSnapshotInput(store.db, id).input.nodes).toHaveLength(1_500);
          known.set(id, snapshotFingerprint(store, id));
        }
        rows.push(
          `${String(kill).padStart(2)}  killed after ${String(delayMs).padStart(3)} ms  commits ${reported.length}+${added.length - reported.length}  WAL ${walBytes} B  integrity ok  ${known.size} snapshots intact`,
        );
      } finally {
        store.close();
      }
    }
    console.log(`[reliability] crash safety: ${KILLS} SIGKILLs of a writer at random moments (seeded), one database`);
    for (const row of rows) console.log(`[reliability]   ${row}`);
    console.log(`[reliability]   every time: integrity_check ok, every earlier snapshot identical; ${known.size} snapshots at the end`);
    expect(known.size).toBeGreaterThan(KILLS);
  }, 120_000);
});
