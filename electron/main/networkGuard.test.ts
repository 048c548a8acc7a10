import { describe, expect, it } from 'vitest';
import { describeBlocked, guardNetwork, isAllowedAppRequest, type RequestFilterSession } from './networkGuard';

type Listener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

function fakeSession() {
  let listener: Listener | null = null;
  const session = {
    webRequest: {
      onBeforeRequest: (...args: unknown[]) => {
        listener = args.at(-1) as Listener;
      },
    },
  };
  const request = (url: string) => {
    let response: { cancel?: boolean } | undefined;
    listener!({ url }, (r) => (response = r));
    return response;
  };
  return { session: session as unknown as RequestFilterSession, request, hasListener: () => listener !== null };
}

describe('guardNetwork', () => {
  it('lets the app’s own files and DevTools through', () => {
    const { session, request } = fakeSession();
    guardNetwork(session);
    expect(request('app://renderer/index.html')).toEqual({ cancel: false });
    expect(request('app://renderer/assets/index-abc.js')).toEqual({ cancel: false });
    expect(request('devtools://devtools/bundled/inspector.html')).toEqual({ cancel: false });
  });

  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'http://169.254.169.254/latest/meta-data/',
    'https://ssm.us-east-1.amazonaws.com/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'app://other/index.html',
    'ftp://example.com/x',
  ])('cancels %s and reports it', (url) => {
    const { session, request } = fakeSession();
    const blocked: string[] = [];
    guardNetwork(session, isAllowedAppRequest, (u) => blocked.push(u));
    expect(request(url)).toEqual({ cancel: true });
    expect(blocked).toEqual([url]);
  });

  it('logs only scheme and host of a blocked request', () => {
    expect(describeBlocked('https://tracker.example/pixel?account=123456789012')).toBe('https://tracker.example');
    expect(describeBlocked('file:///home/u/secret.txt')).toBe('file:');
    expect(describeBlocked('::')).toBe('unparsable URL');
  });
});
