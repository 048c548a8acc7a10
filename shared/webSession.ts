/**
 * How a browser tab and the web host agree on a session (see electron/webhost/server.ts): the
 * page trades the launch URL's one-time token for a session secret at SESSION_PATH, then sends
 * that secret in SESSION_HEADER on every call, event stream, upload and download. Headers, not
 * cookies: a browser sends a host's cookies to all of its ports, a header only where the page
 * puts it.
 */
export const SESSION_PATH = '/session';
export const LAUNCH_TOKEN_HEADER = 'X-Patch-Auditor-Launch';
export const SESSION_HEADER = 'X-Patch-Auditor-Session';
/** The launch URL's query parameter. */
export const LAUNCH_TOKEN_PARAM = 'token';
