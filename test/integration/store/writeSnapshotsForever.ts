/**
 * Child process of killDuringWrite.test.ts: saves big snapshots in a loop until it is killed,
 * announcing each commit on stdout (`saved ID`). Run as
 * `node --import tsx writeSnapshotsForever.ts DB NODES [TABLE SEQ [stall|mark]]`: with TABLE and
 * SEQ, a temporary trigger prints `inside` when row SEQ of TABLE is written inside a save's
 * transaction (the first row written for summary tables). `stall` (the default) then stops
 * there, so the parent's SIGKILL provably lands mid-transaction; `mark` prints it once per save
 * and carries on, so the parent can kill at a known point of the save without fixing a delay.
 */
import { writeSync } from 'node:fs';
import { openStore, probeWrites } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';

const [dbPath, nodes, table, seq, mode = 'stall'] = process.argv.slice(2);
if (!dbPath || !nodes || (mode !== 'stall' && mode !== 'mark'))
  throw new Error('usage: writeSnapshotsForever.ts DB NODES [TABLE SEQ [stall|mark]]');
const store = openStore({ path: dbPath });
let commits = 0;
let markedAt = -1;
if (table && seq) {
  if (table !== 'node' && table !== 'area_summary') throw new Error(`no probe on table ${table}`);
  probeWrites(store, table === 'node' ? { table, seq: Number(seq) } : { table }, () => {
    if (mode === 'mark') {
      // Summary rows fire the trigger once per row: one line per save is enough to kill on.
      if (markedAt !== commits) writeSync(1, 'inside\n');
      markedAt = commits;
      return null;
    }
    writeSync(1, 'inside\n');
    // Bounded only so an orphan cannot stall for ever; the parent kills on the line, long before.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  });
}
const input = makeSnapshot({ nodes: Number(nodes), seed: 99, label: 'killed' });
writeSync(1, 'ready\n');
for (;;) {
  const id = store.saveSnapshot(input);
  commits++;
  writeSync(1, `saved ${id}\n`);
}
