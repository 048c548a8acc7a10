/**
 * One app per user: a second launch (a double-clicked `.patchaudit` file, a second shortcut)
 * hands its command line to the first instance and quits, so two processes never write the
 * same SQLite file and the user finds the window they already had.
 */
import type { App } from 'electron';

export type InstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;

export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings a window to the front; restores it first when it sits minimized in the taskbar. */
export function focusWindow(window: FocusableWindow | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Claims the lock. Returns false (and quits) in a second instance; in the first, calls
 * `onSecondInstance` with the other launch's argv and working directory.
 */
export function claimSingleInstance(app: InstanceApp, onSecondInstance: (argv: readonly string[], cwd: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondInstance(argv, workingDirectory));
  return true;
}
