/**
 * Files in the web host: the browser uploads a file (POST /upload, streamed to a private
 * folder, an opaque id back) before `snapshots:import`; saved results land in that folder and
 * are offered once at /downloads/<random>/<name>.
 *
 * The folder is `web-files/run-<pid>-<random>` inside the data folder: private to the user like
 * the database, and findable after a crash. An upload is imported by the first call that takes
 * it, and removed when the last call naming it ends, imported or refused (a second call naming
 * it while the first still reads it must not remove the file under it); what a crashed run left
 * is removed when the next web host starts on the same data folder.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { HostFiles, SaveTarget } from '../core/host';

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
/** The web host's own folder inside the data folder; nothing else is kept there. */
export const WEB_FILES_FOLDER = 'web-files';

interface Upload {
  path: string;
  /** Handed to an import already: a second call naming the id gets nothing. */
  taken: boolean;
  /** Calls naming the id that have not ended: the file goes when the last one ends. */
  calls: number;
}

/** A name the host can write and serve: no folder, nothing but word characters, dots and dashes. */
function safeFileName(name: string, fallback: string): string {
  return (
    basename(name)
      .replace(/[^\w.-]/g, '_')
      .replace(/^\.+/, '') || fallback
  );
}

export class WebFiles implements HostFiles {
  readonly dir: string;
  readonly #uploads = new Map<string, Upload>();
  readonly #downloads = new Map<string, { path: string; fileName: string }>();

  constructor(dataDir: string) {
    const root = join(dataDir, WEB_FILES_FOLDER);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    removeLeftRuns(root);
    this.dir = mkdtempSync(join(root, `run-${process.pid}-`));
  }

  async chooseImportFile(uploadId?: string): Promise<string | null> {
    const upload = uploadId === undefined ? undefined : this.#uploads.get(uploadId);
    if (!upload || upload.taken) return null;
    upload.taken = true;
    return upload.path;
  }

  /** A call naming the upload begins; each is paired with `releaseUpload` when it ends. */
  holdUpload(uploadId: string): void {
    const upload = this.#uploads.get(uploadId);
    if (upload) upload.calls += 1;
  }

  /** A call naming the upload has ended: after the last one the file goes (kept nowhere once imported or refused). */
  releaseUpload(uploadId: string): void {
    const upload = this.#uploads.get(uploadId);
    if (!upload || --upload.calls > 0) return;
    this.#uploads.delete(uploadId);
    // Each upload has a folder of its own, so its file keeps the name it was sent with.
    removeQuietly(dirname(upload.path));
  }

  async chooseSaveTarget(_kind: string, defaultName: string): Promise<SaveTarget | null> {
    const token = randomBytes(18).toString('base64url');
    const fileName = safeFileName(defaultName, 'download');
    const path = join(this.dir, `${token}-${fileName}`);
    return {
      path,
      done: () => {
        this.#downloads.set(token, { path, fileName });
        return { fileName, downloadUrl: `/downloads/${token}/${encodeURIComponent(fileName)}` };
      },
    };
  }

  /**
   * Streams a request body to a private file; null when it is larger than the limit. The file keeps
   * the browser's name for it (made safe, in a folder of its own), which an import records.
   */
  async receiveUpload(req: IncomingMessage, name = ''): Promise<string | null> {
    const id = randomBytes(24).toString('base64url');
    const folder = join(this.dir, `upload-${id}`);
    mkdirSync(folder, { mode: 0o700 });
    const path = join(folder, safeFileName(name, 'upload'));
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
    });
    try {
      await pipeline(req, createWriteStream(path, { mode: 0o600 }));
    } catch {
      rmSync(folder, { recursive: true, force: true });
      return null;
    }
    this.#uploads.set(id, { path, taken: false, calls: 0 });
    return id;
  }

  /** A prepared download, once: the token is forgotten when it is taken. */
  takeDownload(token: string): { path: string; fileName: string } | undefined {
    const entry = this.#downloads.get(token);
    this.#downloads.delete(token);
    return entry;
  }

  /** This run's folder only: the data folder around it is the user's. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Removes the folders of runs whose process is gone (a crash, a kill); a live host's stay. */
function removeLeftRuns(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = /^run-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where an open file cannot be removed (Windows, a read still running), the run's folder takes it at exit. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Left for dispose() or the next start.
  }
}
