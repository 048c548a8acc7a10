import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type Log = (line: string) => void;

export interface RotationOptions {
  /** Size at which the file is rotated (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one: `main.log.1` … `main.log.<keep>` (default 3). */
  keep?: number;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function rotate(path: string, keep: number): void {
  rmSync(`${path}.${keep}`, { force: true });
  for (let index = keep - 1; index >= 1; index--) {
    try {
      renameSync(`${path}.${index}`, `${path}.${index + 1}`);
    } catch {
      // A gap in the series (a file removed by hand) is fine.
    }
  }
  if (keep > 0) renameSync(path, `${path}.1`);
  else rmSync(path, { force: true });
}

/**
 * A line-per-event log, appended synchronously so the last lines survive a crash, and rotated
 * by size so a long-running install never fills the disk.
 * Callers log names, counts and ids, never request bodies or credentials.
 */
export function createFileLog(path: string, prefix: string, clock: () => Date = () => new Date(), rotation: RotationOptions = {}): Log {
  const maxBytes = rotation.maxBytes ?? 1024 * 1024;
  const keep = rotation.keep ?? 3;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let size = sizeOf(path);
  return (line) => {
    const entry = `${clock().toISOString()} [${prefix}] ${line.replace(/[\r\n]+/g, ' ')}\n`;
    const bytes = Buffer.byteLength(entry);
    if (size > 0 && size + bytes > maxBytes) {
      rotate(path, keep);
      size = 0;
    }
    appendFileSync(path, entry, { mode: 0o600 });
    size += bytes;
  };
}
