/**
 * Snapshot files opened from the OS: a double-click on a `.patchaudit` file arrives as the
 * macOS `open-file` event (possibly before the app is ready) or, on Windows and Linux, as an
 * argument of the first launch or of a second one. All of them land in one queue that the
 * core drains once it is ready.
 */
import type { App } from 'electron';
import { isAbsolute, resolve } from 'node:path';
import { SNAPSHOT_EXTENSION } from '../core/host';

export function isSnapshotFile(path: string): boolean {
  return path.toLowerCase().endsWith(SNAPSHOT_EXTENSION);
}

/**
 * The snapshot files named on a command line. Chromium switches (`--flag`) and the executable
 * itself never match; relative paths are resolved against the launching shell's directory.
 */
export function snapshotPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && isSnapshotFile(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

export class PendingImports {
  private readonly paths: string[] = [];
  private listener: (() => void) | null = null;

  push(...paths: readonly string[]): void {
    const fresh = paths.filter((path, index) => !this.paths.includes(path) && paths.indexOf(path) === index);
    this.paths.push(...fresh);
    if (fresh.length > 0) this.listener?.();
  }

  /** Everything queued so far, in arrival order; the queue is empty afterwards. */
  take(): string[] {
    return this.paths.splice(0, this.paths.length);
  }

  /** Called now if files are waiting, and whenever new ones arrive. */
  onAvailable(listener: () => void): void {
    this.listener = listener;
    if (this.paths.length > 0) listener();
  }
}

/** macOS delivers documents through `open-file`; taking the event tells it the app handled it. */
export function listenForOpenFile(app: Pick<App, 'on'>, queue: PendingImports): void {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isSnapshotFile(path)) queue.push(path);
  });
}

/** Takes every queued file and imports it one after the other; a bad file does not stop the rest. */
export async function drainPendingImports(
  queue: PendingImports,
  importFile: (path: string) => Promise<void>,
  onError: (path: string, err: unknown) => void,
): Promise<void> {
  for (const path of queue.take()) {
    try {
      await importFile(path);
    } catch (err) {
      onError(path, err);
    }
  }
}

export interface OpenedFileImport {
  /** The snapshot count of the file's header, read without importing anything. */
  describe: (path: string) => Promise<{ snapshots: number }>;
  confirm: (path: string, snapshots: number) => Promise<boolean>;
  importFile: (path: string) => Promise<void>;
}

/** Imports a file the OS opened only once the user said yes to its name and snapshot count; true if imported. */
export async function importOpenedFile(path: string, steps: OpenedFileImport): Promise<boolean> {
  const { snapshots } = await steps.describe(path);
  if (!(await steps.confirm(path, snapshots))) return false;
  await steps.importFile(path);
  return true;
}
