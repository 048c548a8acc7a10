/**
 * Files in the web host: the browser uploads a file (POST /upload, streamed to a private temp
 * folder, an opaque id back) before `snapshots:import`; saved results land in that folder and
 * are offered once at /downloads/<random>/<name>.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { HostFiles, SaveTarget } from '../core/files';

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export class WebFiles implements HostFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'pa-webfiles-'));
  readonly #uploads = new Map<string, string>();
  readonly #downloads = new Map<string, { path: string; fileName: string }>();

  async chooseImportFile(uploadId?: string): Promise<string | null> {
    if (!uploadId) return null;
    const path = this.#uploads.get(uploadId);
    this.#uploads.delete(uploadId);
    return path ?? null;
  }

  async chooseSaveTarget(_kind: string, defaultName: string): Promise<SaveTarget | null> {
    const token = randomBytes(18).toString('base64url');
    const fileName = basename(defaultName).replace(/[^\w.-]/g, '_') || 'download';
    const path = join(this.dir, `${token}-${fileName}`);
    return {
      path,
      done: () => {
        this.#downloads.set(token, { path, fileName });
        return { fileName, downloadUrl: `/downloads/${token}/${encodeURIComponent(fileName)}` };
      },
    };
  }

  /** Streams a request body to a private file; null when it is larger than the limit. */
  async receiveUpload(req: IncomingMessage): Promise<string | null> {
    const id = randomBytes(24).toString('base64url');
    const path = join(this.dir, `upload-${id}`);
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
    });
    try {
      await pipeline(req, createWriteStream(path, { mode: 0o600 }));
    } catch {
      rmSync(path, { force: true });
      return null;
    }
    this.#uploads.set(id, path);
    return id;
  }

  /** A prepared download, once: the token is forgotten when it is taken. */
  takeDownload(token: string): { path: string; fileName: string } | undefined {
    const entry = this.#downloads.get(token);
    this.#downloads.delete(token);
    return entry;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
