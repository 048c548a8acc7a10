/**
 * Connection slots under abuse (electron/webhost/connections.ts): any local process can open
 * connections to the host, and only the page holds the session. Every wait here is for an
 * event (a socket closing, an answer); the header timeout is shortened only where it is the
 * thing tested, and made long where it must not be what frees a slot.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import { CONNECTION_LIMITS, type ConnectionLimits } from '../../../electron/webhost/connections';
import { startWebHost, type WebHost } from '../../../electron/webhost/server';
import { LAUNCH_TOKEN_HEADER, LAUNCH_TOKEN_PARAM, SESSION_HEADER, SESSION_PATH } from '../../../shared/webSession';
import { tempDir } from '../../support/tempDir';

/** Long enough that no slot in these tests is freed by the header timeout. */
const NEVER = 3_600_000;

/** A local process without the session: connects, starts a request and never finishes its headers. */
function slowHeaders(host: WebHost): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((done, fail) => {
    const socket = connect(Number(new URL(host.origin).port), '127.0.0.1', () => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${new URL(host.origin).host}\r\nX-Slow: `);
      let received = '';
      socket.on('data', (d: Buffer) => (received += d.toString()));
      done({ socket, closed: new Promise((closed) => socket.once('close', () => closed(received))) });
    });
    socket.once('error', fail);
    // The server drops it with a reset or a close; either ends it.
    socket.on('error', () => undefined);
  });
}

/** Larger than loopback's socket buffers on both sides, so that an unread answer stalls mid-way. */
const BUNDLE_BYTES = 64 * 1024 * 1024;

/**
 * A local process without the session that asks for the bundle with full headers, takes the
 * first bytes of the answer and then stops reading. `readAll` resumes and gives how many bytes
 * arrived in all before the connection ended (whole or cut off).
 */
function askAndStopReading(host: WebHost): Promise<{ socket: Socket; readAll: () => Promise<number> }> {
  return new Promise((done, fail) => {
    const socket = connect(Number(new URL(host.origin).port), '127.0.0.1', () => {
      socket.write(`GET /bundle.js HTTP/1.1\r\nHost: ${new URL(host.origin).host}\r\nConnection: close\r\n\r\n`);
    });
    let received = 0;
    const ended = new Promise<number>((closed) => socket.once('close', () => closed(received)));
    socket.on('data', (d: Buffer) => (received += d.length));
    socket.once('data', () => {
      socket.pause();
      done({ socket, readAll: () => (socket.resume(), ended) });
    });
    socket.once('error', fail);
    socket.on('error', () => undefined);
  });
}

/** What became of a request: answered (status and body) or refused (the connection closed unanswered). */
async function answeredOrRefused(url: string): Promise<{ status: number; body: string } | 'refused'> {
  try {
    return await onNewConnection(url, {});
  } catch {
    return 'refused';
  }
}

/** One request on a connection of its own (no pooled keep-alive socket), answered or refused. */
function onNewConnection(url: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('web host connection slots', () => {
  let core: Core;
  const rendererDir = tempDir('pa-webhost-conn-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>renderer</title>');
  writeFileSync(join(rendererDir, 'bundle.js'), Buffer.alloc(BUNDLE_BYTES, 'a'));
  const opened: { host: WebHost; sockets: Socket[] }[] = [];

  beforeAll(() => {
    core = createCore({ dataDir: tempDir('pa-webhost-conn-data-'), host: { host: 'web', versions: {}, openExternal: async () => {} } });
  });
  afterEach(async () => {
    for (const { host, sockets } of opened.splice(0)) {
      for (const socket of sockets) socket.destroy();
      await host.close();
    }
  });

  async function hostWith(limits: Partial<ConnectionLimits>) {
    const host = await startWebHost({ core, rendererDir, limits });
    const sockets: Socket[] = [];
    opened.push({ host, sockets });
    // On a connection of its own that closes after the answer, so the pool starts empty.
    const launchToken = new URL(host.url).searchParams.get(LAUNCH_TOKEN_PARAM)!;
    const exchange = await onNewConnection(
      `${host.origin}${SESSION_PATH}`,
      { Origin: host.origin, [LAUNCH_TOKEN_HEADER]: launchToken },
      'POST',
    );
    const session = { [SESSION_HEADER]: (JSON.parse(exchange.body) as { session: string }).session };
    const call = (name: string) =>
      onNewConnection(`${host.origin}/api/${name}`, { 'Content-Type': 'application/json', Origin: host.origin, ...session }, 'POST', '{}');
    /**
     * Opens `count` slow connections, all accepted by the server once `dropped` of them are
     * closed (the server closes one only to make room for a later one); `untilDropped(n)` then
     * gives what the first n dropped ones received, whichever they were.
     */
    const flood = async (count: number, dropped: number) => {
      const slow = await Promise.all(Array.from({ length: count }, () => slowHeaders(host)));
      sockets.push(...slow.map(({ socket }) => socket));
      const received: string[] = [];
      const waiters: { count: number; done: (texts: string[]) => void }[] = [];
      for (const { closed } of slow) {
        void closed.then((text) => {
          received.push(text);
          for (const waiter of waiters.filter((each) => each.count === received.length)) waiter.done([...received]);
        });
      }
      const untilDropped = (n: number) =>
        new Promise<string[]>((done) => (received.length >= n ? done(received.slice(0, n)) : waiters.push({ count: n, done })));
      await untilDropped(dropped);
      return untilDropped;
    };
    return { host, session, call, flood, sockets };
  }

  it('drops a connection that does not finish its headers in time, without an answer', async () => {
    const { host, call } = await hostWith({ anonymousHeaderTimeoutMs: 50 });
    const { closed } = await slowHeaders(host);
    // Dropped by the host's own deadline: Node's slower one would answer 408 first.
    expect(await closed).toBe('');
    expect((await call('settings:get')).status).toBe(200);
  });

  it(`keeps serving the page and the session while more than ${CONNECTION_LIMITS.anonymous} slow connections are held`, async () => {
    const { host, call, flood } = await hostWith({ anonymousHeaderTimeoutMs: NEVER });
    // More than the pool holds: the surplus pushed out the oldest, so the pool is full of them.
    const extra = 8;
    const untilDropped = await flood(CONNECTION_LIMITS.anonymous + extra, extra);
    expect((await call('settings:get')).status).toBe(200);
    const page = await onNewConnection(`${host.origin}/`, {});
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>renderer</title>');
    // The oldest slow connections made room for the surplus, then for the call (which then left
    // for the session pool, so the page found a free slot); none was answered.
    expect(await untilDropped(extra + 1)).toEqual(Array.from({ length: extra + 1 }, () => ''));
  });

  it('keeps the session’s connections out of the anonymous pool, and caps them apart', async () => {
    const { host, session, call, flood } = await hostWith({ anonymous: 4, session: 2, anonymousHeaderTimeoutMs: NEVER });
    // Two event streams hold both session slots.
    const streams = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<{ chunks: string[]; next: () => Promise<string> }>((done, fail) => {
            const req = request(`${host.origin}/events`, { headers: session, agent: false }, (res) => {
              expect(res.statusCode).toBe(200);
              const chunks: string[] = [];
              const waiting: ((chunk: string) => void)[] = [];
              res.on('data', (d: Buffer) => {
                const chunk = d.toString();
                const waiter = waiting.shift();
                if (waiter) waiter(chunk);
                else chunks.push(chunk);
              });
              done({ chunks, next: () => new Promise((take) => (chunks.length ? take(chunks.shift()!) : waiting.push(take))) });
            });
            req.on('error', fail);
            req.end();
          }),
      ),
    );
    for (const stream of streams) expect(await stream.next()).toContain(': connected');
    await flood(12, 8);
    // The flood pushed out none of the streams: both still get events.
    await core.dispatch('settings:set', { theme: 'dark' });
    for (const stream of streams) expect(await stream.next()).toContain('event: settings:changed');
    // A third connection with the session finds the session pool full; the page still loads.
    expect(await call('settings:get')).toEqual({ status: 503, body: 'Too many connections' });
    expect((await onNewConnection(`${host.origin}/`, {})).status).toBe(200);
  });

  it('never cuts off an answer in progress for a newcomer: with every slot a live answer, the newcomer is closed unanswered', async () => {
    const { host, sockets } = await hostWith({ anonymous: 2, anonymousHeaderTimeoutMs: NEVER, anonymousStalledAnswerMs: NEVER });
    const hoarders = [await askAndStopReading(host), await askAndStopReading(host)];
    sockets.push(...hoarders.map(({ socket }) => socket));
    expect(await answeredOrRefused(`${host.origin}/`)).toBe('refused');
    // Each answer, once read, arrives whole: headers and every byte of the bundle.
    for (const received of await Promise.all(hoarders.map(({ readAll }) => readAll()))) {
      expect(received).toBeGreaterThan(BUNDLE_BYTES);
    }
    const page = await answeredOrRefused(`${host.origin}/`);
    expect(page).toEqual({ status: 200, body: '<!doctype html><title>renderer</title>' });
  });

  it('gives the slot of an answer its client stopped reading to the page', async () => {
    const { host, sockets } = await hostWith({ anonymous: 2, anonymousHeaderTimeoutMs: NEVER, anonymousStalledAnswerMs: 10 });
    const hoarders = [await askAndStopReading(host), await askAndStopReading(host)];
    sockets.push(...hoarders.map(({ socket }) => socket));
    // Refused while the answers may still be moving; answered once one has stalled, as a reload would be.
    let page = await answeredOrRefused(`${host.origin}/`);
    while (page === 'refused') page = await answeredOrRefused(`${host.origin}/`);
    expect(page).toEqual({ status: 200, body: '<!doctype html><title>renderer</title>' });
    const received = await Promise.all(hoarders.map(({ readAll }) => readAll()));
    expect(received.filter((bytes) => bytes < BUNDLE_BYTES)).toHaveLength(1);
  });
});
