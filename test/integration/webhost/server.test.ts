import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import { MAX_EVENT_STREAMS, startWebHost, type WebHost } from '../../../electron/webhost/server';
import { MAX_INPUT_DEPTH } from '../../../shared/inputDepth';
import { SESSION_HEADER } from '../../../shared/webSession';
import { tempDir } from '../../support/tempDir';
import { exchangeLaunchToken, openSession } from '../../support/webHostSession';

function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      done({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', fail);
    req.end();
  });
}

describe('web host', () => {
  let host: WebHost;
  let core: Core;
  let session: Record<string, string> = {};
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
      headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session, ...headers },
      body: JSON.stringify({ input }),
    });
  const newRendererHost = () => startWebHost({ core, rendererDir });

  beforeAll(async () => {
    core = createCore({
      dataDir: tempDir('pa-webhost-data-'),
      host: { host: 'web', versions: {}, openExternal: async () => {} },
    });
    host = await startWebHost({ core, rendererDir });
    expect((await fetch(host.url)).status).toBe(200);
    session = await openSession(host);
  });
  afterAll(async () => host?.close());

  it('listens on loopback only, on a random port', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.origin).not.toMatch(/:(80|3000|5173|8080)$/);
  });

  it('serves the renderer with the CSP, no session needed: it holds nothing secret', async () => {
    for (const path of ['/', '/index.html']) {
      const page = await fetch(`${host.origin}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await page.text()).toContain('<title>renderer</title>');
    }
    expect((await fetch(`${host.origin}/assets/app.js`)).status).toBe(200);
  });

  it('refuses every call, stream, upload and download without the session header', async () => {
    const launchToken = new URL(host.url).searchParams.get('token')!;
    const secret = session[SESSION_HEADER]!;
    // Nothing, a wrong secret, the launch token, and the right secret in a cookie instead.
    const refused: Record<string, string>[] = [
      {},
      { [SESSION_HEADER]: 'wrong' },
      { [SESSION_HEADER]: launchToken },
      { Cookie: `session=${secret}` },
    ];
    for (const headers of refused) {
      const api = await fetch(`${host.origin}/api/settings:get`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, ...headers },
        body: '{}',
      });
      expect(api.status).toBe(401);
      expect((await fetch(`${host.origin}/events`, { headers })).status).toBe(401);
      expect(
        (await fetch(`${host.origin}/upload`, { method: 'POST', headers: { Origin: host.origin, ...headers }, body: 'x' })).status,
      ).toBe(401);
      expect((await fetch(`${host.origin}/downloads/abc/x.csv`, { headers })).status).toBe(401);
    }
    expect((await call('settings:get', undefined)).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await rawGet(`${host.origin}/`, { Host: 'evil.example' })).status).toBe(421);
    expect((await rawGet(`${host.origin}/api/settings:get`, { Host: 'evil.example', ...session })).status).toBe(421);
    expect((await call('settings:get', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('answers contract calls through the same validating dispatcher', async () => {
    const ok = await call('settings:set', { language: 'en' });
    expect(await ok.json()).toMatchObject({ ok: true, value: { language: 'en' } });
    const bad = await call('settings:set', { language: 'fr' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notJson = await fetch(`${host.origin}/api/settings:get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
      body: '{',
    });
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it(`answers 400 invalid_input to a body nested deeper than the contract allows (${MAX_INPUT_DEPTH} levels), not 500`, async () => {
    const post = (body: string) =>
      fetch(`${host.origin}/api/settings:set`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
        body,
      });
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    for (const levels of [MAX_INPUT_DEPTH + 1, 2_000, 5_000, 200_000]) {
      const deep = await post(`{"input":{"theme":${nested(levels)}}}`);
      expect(deep.status).toBe(400);
      expect(await deep.json()).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining(`${MAX_INPUT_DEPTH}`) },
      });
    }
    // At the limit the input reaches validation, which says what is wrong with it.
    const atLimit = await post(`{"input":{"theme":${nested(MAX_INPUT_DEPTH - 1)}}}`);
    expect(atLimit.status).toBe(200);
    expect(await atLimit.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('theme') } });
    expect((await call('settings:get', undefined)).status).toBe(200);
  });

  it('refuses non-JSON bodies, other methods and oversized bodies', async () => {
    expect((await call('settings:get', undefined, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${host.origin}/api/settings:get`, { headers: session })).status).toBe(405);
  });

  it('answers an oversized body with 413, handles none of it, and keeps serving', async () => {
    const before = await (await call('settings:get', undefined)).json();
    const body = JSON.stringify({ input: { language: 'x'.repeat(9 * 1024 * 1024) } });
    const post = (payload: string | ReadableStream<Uint8Array>) =>
      fetch(`${host.origin}/api/settings:set`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
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
      expect((await fetch(`${host.origin}${path}`)).status).toBe(404);
    }
  });

  it('streams contract events to the page', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${host.origin}/events`, { headers: session, signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read();
    await core.dispatch('settings:set', { theme: 'dark' });
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(text).toContain('event: settings:changed');
    expect(text).toContain('"theme":"dark"');
    controller.abort();
  });

  it('takes the launch token once, for a session secret of its own; the launch URL is refused on second use', async () => {
    const launchToken = new URL(host.url).searchParams.get('token')!;
    const secret = Object.values(session)[0]!;
    expect(secret).toHaveLength(launchToken.length);
    expect(secret).not.toBe(launchToken);
    // The launch URL again (shell history, a screenshot) opens nothing, and its token buys nothing.
    expect((await fetch(host.url)).status).toBe(403);
    expect((await exchangeLaunchToken(host)).status).toBe(403);
    expect((await call('settings:get', undefined)).status).toBe(200);
  });

  it('trades the launch token only from its own origin, by POST, and a refusal does not use it up', async () => {
    const own = await newRendererHost();
    try {
      const token = new URL(own.url).searchParams.get('token')!;
      expect((await fetch(`${own.origin}/?token=wrong`)).status).toBe(403);
      expect((await exchangeLaunchToken(own, 'wrong')).status).toBe(403);
      const foreign = await fetch(`${own.origin}/session`, {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'X-Patch-Auditor-Launch': token },
      });
      expect(foreign.status).toBe(403);
      expect((await fetch(`${own.origin}/session?token=${token}`)).status).toBe(405);
      expect((await fetch(own.url)).status).toBe(200);
      expect((await exchangeLaunchToken(own)).status).toBe(200);
      expect((await exchangeLaunchToken(own)).status).toBe(403);
    } finally {
      await own.close();
    }
  });

  it('sets no cookie on any answer', async () => {
    const own = await newRendererHost();
    try {
      const launch = await rawGet(own.url, {});
      const exchange = await exchangeLaunchToken(own);
      const ownSession = { [SESSION_HEADER]: ((await exchange.clone().json()) as { session: string }).session };
      const answers = [
        launch,
        { status: exchange.status, headers: Object.fromEntries(exchange.headers) },
        await rawGet(own.url, {}),
        await rawGet(`${own.origin}/`, {}),
        await rawGet(`${own.origin}/assets/app.js`, {}),
        await rawGet(`${own.origin}/nope.js`, {}),
        await rawGet(`${own.origin}/api/settings:get`, {}),
        await rawGet(`${own.origin}/api/settings:get`, ownSession),
        await rawGet(`${own.origin}/`, { Host: 'evil.example' }),
      ];
      const call = await fetch(`${own.origin}/api/settings:get`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: own.origin, ...ownSession },
        body: '{}',
      });
      expect(call.status).toBe(200);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 403, 200, 200, 404, 401, 405, 421]);
      expect(answers.filter((answer) => 'set-cookie' in answer.headers)).toEqual([]);
      expect(call.headers.get('set-cookie')).toBeNull();
    } finally {
      await own.close();
    }
  });

  it('answers 400 to a malformed percent-escape in a method name, not 500', async () => {
    expect((await call('settings%E0%A4%A', undefined)).status).toBe(400);
    expect((await call('settings:get', undefined)).status).toBe(200);
  });

  it(`caps event streams at ${MAX_EVENT_STREAMS}`, async () => {
    // A host of its own: no stream of an earlier test may still be closing.
    const own = await newRendererHost();
    const ownSession = await openSession(own);
    const controllers = Array.from({ length: MAX_EVENT_STREAMS }, () => new AbortController());
    try {
      const open = await Promise.all(
        controllers.map((controller) => fetch(`${own.origin}/events`, { headers: ownSession, signal: controller.signal })),
      );
      expect(open.map((response) => response.status)).toEqual(open.map(() => 200));
      const refused = await fetch(`${own.origin}/events`, { headers: ownSession });
      expect(refused.status).toBe(503);
    } finally {
      for (const controller of controllers) controller.abort();
      await own.close();
    }
  });
});
