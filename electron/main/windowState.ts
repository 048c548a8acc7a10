/**
 * The window reopens where the user left it: bounds and maximized state are kept as JSON in
 * the data folder. A saved position is used only if it still lies on a connected display
 * (a laptop undocked from its second monitor must not open the window off-screen).
 */
import type { Rectangle } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Display {
  workArea: Rectangle;
}

export interface Placement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The saved state, or null when the file is missing, unreadable or not ours. */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written through a temporary file and a rename, so a crash mid-write leaves the old state. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, file);
}

/** How much of the window's top strip (where the title bar is) a work area shows, in pixels of width. */
function visibleTitleBar(bounds: Rectangle, area: Rectangle): number {
  const top = Math.max(bounds.y, area.y);
  const bottom = Math.min(bounds.y + TITLE_BAR, area.y + area.height);
  if (bottom <= top) return 0;
  return Math.max(0, Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x));
}

const TITLE_BAR = 32;
/** Enough of the title bar must be reachable to drag the window back. */
const MIN_VISIBLE = 64;

/**
 * Where to open the window: the saved bounds if they still meet a display (clamped to that
 * display's work area), else the defaults centred by the OS.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly Display[],
  defaults: { width: number; height: number },
): Placement {
  if (!saved) return { ...defaults, maximized: false };
  const host = displays.find((display) => visibleTitleBar(saved, display.workArea) >= Math.min(MIN_VISIBLE, saved.width));
  if (!host)
    return { width: Math.min(saved.width, defaults.width), height: Math.min(saved.height, defaults.height), maximized: saved.maximized };
  const area = host.workArea;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  getNormalBounds(): Rectangle;
}

/**
 * Saves the state when the window closes and, debounced, after moves and resizes (so a
 * crash keeps a recent position). The normal bounds are kept while maximized, so
 * un-maximizing after a restart returns to the size the user chose.
 */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): void {
  let pending: unknown = null;
  const snapshot = () => {
    if (window.isMinimized() || window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    save({
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      maximized: window.isMaximized(),
    });
  };
  const later = () => {
    if (pending !== null) timers.clear(pending);
    pending = timers.set(() => {
      pending = null;
      snapshot();
    }, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    if (pending !== null) timers.clear(pending);
    pending = null;
    snapshot();
  });
}
