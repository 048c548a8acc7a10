/**
 * The renderer is served from `app://renderer/` out of the packaged files, never from a dev
 * server or `file://` (which would grant the page file-system-wide origin rights).
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../serveRenderer/csp';
import { RENDERER_MIME } from '../serveRenderer/mime';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Maps an `app://renderer/...` URL to a file inside `root`, or null for anything else. */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(base + sep) ? file : null;
}

/** The `protocol.handle` callback: static files with the CSP header, 404 for the rest. */
export function createAppProtocolHandler(root: string, read: (path: string) => Promise<Buffer> = readFile) {
  return async (request: { url: string }): Promise<Response> => {
    const file = resolveAppPath(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await read(file);
      return new Response(new Uint8Array(body), {
        headers: {
          'Content-Type': RENDERER_MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': RENDERER_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
