/**
 * Files in the web host: the browser uploads a file (POST /upload, streamed to a private temp
 * folder, an opaque id back) before `snapshots:import`; saved results land in that folder and
 * are offered once at /downloads/<random>/<name>.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { HostFiles, SaveTarget } from '../core/files';

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** A name the host can write and serve: no folder, nothing but word characters, dots and dashes. */
function safeFileName(name: string, fallback: string): string {
  return (
    basename(name)
      .replace(/[^\w.-]/g, '_')
      .replace(/^\.+/, '') || fallback
  );
}

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
