/**
 * The web host: the same contract handlers as the desktop app, over loopback HTTP, plus the
 * built renderer, so the real renderer runs in a plain browser (end-to-end tests, benchmarks,
 * a look at the UI without Electron).
 *
 * It listens on 127.0.0.1 only, on a random port. The launch URL carries a random token
 * (`/?token=…`) that works once. It serves the plain index.html; the renderer at boot strips the
 * token from its address (history.replaceState) and trades it, in a header of a same-origin
 * POST to `/session`, for a separate session secret in the answer's body. The page keeps that
 * secret in sessionStorage (a reload of the tab still works) and sends it in the
 * X-Patch-Auditor-Session header on every call, event stream, upload and download; the server
 * compares it in constant time. A launch URL seen later (shell history, a screenshot) opens
 * nothing.
 *
 * Why this way: no credential is a cookie, because a browser sends a host's cookies to every port
 * of it, so any other loopback service the browser talks to would receive one. A redirect to
 * `/#s=<secret>` would put the secret itself into a URL (the browser's history) and drop the
 * route fragment a launch URL may carry (`/?token=…#/nodes`); writing the secret into index.html
 * would need an inline script the CSP refuses. With the exchange, only the one-time token ever
 * sits in a URL, and index.html and its assets hold nothing secret, so they are served without
 * a session. Every request must still name the loopback address in its Host header (DNS
 * rebinding), and the token exchange, calls and uploads must come from the host's own origin.
 * The session dies with the process.
 *
 * Connections without the session are counted and timed apart from the page's
 * (`connections.ts`), so a local process without the session cannot take the slots the page
 * needs. A call's input nested deeper than any contract input is refused before it is copied to
 * the core's thread (`shared/inputDepth.ts`).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { EVENT_NAMES, type CallResult } from '../../shared/contract';
import { MAX_INPUT_DEPTH, nestedDeeperThan, TOO_DEEP } from '../../shared/inputDepth';
import type { Core } from '../core/host';
import { RENDERER_CSP } from '../serveRenderer/csp';
import { CONNECTION_LIMITS, ConnectionPools, type ConnectionLimits } from './connections';
import type { WebFiles } from './webFiles';
import { RENDERER_MIME } from '../serveRenderer/mime';
import { LAUNCH_TOKEN_HEADER, LAUNCH_TOKEN_PARAM, SESSION_HEADER, SESSION_PATH } from '../../shared/webSession';

const MAX_BODY = 8 * 1024 * 1024;
/** One browser tab needs one or two event streams; more is a leak or an attack. */
export const MAX_EVENT_STREAMS = 8;

export interface WebHost {
  /** The launch URL, token included: open this in the browser (it works once). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  core: Pick<Core, 'dispatch' | 'events'>;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Uploads and downloads; the same object must be the core's `host.files`. */
  files?: WebFiles;
  /** Connection limits (tests shorten the header timeout or shrink the pools). */
  limits?: Partial<ConnectionLimits>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  let launched = false;
  const root = resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let origin = '';

  const matches = (candidate: string | string[] | undefined | null, secret: string) => {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const launchTokenFits = (candidate: string | string[] | undefined | null) => !launched && matches(candidate, token);

  const pools = new ConnectionPools({ ...CONNECTION_LIMITS, ...options.limits });
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 120_000, keepAliveTimeout: 5_000 }, (req, res) => {
    pools.requestStarted(req.socket);
    res.once('close', () => pools.requestEnded(req.socket));
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) return deny(res, 421, 'Misdirected request');
    if (url.pathname === SESSION_PATH) return exchangeLaunchToken(req, res);
    if (needsSession(url.pathname)) {
      if (!matches(req.headers[SESSION_HEADER.toLowerCase()], session)) return deny(res, 401, 'No session');
      if (!pools.promote(req.socket)) return closeAfter(res, 503, 'Too many connections');
      return serveSessionRoute(req, res, url);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    // The page itself holds nothing secret, but a used or wrong launch URL says so instead of
    // opening an app whose every call would be refused.
    const launchToken = url.searchParams.get(LAUNCH_TOKEN_PARAM);
    if (url.pathname === '/' && launchToken !== null && !launchTokenFits(launchToken))
      return deny(res, 403, 'This launch link is used up or wrong');
    return serveStatic(url.pathname, res);
  }

