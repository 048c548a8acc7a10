/**
 * Runs `readArchiveContent` in a worker thread with its own heap limit, so a
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

/**
 * The worker's heap is capped (`resourceLimits`) and its work bounded by the shape scan
 * (archiveShape.ts), so there is no deadline: a file is refused for what it holds, never for how
 * busy the machine is. However the worker ends without an answer, that is an ImportError for this
 * file, and the calling process carries on.
 */
export function readInWorker(input: ImportWorkerInput, limits: WorkerLimits): Promise<ValidatedArchive> {
  const worker = new Worker(workerEntry(), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } });
  return new Promise<ValidatedArchive>((resolve, reject) => {
    worker.once('message', (reply: ImportWorkerReply) => (reply.ok ? resolve(reply.archive) : reject(refusal(reply))));
    worker.once('error', (err: Error & { code?: string }) =>
      reject(
        new ImportError(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `Reading the file needs more than the ${limits.heapMb} MB of memory an import may use; it was refused.`
            : `Reading the file failed (${err.message}); it was refused.`,
        ),
      ),
    );
    worker.once('exit', (code) =>
      reject(new ImportError(`Reading the file stopped (exit code ${code}) without an answer; it was refused.`)),
    );
  });
}
