import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, isAppUrl, type GuardedContents } from './navigation';

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as GuardedContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('guardWebContents', () => {
  it('lets the app navigate within app://renderer and blocks everything else', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, vi.fn());
    expect(fire('will-navigate', 'app://renderer/index.html#/nodes')).toBe(false);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://renderer.evil.com/')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('never attaches a webview', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, vi.fn());
    expect(fire('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every new window, opening only validated https links externally', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents, openExternal);
    expect(open('https://docs.aws.amazon.com/systems-manager/')).toEqual({ action: 'deny' });
    expect(open('http://example.com/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('https://user:pw@example.com/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/systems-manager/']]);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/', true],
    ['app://other/index.html', false],
    ['http://renderer/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});
