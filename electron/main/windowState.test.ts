import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeWindow, readWindowState, trackWindowState, writeWindowState, type TrackedWindow, type WindowState } from './windowState';
import { tempDir } from '../../test/support/tempDir';

const defaults = { width: 1280, height: 800 };
const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 875 } };
const external = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };

describe('window state file', () => {
  const dir = tempDir('pa-winstate-');

  it('round-trips through JSON in the data folder', () => {
    const file = join(dir, 'nested', 'window-state.json');
    const state: WindowState = { x: 10, y: 20, width: 1300, height: 820, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('ignores a missing, damaged or foreign file', () => {
    expect(readWindowState(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{not json');
    expect(readWindowState(join(dir, 'bad.json'))).toBeNull();
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify({ x: 1, y: 1, width: -5, height: 10, maximized: false }));
    expect(readWindowState(join(dir, 'foreign.json'))).toBeNull();
  });
});

describe('placeWindow', () => {
  it('uses the defaults the first time', () => {
    expect(placeWindow(null, [laptop], defaults)).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('restores bounds that are on a connected display', () => {
    const saved = { x: 1600, y: 0, width: 1500, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop, external], defaults)).toEqual({ x: 1600, y: 0, width: 1500, height: 1000, maximized: false });
  });

  it('drops the position of a window left on a monitor that is gone, keeping size and maximized', () => {
    const saved = { x: 1600, y: 0, width: 1500, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop], defaults)).toEqual({ width: 1280, height: 800, maximized: true });
  });

  it('drops a position whose title bar is above every display (cannot be dragged back)', () => {
    const saved = { x: 100, y: -500, width: 1000, height: 600, maximized: false };
    expect(placeWindow(saved, [laptop], defaults).x).toBeUndefined();
  });

  it('clamps a window larger than or hanging off its display into the work area', () => {
    const saved = { x: 1000, y: 100, width: 2000, height: 2000, maximized: false };
    expect(placeWindow(saved, [laptop], defaults)).toEqual({ x: 0, y: 0, width: 1440, height: 875, maximized: false });
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    const window = {
      maximized: false,
      minimized: false,
      bounds: { x: 5, y: 6, width: 1100.4, height: 700 },
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      isMaximized: () => window.maximized,
      isMinimized: () => window.minimized,
      isFullScreen: () => false,
      getNormalBounds: () => window.bounds,
    };
    return { window: window satisfies TrackedWindow, listeners };
  }
  function fakeTimers() {
    const pending = new Map<number, () => void>();
    let next = 0;
    return {
      pending,
      set: (fn: () => void) => (pending.set(++next, fn), next),
      clear: (handle: unknown) => pending.delete(handle as number),
      flush: () => [...pending.entries()].forEach(([id, fn]) => (pending.delete(id), fn())),
    };
  }

  it('saves once after a burst of moves, and on close', () => {
    const { window, listeners } = fakeWindow();
    const saved: WindowState[] = [];
    const timers = fakeTimers();
    trackWindowState(window, (state) => saved.push(state), timers);
    listeners.get('move')!();
    listeners.get('resize')!();
    listeners.get('move')!();
    expect(timers.pending.size).toBe(1);
    timers.flush();
    expect(saved).toEqual([{ x: 5, y: 6, width: 1100, height: 700, maximized: false }]);
    window.maximized = true;
    listeners.get('close')!();
    expect(saved.at(-1)).toEqual({ x: 5, y: 6, width: 1100, height: 700, maximized: true });
  });

  it('does not save the bounds of a minimized window', () => {
    const { window, listeners } = fakeWindow();
    const saved: WindowState[] = [];
    trackWindowState(window, (state) => saved.push(state), fakeTimers());
    window.minimized = true;
    listeners.get('close')!();
    expect(saved).toEqual([]);
  });
});