  function exchangeLaunchToken(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') return deny(res, 405, 'Method not allowed');
    if (req.headers.origin !== origin) return deny(res, 403, 'Forbidden');
    if (!launchTokenFits(req.headers[LAUNCH_TOKEN_HEADER.toLowerCase()])) return deny(res, 403, 'Forbidden');
    launched = true;
    sendJson(res, { session });
  }

  async function serveSessionRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname.startsWith('/api/')) return callContract(req, res, url);
    if (url.pathname === '/upload' && options.files) {
      if (req.method !== 'POST') return deny(res, 405, 'Method not allowed');
      if (req.headers.origin !== origin) return deny(res, 403, 'Forbidden');
      const uploadId = await options.files.receiveUpload(req, url.searchParams.get('name') ?? '');
      if (!uploadId) return deny(res, 413, 'Too large');
      return sendJson(res, { uploadId });
    }
    const download = /^\/downloads\/([A-Za-z0-9_-]+)\/[^/]+$/.exec(url.pathname);
    if (download && options.files && req.method === 'GET') return sendDownload(res, options.files, download[1]!);
    if (url.pathname === '/events' && req.method === 'GET') return openEventStream(req, res);
    return deny(res, 404, 'Not found');
  }

  async function callContract(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return deny(res, 405, 'Method not allowed');
    if (req.headers.origin !== origin) return deny(res, 403, 'Forbidden');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return deny(res, 415, 'JSON only');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return tooLarge(req, res);
    const body = await readBody(req);
    if (body === null) return tooLarge(req, res);
    let parsed: unknown;
    try {
      parsed = body.length ? JSON.parse(body) : undefined;
    } catch {
      return sendJson(res, { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } }, 400);
    }
    const input = (parsed as { input?: unknown } | undefined)?.input;
    if (nestedDeeperThan(input, MAX_INPUT_DEPTH)) return sendJson(res, TOO_DEEP, 400);
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return deny(res, 400, 'Bad path');
    }
    const uploadId = uploadIdIn(input);
    if (uploadId !== undefined) options.files?.holdUpload(uploadId);
    let result: CallResult<unknown>;
    try {
      result = await options.core.dispatch(name, input);
    } finally {
      if (uploadId !== undefined) options.files?.releaseUpload(uploadId);
    }
    return sendJson(res, result);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    if (streams.size >= MAX_EVENT_STREAMS) return deny(res, 503, 'Too many event streams');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return deny(res, 400, 'Bad path');
    }
    const file = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
    if (!file.startsWith(root + sep) || decoded.includes('\0')) return deny(res, 404, 'Not found');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return deny(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': RENDERER_MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }

  const unsubscribe = options.core.events.subscribe((name, payload) => {
    if (!EVENT_NAMES.includes(name)) return;
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  server.on('connection', (socket: Socket) => pools.admit(socket));
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?${LAUNCH_TOKEN_PARAM}=${token}`,
    origin,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      options.files?.dispose();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

async function sendDownload(res: ServerResponse, files: WebFiles, id: string): Promise<void> {
  const entry = files.takeDownload(id);
  if (!entry) return deny(res, 404, 'Not found');
  const info = await stat(entry.path);
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': `attachment; filename="${entry.fileName}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // A download is offered once: the file goes as soon as it has been sent or the client left
  // (pipeline closes the file first, so the removal also works where open files are locked).
  await pipeline(createReadStream(entry.path), res)
    .catch(() => undefined)
    .finally(() => rm(entry.path, { force: true }).catch(() => undefined));
}

/** What only a tab with the session may reach; everything else is the renderer's own files. */
function needsSession(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname === '/upload' || pathname === '/events' || pathname.startsWith('/downloads/');
}

/** The upload a call names, if any: it lives for that one call (webFiles.ts). */
function uploadIdIn(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('uploadId' in input)) return undefined;
  return typeof input.uploadId === 'string' ? input.uploadId : undefined;
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

/** A refusal after which the connection ends: a full session pool keeps no connection it refused. */
function closeAfter(res: ServerResponse, status: number, message: string): void {
  res.setHeader('Connection', 'close');
  deny(res, status, message);
}

/**
 * Refuses an oversized body with a 413 the client can read, then drops the connection so the
 * rest of the body is never read. Destroying the socket at once would leave the client with a
 * reset instead of an answer.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => req.destroy());
  closeAfter(res, 413, 'Too large');
}

function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      // Past the limit the rest is read and dropped until the 413 has gone out (see tooLarge).
      if (size > MAX_BODY) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        done(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
