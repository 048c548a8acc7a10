/**
 * One import in a process of its own, so its peak memory is the import's (worker included: threads
 * share the process) and not the bench's. Reads a file name from argv[2], writes an
 * `ArchiveRefusal` as JSON on stdout.
 */
import { importSnapshots, openStore } from '../../electron/core/store';

export interface ArchiveRefusal {
  refused: boolean;
  message: string;
  ms: number;
  /** Peak resident set of this process, in bytes. */
  maxRssBytes: number;
}

const file = process.argv[2] ?? '';
const store = openStore({ path: ':memory:' });
const started = performance.now();
const outcome = await importSnapshots(store, file).then(
  () => ({ refused: false, message: '' }),
  (err: unknown) => ({ refused: true, message: err instanceof Error ? err.message : String(err) }),
);
const run: ArchiveRefusal = { ...outcome, ms: performance.now() - started, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
store.close();
process.stdout.write(JSON.stringify(run));
