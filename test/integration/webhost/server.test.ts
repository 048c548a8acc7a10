import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import { MAX_EVENT_STREAMS, startWebHost, type WebHost } from '../../../electron/webhost/server';
import { tempDir } from '../../support/tempDir';

function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('web host', () => {
  let host: WebHost;
  let core: Core;
  let cookie = '';
  // The renderer folder sits in a folder of the test's own, beside a file it must never serve.
  const root = tempDir('pa-webhost-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>renderer</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(root, 'pa-webhost-outside.txt'), 'outside');

  const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, Cookie: cookie, ...headers },
      body: JSON.stringify({ input }),
    });

  beforeAll(async () => {
    core = createCore({
      dataDir: tempDir('pa-webhost-data-'),
      host: { host: 'web', versions: {}, openExternal: async () => {} },
    });
    host = await startWebHost({ core, rendererDir });
    const launch = await fetch(host.url, { redirect: 'manual' });
    expect(launch.status).toBe(303);
    const setCookie = launch.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
  });
  afterAll(async () => host?.close());

  it('listens on loopback only, on a random port', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.origin).not.toMatch(/:(80|3000|5173|8080)$/);
  });

  it('serves the renderer with the CSP once the token cookie is set', async () => {
    const page = await fetch(`${host.origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>renderer</title>');
  });

  it('refuses every request without the token', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    expect((await fetch(`${host.origin}/assets/app.js`)).status).toBe(403);
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(403);
    expect((await call('settings:get', undefined, { Cookie: `pa_session_${new URL(host.origin).port}=wrong` })).status).toBe(403);
    expect((await fetch(`${host.origin}/events`)).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect(await rawGet(`${host.origin}/`, { Host: 'evil.example', Cookie: cookie })).toBe(421);
    expect((await call('settings:get', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('answers contract calls through the same validating dispatcher', async () => {
    const ok = await call('settings:set', { language: 'en' });
    expect(await ok.json()).toMatchObject({ ok: true, value: { language: 'en' } });
    const bad = await call('settings:set', { language: 'fr' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notJson = await fetch(`${host.origin}/api/settings:get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, Cookie: cookie },
      body: '{',
    });
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses non-JSON bodies, other methods and oversized bodies', async () => {
    expect((await call('settings:get', undefined, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${host.origin}/api/settings:get`, { headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('answers an oversized body with 413, handles none of it, and keeps serving', async () => {
    const before = await (await call('settings:get', undefined)).json();
    const body = JSON.stringify({ input: { language: 'x'.repeat(9 * 1024 * 1024) } });
    const post = (payload: string | ReadableStream<Uint8Array>) =>
      fetch(`${host.origin}/api/settings:set`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, Cookie: cookie },
        body: payload,
        duplex: 'half',
      } as RequestInit);
    // Refused from its Content-Length before a byte is read, and found too large while reading
    // when sent in chunks with no length given.
    for (const payload of [body, new Blob([body]).stream()]) {
      const huge = await post(payload);
      expect(huge.status).toBe(413);
      expect(await huge.text()).toBe('Too large');
      const next = await call('settings:get', undefined);
      expect(next.status).toBe(200);
      expect(await next.json()).toEqual(before);
    }
  });

  it('keeps static files inside the renderer folder', async () => {
    for (const path of ['/..%2fpa-webhost-outside.txt', '/%2e%2e/pa-webhost-outside.txt', '/nope.js']) {
      expect((await fetch(`${host.origin}${path}`, { headers: { Cookie: cookie } })).status).toBe(404);
    }
  });

  it('streams contract events to the page', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${host.origin}/events`, { headers: { Cookie: cookie }, signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read();
    await core.dispatch('settings:set', { theme: 'dark' });
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(text).toContain('event: settings:changed');
    expect(text).toContain('"theme":"dark"');
    controller.abort();
  });

  it('takes the launch token once, for a session secret of its own in a cookie named for the port', async () => {
    const launchToken = new URL(host.url).searchParams.get('token')!;
    const [name, value] = cookie.split('=');
    expect(name).toBe(`pa_session_${new URL(host.origin).port}`);
    expect(value).toHaveLength(launchToken.length);
    expect(value).not.toBe(launchToken);
    // The launch URL again (shell history, a screenshot) opens nothing and sets no cookie.
    const again = await fetch(host.url, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    // The launch token is not a session either.
    expect((await call('settings:get', undefined, { Cookie: `${name}=${launchToken}` })).status).toBe(403);
    expect((await call('settings:get', undefined)).status).toBe(200);
  });

  it('answers 400 to a malformed percent-escape in a method name, not 500', async () => {
    expect((await call('settings%E0%A4%A', undefined)).status).toBe(400);
    expect((await call('settings:get', undefined)).status).toBe(200);
  });

  it(`caps event streams at ${MAX_EVENT_STREAMS}`, async () => {
    // A host of its own: no stream of an earlier test may still be closing.
    const own = await startWebHost({ core, rendererDir });
    const launch = await fetch(own.url, { redirect: 'manual' });
    const ownCookie = (launch.headers.get('set-cookie') ?? '').split(';')[0]!;
    const controllers = Array.from({ length: MAX_EVENT_STREAMS }, () => new AbortController());
    try {
      const open = await Promise.all(
        controllers.map((controller) => fetch(`${own.origin}/events`, { headers: { Cookie: ownCookie }, signal: controller.signal })),
      );
      expect(open.map((response) => response.status)).toEqual(open.map(() => 200));
      const refused = await fetch(`${own.origin}/events`, { headers: { Cookie: ownCookie } });
      expect(refused.status).toBe(503);
    } finally {
      for (const controller of controllers) controller.abort();
      await own.close();
    }
  });
});
