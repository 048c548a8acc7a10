import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type CallResult } from '../../shared/contract';
import { bindIpc, isTrustedSender } from './ipc';

type Handler = (event: { senderFrame: unknown }, input: unknown) => Promise<CallResult<unknown>>;

function bind() {
  const handlers = new Map<string, Handler>();
  const dispatch = vi.fn(async (): Promise<CallResult<unknown>> => ({ ok: true, value: 'done' }));
  const log = vi.fn();
  bindIpc({ handle: (name: string, handler: Handler) => handlers.set(name, handler) } as never, dispatch, log);
  return { handlers, dispatch, log };
}

const appFrame = { url: 'app://renderer/index.html#/overview', parent: null };

describe('bindIpc', () => {
  it('binds exactly the contract methods', () => {
    expect([...bind().handlers.keys()].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('passes calls from the app frame to the dispatcher', async () => {
    const { handlers, dispatch } = bind();
    const result = await handlers.get('settings:set')!({ senderFrame: appFrame }, { language: 'en' });
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('settings:set', { language: 'en' });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a subframe of the app', { url: 'app://renderer/index.html', parent: { url: 'app://renderer/' } }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses calls from %s without dispatching', async (_name, frame) => {
    const { handlers, dispatch, log } = bind();
    const result = await handlers.get('settings:get')!({ senderFrame: frame }, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('refused settings:get from an untrusted frame');
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top-level app frame', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/x', parent: {} })).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
