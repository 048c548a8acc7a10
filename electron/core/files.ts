/**
 * Files the user picks: the only way the renderer gets a file read or written. The renderer
 * never names a path: in the desktop app the main process shows the OS dialog; in the web host
 * the file is uploaded first (an opaque id) and results are offered as one-time downloads.
 */
import { closeSync, fchmodSync, fstatSync, openSync, writeFileSync } from 'node:fs';

export type SaveKind = 'snapshot-export' | 'report-pdf' | 'report-html' | 'csv' | 'json';

export interface SavedFile {
  fileName: string;
  downloadUrl?: string;
}

export interface SaveTarget {
  /** Where to write. */
  path: string;
  /**
   * Called after writing: what the renderer is told (a download URL in the web host). A promise
   * where the target belongs to another thread (the core's worker asks its host).
   */
  done(): SavedFile | Promise<SavedFile>;
}

export interface HostFiles {
  /** The open dialog; null when the user cancels. `uploadId` is the web host's uploaded file. */
  chooseImportFile(uploadId?: string): Promise<string | null>;
  /** The save dialog (or a download slot); null when the user cancels. */
  chooseSaveTarget(kind: SaveKind, defaultName: string): Promise<SaveTarget | null>;
}

/** A host without file access (tests of other domains). */
export const NO_FILES: HostFiles = {
  chooseImportFile: async () => null,
  chooseSaveTarget: async () => null,
};

/**
 * Writes a report or export readable by its owner only: it holds a client's account ids, node
 * names and findings. The mode given to writeFileSync applies only to a new file, so an existing
 * one (a report written again over the last) is narrowed too.
 */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeFileSync(fd, data);
    // Only a regular file: `-o /dev/stdout` must not change the terminal's permissions.
    if (fstatSync(fd).isFile()) fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}
