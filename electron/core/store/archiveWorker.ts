/**
 * Runs `readArchiveContent` in a worker thread with its own heap limit and a deadline, so a
 * hostile file can exhaust neither the caller's thread nor its memory (issue 17): the worker
 * inflates, parses and validates, and hands back only snapshots that passed every check.
 */
import { Worker } from 'node:worker_threads';
import { ContentTooLargeError, ImportError, type ValidatedArchive } from './archiveRead';

export interface ImportWorkerInput {
  file: string;
  announcedBytes: number;
}

export type ImportWorkerReply =
  { ok: true; archive: ValidatedArchive } | { ok: false; message: string; tooLarge?: { capBytes: number; inflatedBytes: number } };

export interface WorkerLimits {
  heapMb: number;
  timeoutMs: number;
}

/**
 * From sources (tests, the CLI, the web host) this module is a .ts file run through tsx, and the
 * worker starts from a script that registers tsx in its own thread; the desktop build bundles
 * the worker as importWorker.cjs beside main.cjs and defines import.meta.url as the bundle's
 * (build/scripts/buildElectron.mjs).
 */
function workerEntry(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './importWorkerFromSources.mjs' : './importWorker.cjs', here);
}

function refusal(reply: Extract<ImportWorkerReply, { ok: false }>): ImportError {
  return reply.tooLarge
    ? new ContentTooLargeError(reply.message, reply.tooLarge.capBytes, reply.tooLarge.inflatedBytes)
    : new ImportError(reply.message);
}

export function readInWorker(input: ImportWorkerInput, limits: WorkerLimits): Promise<ValidatedArchive> {
  const worker = new Worker(workerEntry(), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } });
  return new Promise<ValidatedArchive>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ImportError(`Reading the file took longer than ${limits.timeoutMs / 1000} s; it was refused.`));
      void worker.terminate();
    }, limits.timeoutMs);
    worker.once('message', (reply: ImportWorkerReply) => (reply.ok ? resolve(reply.archive) : reject(refusal(reply))));
    worker.once('error', (err: Error & { code?: string }) =>
      reject(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportError(`Reading the file needs more than the ${limits.heapMb} MB of memory an import may use; it was refused.`)
          : err,
      ),
    );
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The import worker stopped (exit code ${code}) without an answer.`));
    });
  });
}
