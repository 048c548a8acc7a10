/**
 * The tab's session with the web host (electron/webhost/server.ts says why it is a header and
 * not a cookie). At boot the launch URL's one-time token leaves the address bar at once, then is
 * traded for the session secret, which stays in sessionStorage: a reload of the tab finds it
 * there, another tab or site never sees it.
 */
import { LAUNCH_TOKEN_HEADER, LAUNCH_TOKEN_PARAM, SESSION_HEADER, SESSION_PATH } from '../../../shared/webSession';

const STORAGE_KEY = 'patch-auditor-session';

let opening: Promise<string | null> | undefined;

/** The headers every request to the web host carries; empty when the tab has no session. */
export async function sessionHeaders(): Promise<Record<string, string>> {
  const secret = await (opening ??= openSession());
  return secret === null ? {} : { [SESSION_HEADER]: secret };
}

async function openSession(): Promise<string | null> {
  const address = new URL(window.location.href);
  const token = address.searchParams.get(LAUNCH_TOKEN_PARAM);
  if (token === null) return sessionStorage.getItem(STORAGE_KEY);
  address.searchParams.delete(LAUNCH_TOKEN_PARAM);
  window.history.replaceState(window.history.state, '', address);
  const secret = await exchange(token);
  if (secret !== null) sessionStorage.setItem(STORAGE_KEY, secret);
  return secret;
}

async function exchange(token: string): Promise<string | null> {
  try {
    const response = await fetch(SESSION_PATH, { method: 'POST', headers: { [LAUNCH_TOKEN_HEADER]: token }, cache: 'no-store' });
    if (!response.ok) return null;
    const { session } = (await response.json()) as { session?: unknown };
    return typeof session === 'string' ? session : null;
  } catch {
    return null;
  }
}
