import { describe, expect, it, vi } from 'vitest';
import { CATALOG_EDITIONS } from '../../shared/catalog';
import { createCore } from './createCore';
import { tempDir } from '../../test/support/tempDir';

function core() {
  const log = vi.fn();
  const dataDir = tempDir('pa-core-');
  const opened: string[] = [];
  const instance = createCore({
    dataDir,
    log,
    host: { host: 'web', versions: { node: '20' }, openExternal: async (url) => void opened.push(url) },
  });
  return { ...instance, log, dataDir, opened };
}

describe('the dispatcher', () => {
  it('answers a valid call with its validated output', async () => {
    const { dispatch, dataDir } = core();
    const result = await dispatch('app:info', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Patch Auditor', host: 'web', dataDir, catalogEditions: CATALOG_EDITIONS.map((e) => e.id) },
    });
  });

  it.each([
    ['an unknown method', 'settings:drop', undefined],
    ['a prototype key as method', '__proto__', undefined],
    ['a wrong type', 'settings:set', { scanAgeDays: 'seven' }],
    ['an out-of-range value', 'settings:set', { scanAgeDays: 0 }],
    ['an unknown field', 'settings:set', { language: 'en', dataDir: '/etc' }],
    ['an input where none is expected', 'settings:get', { all: true }],
    ['a non-object', 'settings:set', 'language=en'],
  ])('refuses %s as invalid input and changes nothing', async (_case, name, input) => {
    const { dispatch } = core();
    const before = await dispatch('settings:get', undefined);
    const result = await dispatch(name, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('settings:get', undefined)).toEqual(before);
  });

  it('reports a user-facing error with its code', async () => {
    const { dispatch } = core();
    expect(await dispatch('settings:set', { catalogEdition: 'aws-2031' })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringMatching(
          /^Unknown catalog edition "aws-2031" \(available: aws-2026-11 \(AWS page, November 2026\), seed-2022/,
        ),
      },
    });
  });

  it('hides internal error messages from the caller and the log', async () => {
    const { dispatch, handlers, log } = core();
    handlers.settings.get = async () => {
      throw new Error('SQLITE_CORRUPT at /home/user/secret-path token=AKIA...');
    };
    const result = await dispatch('settings:get', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'settings:get failed unexpectedly.' } });
    expect(JSON.stringify(log.mock.calls)).not.toContain('secret-path');
  });

  it('refuses a handler output that breaks the contract', async () => {
    const { dispatch, handlers } = core();
    handlers.settings.get = async () => ({ language: 'fr', theme: 'system', catalogEdition: 'seed-2022', scanAgeDays: 7 }) as never;
    expect(await dispatch('settings:get', undefined)).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('opens only validated https links', async () => {
    const { dispatch, opened } = core();
    expect(await dispatch('app:openExternal', { url: 'https://docs.aws.amazon.com/' })).toEqual({ ok: true, value: { opened: true } });
    expect(await dispatch('app:openExternal', { url: 'file:///etc/passwd' })).toEqual({ ok: true, value: { opened: false } });
    expect(opened).toEqual(['https://docs.aws.amazon.com/']);
  });

  it('emits settings:changed with the saved settings', async () => {
    const { dispatch, events } = core();
    const seen = vi.fn();
    events.subscribe(seen);
    await dispatch('settings:set', { language: 'en' });
    expect(seen).toHaveBeenCalledWith('settings:changed', expect.objectContaining({ language: 'en' }));
  });
});
