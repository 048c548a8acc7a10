/**
 * Nothing in a window reaches the network: the renderer loads only `app://` (plus DevTools'
 * own pages), so any other request — a remote font, a tracking pixel in a crafted report, a
 * stray `fetch` — is cancelled in the session before it leaves. The audit's AWS calls are
 * made by the SDK in the main process, which no session filter sees or needs.
 */
import type { OnBeforeRequestListenerDetails, Session } from 'electron';
import { APP_ORIGIN } from './appProtocol';

export type RequestFilterSession = { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** The renderer's own files and the DevTools front end. */
export function isAllowedAppRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'devtools:') return true;
  return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
}

export function guardNetwork(
  session: RequestFilterSession,
  allow: (url: string) => boolean = isAllowedAppRequest,
  onBlocked: (url: string) => void = () => {},
): void {
  session.webRequest.onBeforeRequest((details: Pick<OnBeforeRequestListenerDetails, 'url'>, callback) => {
    const allowed = allow(details.url);
    if (!allowed) onBlocked(details.url);
    callback({ cancel: !allowed });
  });
}

/** For the log: scheme and host only, never a path or query that may carry an identifier. */
export function describeBlocked(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'unparsable URL';
  }
}
