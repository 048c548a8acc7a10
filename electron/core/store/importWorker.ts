/**
 * The import worker's entry: reads and validates one export file (`readArchiveContent`) in its
 * own thread and heap, and posts back the validated snapshots or the reason for refusing them.
 * Started by `archiveWorker.ts`; bundled as out/main/importWorker.cjs for the desktop app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ContentTooLargeError, ImportError, readArchiveContent } from './archiveRead';
import type { ImportWorkerInput, ImportWorkerReply } from './archiveWorker';

const { file, announcedBytes } = workerData as ImportWorkerInput;

async function reply(): Promise<ImportWorkerReply> {
  try {
    return { ok: true, archive: await readArchiveContent(file, announcedBytes) };
  } catch (err) {
    if (err instanceof ContentTooLargeError)
      return { ok: false, message: err.message, tooLarge: { capBytes: err.capBytes, inflatedBytes: err.inflatedBytes } };
    if (err instanceof ImportError) return { ok: false, message: err.message };
    throw err;
  }
}

// No top-level await: the desktop build bundles this file as CommonJS. An unexpected error
// rejects, which ends the worker with an 'error' event the caller reports as it is.
void reply().then((message) => parentPort?.postMessage(message));
