/**
 * Child process of killDuringWrite.test.ts: saves big snapshots in a loop until it is killed,
 * announcing each commit on stdout. Run as
 * `node --import tsx writeSnapshotsForever.ts DB NODES [TABLE SEQ]`: with TABLE and SEQ, a
 * temporary trigger announces `inside` when row SEQ of TABLE is written inside the save's
 * transaction and then stalls there, so the parent's SIGKILL provably lands mid-transaction.
 */
import { writeSync } from 'node:fs';
import { openStore } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';

const [dbPath, nodes, table, seq] = process.argv.slice(2);
if (!dbPath || !nodes) throw new Error('usage: writeSnapshotsForever.ts DB NODES [TABLE SEQ]');
const store = openStore({ path: dbPath });
if (table && seq) {
  store.db.function('announce_inside', () => {
    writeSync(1, 'inside\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    return null;
  });
  const when = table === 'node' ? `NEW.seq = ${Number(seq)}` : '1';
  store.db.exec(`CREATE TEMP TRIGGER stall AFTER INSERT ON main.${table} WHEN ${when} BEGIN SELECT announce_inside(); END`);
}
const input = makeSnapshot({ nodes: Number(nodes), seed: 99, label: 'killed' });
writeSync(1, 'ready\n');
for (;;) writeSync(1, `saved ${store.saveSnapshot(input)}\n`);
