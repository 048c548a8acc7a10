/**
 * Temporary folders for tests, under the OS temp folder. Each one is removed once its test
 * file has finished (test/support/setup.ts registers the sweep), whether a test, a hook or the
 * module itself made it, so a run leaves nothing behind and no test needs its own cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A new empty folder named `<prefix><random>`; the prefix says which test left it, if one ever does. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
