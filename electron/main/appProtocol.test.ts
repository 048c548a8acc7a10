import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../serveRenderer/csp';
import { createAppProtocolHandler, resolveAppPath } from './appProtocol';
import { tempDir } from '../../test/support/tempDir';

describe('resolveAppPath', () => {
  const root = '/opt/app/renderer';
  it.each([
    ['app://renderer/', '/opt/app/renderer/index.html'],
    ['app://renderer/index.html', '/opt/app/renderer/index.html'],
    ['app://renderer/assets/index-abc.js', '/opt/app/renderer/assets/index-abc.js'],
    // The URL parser resolves dot segments (encoded or not) before we see them: they stay in root.
    ['app://renderer/../../etc/passwd', '/opt/app/renderer/etc/passwd'],
    ['app://renderer/%2e%2e/%2e%2e/etc/passwd', '/opt/app/renderer/etc/passwd'],
  ])('%s → %s', (url, file) => expect(resolveAppPath(url, root)).toBe(file));

  it.each([
    'app://renderer/..%2f..%2fsecret',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://renderer/%00',
    'app://renderer/%E0%A4%A',
  ])('refuses %s', (url) => expect(resolveAppPath(url, root)).toBeNull());
});

describe('createAppProtocolHandler', () => {
  const root = tempDir('pa-proto-');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  const handle = createAppProtocolHandler(root);

  it('serves files with their type and the CSP', async () => {
    const response = await handle({ url: 'app://renderer/index.html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await response.text()).toContain('<title>x</title>');
    expect((await handle({ url: 'app://renderer/assets/app.js' })).headers.get('content-type')).toContain('javascript');
  });

  it('answers 404 for missing files and escapes', async () => {
    expect((await handle({ url: 'app://renderer/nope.js' })).status).toBe(404);
    expect((await handle({ url: 'app://renderer/%2e%2e/secret' })).status).toBe(404);
  });

  it('has a CSP without inline script, eval or remote sources', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
