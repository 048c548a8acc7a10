import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { buildApi, METHOD_NAMES, type CallResult } from '../../shared/contract';
import { createIpcTransport } from './ipcTransport';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (_name: string, _input: unknown): Promise<CallResult<unknown>> => ({ ok: true, value: { language: 'en' } }));
  return { ipc: { invoke, on: emitter.on.bind(emitter), removeListener: emitter.removeListener.bind(emitter) }, emitter, invoke };
}

describe('the preload bridge', () => {
  it('exposes named functions per domain and nothing generic', () => {
    const { ipc } = fakeIpcRenderer();
    const api = buildApi(createIpcTransport(ipc as never));
    const domains = [...new Set(METHOD_NAMES.map((name) => name.split(':')[0]))].sort();
    expect(Object.keys(api).sort()).toEqual(domains);
    expect(domains).toContain('settings');
    expect(Object.keys(api.settings).sort()).toEqual(['get', 'onChanged', 'set']);
    const all = Object.values(api).flatMap((domain) => Object.keys(domain));
    expect(all).not.toContain('invoke');
    expect(all).not.toContain('send');
    expect(all).not.toContain('sendSync');
    expect(all.filter((name) => !name.startsWith('on'))).toHaveLength(METHOD_NAMES.length);
  });

  it('invokes the channel named in the contract and unwraps the result', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const api = buildApi(createIpcTransport(ipc as never));
    await expect(api.settings.set({ language: 'en' })).resolves.toEqual({ language: 'en' });
    expect(invoke).toHaveBeenCalledWith('settings:set', { language: 'en' });
  });

  it('turns an error result into a thrown AuditorError with its code', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', message: 'bad' } });
    const api = buildApi(createIpcTransport(ipc as never));
    await expect(api.settings.get()).rejects.toMatchObject({ name: 'AuditorError', code: 'invalid_input', message: 'bad' });
  });

  it('delivers events without the IPC event object and unsubscribes', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const api = buildApi(createIpcTransport(ipc as never));
    const listener = vi.fn();
    const unsubscribe = api.settings.onChanged(listener);
    emitter.emit('settings:changed', { sender: 'secret ipc object' }, { language: 'ja' });
    expect(listener).toHaveBeenCalledWith({ language: 'ja' });
    unsubscribe();
    emitter.emit('settings:changed', {}, { language: 'en' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount('settings:changed')).toBe(0);
  });
});
