/**
 * The web host's session is no cookie (electron/webhost/server.ts): a browser sends a host's
 * cookies to every port of it, so another loopback service the page or the user's browser talks
 * to must receive nothing of the session. A second HTTP server on another loopback port stands
 * for that service and records what reaches it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../shared/webSession';
import { startWebApp, type WebApp } from '../support/webApp';

/** A page global (this file is type-checked without DOM types). */
declare const sessionStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** Another loopback service that lets the app's origin read its answers, credentials included. */
async function startProbe(allowOrigin: () => string): Promise<{ origin: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, {
      'Content-Type': 'text/plain',
      'Access-Control-Allow-Origin': allowOrigin(),
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': '*',
    });
    res.end('seen');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('web host session in Chromium: a header the page holds, no cookie', () => {
  let app: WebApp;
  let page: Page;
  let probe: Awaited<ReturnType<typeof startProbe>>;
  let secret = '';
  const title = () => page.locator('#page-title').textContent();
  const nextApiCall = () => page.waitForRequest((request: Request) => new URL(request.url()).pathname.startsWith('/api/'));

  beforeAll(async () => {
    app = await startWebApp({ bypassCSP: true });
    page = app.page;
    probe = await startProbe(() => app.host.origin);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((done) => probe?.server.close(done));
  });

  it('opens through the launch URL, takes the token out of the address and calls with the session header', async () => {
    const call = nextApiCall();
    await page.goto(`${app.host.url}#/settings`);
    secret = (await call).headers()[SESSION_HEADER.toLowerCase()] ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect.poll(title).toBe('設定');
    expect(page.url()).toBe(`${app.host.origin}/#/settings`);
    expect(await page.context().cookies()).toEqual([]);
  });

  it('sends nothing of the session to another loopback port, by fetch with credentials or by navigation', async () => {
    const answer = await page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).text(), `${probe.origin}/from-app`);
    expect(answer).toBe('seen');
    const other = await page.context().newPage();
    await other.goto(`${probe.origin}/visit`);
    await other.close();

    const reached = probe.seen.filter((request) => ['/from-app', '/visit'].includes(request.url));
    expect(reached.map((request) => request.url)).toEqual(['/from-app', '/visit']);
    for (const request of probe.seen) {
      expect(request.headers.cookie, request.url).toBeUndefined();
      expect(JSON.stringify(request), request.url).not.toContain(secret);
    }
  });

  it('would have shown a cookie of the app host there: the probe sees what the browser sends', async () => {
    await page.context().addCookies([{ name: 'control', value: 'visible', url: app.host.origin }]);
    await page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).text(), `${probe.origin}/control`);
    expect(probe.seen.find((request) => request.url === '/control')?.headers.cookie).toContain('control=visible');
    await page.context().clearCookies();
  });

  it('keeps the session through a reload (sessionStorage), events included', async () => {
    const call = nextApiCall();
    const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/events');
    await page.reload();
    expect((await call).headers()[SESSION_HEADER.toLowerCase()]).toBe(secret);
    expect((await stream).status()).toBe(200);
    await expect.poll(title).toBe('設定');
    // An event from the core reaches the reloaded page over the header-carrying stream.
    await app.core.dispatch('settings:set', { theme: 'dark' });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    const stored = await page.evaluate(() =>
      Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.getItem(sessionStorage.key(i) ?? '')),
    );
    expect(stored).toContain(secret);
  });

  it('refuses the launch URL on second use', async () => {
    const other = await page.context().newPage();
    const again = await other.goto(app.host.url);
    expect(again?.status()).toBe(403);
    await other.close();
    expect(app.pageErrors).toEqual([]);
  });
});
