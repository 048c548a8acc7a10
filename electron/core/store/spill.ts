/**
 * Issue 28: an audit whose save fails for want of disk space is not thrown away. Its snapshot is
 * written as an export file (the app's own format, so `patch-audit import` or the app's Import
 * adds it once there is room) to the first of the given files that can be written.
 */
import type { SnapshotToSave } from './saveSnapshot';
import { exportSnapshots } from './archive';
import { openStore } from './openStore';

/** Writes `input` to the first of `files` it can; returns that file, or undefined when none could be written. */
export function spillSnapshot(input: SnapshotToSave, files: readonly string[]): string | undefined {
  // An in-memory database turns the packed audit into what export reads, without the disk.
  const memory = openStore({ path: ':memory:' });
  try {
    const id = memory.saveSnapshot(input);
    for (const file of files) {
      try {
        exportSnapshots(memory, [id], file);
        return file;
      } catch {
        // Another full disk, a folder that is gone or not writable, an audit too large for one
        // file: the next place is tried, and the caller says if none took it.
      }
    }
    return undefined;
  } finally {
    memory.close();
  }
}
