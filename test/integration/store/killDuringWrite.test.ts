import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createPrng } from '../../../electron/core/sim/prng';
import { openStore, type Store } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

const dir = tempDir('pa-kill-');

/** A temporary trigger in the writer (see writeSnapshotsForever.ts) that prints `inside`. */
interface Trigger {
  table: 'node' | 'area_summary';
  seq: number;
  /** `stall` stops the writer on the line; `mark` lets it carry on. */
  mode: 'stall' | 'mark';
}

/**
 * Where to SIGKILL the writer, in its own progress lines rather than milliseconds, so the kill
 * lands at the same point of the writing on a fast machine and on a slow one.
 */
interface KillPoint {
  /** `saved` lines to see first (0: from `ready` on). */
  commits: number;
  /** Then the trigger's next `inside` line too, i.e. inside the save after those commits. */
  inside?: boolean;
}

/** Starts the writer and SIGKILLs it at `point`; returns the ids it reported as committed. */
function killWriter(dbPath: string, point: KillPoint, trigger?: Trigger, nodes = 20_000): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const triggerArgs = trigger ? [trigger.table, String(trigger.seq), trigger.mode] : [];
    const args = ['--import', 'tsx', join(import.meta.dirname, 'writeSnapshotsForever.ts'), dbPath, String(nodes), ...triggerArgs];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let partial = '';
    let err = '';
    let ready = false;
    let saved = 0;
    let inside = false;
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') ready = true;
        else if (line.startsWith('saved ')) saved++;
        // An `inside` of an earlier save does not count: the kill belongs after `commits`.
        else if (line === 'inside' && saved >= point.commits) inside = true;
      }
      if (!killed && ready && saved >= point.commits && (!point.inside || inside)) {
        killed = true;
        child.kill('SIGKILL');
      }
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
  // summaries; then free-running kills placed by the writer's own lines: right after a commit
  // (while the next save packs) and as a later save passes half its node rows.
  const stall = (table: Trigger['table'], seq: number): Trigger => ({ table, seq, mode: 'stall' });
  it.each<[string, KillPoint, Trigger | undefined, boolean]>([
    ['first node row', { commits: 0, inside: true }, stall('node', 0), false],
    ['half the node rows', { commits: 0, inside: true }, stall('node', 10_000), true],
    ['the summary rows', { commits: 0, inside: true }, stall('area_summary', 0), true],
    ['free-running, right after the first commit', { commits: 1 }, undefined, false],
    [
      'free-running, half the node rows of the second save',
      { commits: 1, inside: true },
      { table: 'node', seq: 10_000, mode: 'mark' },
      false,
    ],
  ])(
    'leaves a consistent database with earlier snapshots intact (killed at %s)',
    async (name, point, trigger, spilled) => {
      const dbPath = join(dir, `kill-${name.replace(/\W+/g, '-')}.sqlite`);
      const earlier = makeSnapshot({ nodes: 200, seed: 5 });
      const setup = openStore({ path: dbPath });
      const earlierId = setup.saveSnapshot(earlier);
      const expected = setup.loadSnapshotInput(earlierId);
      setup.close();

      const reported = await killWriter(dbPath, point, trigger);
      if (trigger?.mode === 'stall') {
        // The stalled transaction wrote nothing that may survive, though its pages may already sit in the WAL.
        expect(reported).toEqual([]);
      }
      // The kill waited for these commit lines, so they are the least that must have survived.
      expect(reported.length).toBeGreaterThanOrEqual(point.commits);
      if (spilled) {
        // The uncommitted transaction outgrew the page cache and spilled into the WAL: recovery
        // must ignore those frames (closing the setup connection had removed the WAL).
        expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);
      }

      const store = openStore({ path: dbPath });
      try {
        expect(store.checkIntegrity()).toEqual([]);
        expect(store.loadSnapshotInput(earlierId)).toEqual(expected);
        const ids = store
          .listSnapshots()
          .map((s) => s.id)
          .filter((id) => id !== earlierId)
          .sort((a, b) => a - b);
        // Every reported commit survived; at most one more committed just before the kill.
        expect(ids.slice(0, reported.length)).toEqual(reported);
        expect(ids.length - reported.length).toBeLessThanOrEqual(1);
        for (const s of store.listSnapshots()) {
          expect(store.queryNodes(s.id, { limit: 0 }).total).toBe(s.nodeCount);
          expect(store.loadSnapshotInput(s.id).input.nodes).toHaveLength(s.nodeCount);
          expect(store.scopeSummary(s.id).reduce((sum, area) => sum + area.nodes, 0)).toBe(s.nodeCount);
        }
      } finally {
        store.close();
      }
    },
    180_000,
  );
});

/** Everything stored for one snapshot, hashed: a change in any of its rows changes the hash. */
function snapshotFingerprint(store: Store, id: number): string {
  // The raw rows, through a connection of our own (the store's is sealed, and its API decodes).
  const db = new Database(store.path, { readonly: true });
  try {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(db.prepare('SELECT * FROM snapshot WHERE id = ?').raw().all(id)));
    for (const table of ['scope', 'node', 'node_detail', 'rule_summary', 'area_summary', 'snapshot_part']) {
      for (const row of db.prepare(`SELECT * FROM ${table} WHERE snapshot_id = ?`).raw().iterate(id)) {
        for (const cell of row as unknown[]) hash.update(Buffer.isBuffer(cell) ? cell : String(cell)).update('\u0000');
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
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
    let waitedFor = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      // Kill points are drawn in the writer's own lines: after 0–2 commits, then at once (before
      // the first save or while the next one packs), at a random node row or at the summary rows
      // of the next save (inside its transaction, unless it commits before the signal lands).
      const commits = prng.int(0, 2);
      const place = prng.pick(['packing', 'node row', 'summary rows'] as const);
      const trigger: Trigger | undefined =
        place === 'node row'
          ? { table: 'node', seq: prng.int(0, 1_499), mode: 'mark' }
          : place === 'summary rows'
            ? { table: 'area_summary', seq: 0, mode: 'mark' }
            : undefined;
      const reported = await killWriter(dbPath, { commits, inside: trigger !== undefined }, trigger, 1_500);
      expect(reported.length).toBeGreaterThanOrEqual(commits);
      waitedFor += commits;
      const walBytes = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
      const store = openStore({ path: dbPath });
      try {
        expect(store.checkIntegrity()).toEqual([]);
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
          expect(store.queryNodes(id, { limit: 0 }).total).toBe(meta.nodeCount);
          expect(store.loadSnapshotInput(id).input.nodes).toHaveLength(1_500);
          known.set(id, snapshotFingerprint(store, id));
        }
        rows.push(
          `${String(kill).padStart(2)}  killed after ${commits} commits, ${(trigger ? `at ${place} ${trigger.seq}` : place).padEnd(18)}  commits ${reported.length}+${added.length - reported.length}  WAL ${walBytes} B  integrity ok  ${known.size} snapshots intact`,
        );
      } finally {
        store.close();
      }
    }
    console.log(`[reliability] crash safety: ${KILLS} SIGKILLs of a writer at random moments (seeded), one database`);
    for (const row of rows) console.log(`[reliability]   ${row}`);
    console.log(`[reliability]   every time: integrity_check ok, every earlier snapshot identical; ${known.size} snapshots at the end`);
    // Each kill waited for its commit lines: all of them, and the first snapshot, must be there.
    expect(known.size).toBeGreaterThanOrEqual(1 + waitedFor);
  }, 300_000);
});
