import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, focusWindow, type InstanceApp } from './singleInstance';

function fakeApp(locked: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => locked),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      listeners.set(event, listener);
      return app;
    }),
  };
  return { app: app as unknown as InstanceApp & typeof app, listeners };
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  return {
    calls,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('claimSingleInstance', () => {
  it('quits a second instance without listening for others', () => {
    const { app, listeners } = fakeApp(false);
    expect(claimSingleInstance(app, () => {})).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(listeners.has('second-instance')).toBe(false);
  });

  it('hands a later launch’s argv and directory to the first instance', () => {
    const { app, listeners } = fakeApp(true);
    const seen: unknown[] = [];
    expect(claimSingleInstance(app, (argv, cwd) => seen.push([argv, cwd]))).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    listeners.get('second-instance')!({}, ['/opt/app', 'x.patchaudit'], '/home/u');
    expect(seen).toEqual([[['/opt/app', 'x.patchaudit'], '/home/u']]);
  });
});

describe('focusWindow', () => {
  it('restores a minimized window before focusing it', () => {
    const window = fakeWindow(true);
    focusWindow(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('focuses a visible window without restoring it, and tolerates no window', () => {
    const window = fakeWindow(false);
    focusWindow(window);
    expect(window.calls).toEqual(['show', 'focus']);
    expect(() => focusWindow(null)).not.toThrow();
  });
});
