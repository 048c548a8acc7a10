import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsFile } from './settingsFile';
import { tempDir } from '../../../test/support/tempDir';

const fresh = () => new SettingsFile(join(tempDir('pa-settings-'), 'nested', 'settings.json'));

describe('SettingsFile', () => {
  it('starts from the defaults (Japanese, the current AWS page, 7 days)', () => {
    expect(fresh().read()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ language: 'ja', catalogEdition: 'aws-2026-11', scanAgeDays: 7 });
  });

  it('keeps the edition saved settings name when the default moves on (issue 27)', () => {
    const file = fresh();
    file.update({ language: 'en' });
    writeFileSync(file.path, JSON.stringify({ language: 'en', theme: 'system', catalogEdition: 'seed-2022', scanAgeDays: 7 }));
    expect(file.read().catalogEdition).toBe('seed-2022');
  });

  it('persists updates in a 0600 file', () => {
    const file = fresh();
    file.update({ language: 'en', scanAgeDays: 14 });
    expect(new SettingsFile(file.path).read()).toMatchObject({ language: 'en', scanAgeDays: 14, theme: 'system' });
    if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('keeps the valid fields of a damaged file and defaults the rest', () => {
    const file = fresh();
    file.update({ language: 'en' });
    writeFileSync(file.path, JSON.stringify({ language: 'en', scanAgeDays: -3, theme: 42, extra: 'x' }));
    expect(file.read()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  it('falls back to the defaults when the file is not JSON', () => {
    const file = fresh();
    file.update({ language: 'en' });
    writeFileSync(file.path, '{ not json');
    expect(file.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses an invalid update and leaves the file as it was', () => {
    const file = fresh();
    file.update({ language: 'en' });
    const before = readFileSync(file.path, 'utf8');
    expect(() => file.update({ scanAgeDays: 1000 })).toThrow();
    expect(readFileSync(file.path, 'utf8')).toBe(before);
  });
});
