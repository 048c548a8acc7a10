import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';

const exposed: [string, unknown][] = [];
const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() };
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) },
  ipcRenderer,
}));

describe('the preload script (Electron security checklist item 20)', () => {
  beforeEach(async () => {
    exposed.length = 0;
    vi.resetModules();
    await import('./preload');
  });

  it('exposes one object, window.auditor, made of the contract’s named functions only', () => {
    expect(exposed.map(([key]) => key)).toEqual(['auditor']);
    const api = exposed[0]![1] as Record<string, Record<string, unknown>>;
    const members = Object.values(api).flatMap((domain) => Object.entries(domain));
    expect(members.every(([, value]) => typeof value === 'function')).toBe(true);
    expect(members.filter(([name]) => !name.startsWith('on'))).toHaveLength(METHOD_NAMES.length);
  });

  it('never hands the page ipcRenderer or any of its functions', () => {
    const api = exposed[0]![1] as Record<string, Record<string, unknown>>;
    const values = Object.values(api).flatMap((domain) => Object.values(domain));
    for (const leaked of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.send, ipcRenderer.sendSync, ipcRenderer.on]) {
      expect(values).not.toContain(leaked);
      expect(Object.values(api)).not.toContain(leaked);
    }
  });
});
