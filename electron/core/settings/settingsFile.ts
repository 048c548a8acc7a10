import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_CATALOG_ID } from '../../../shared/catalog';
import { Settings, type SettingsPatch } from '../../../shared/contract';

export const DEFAULT_SETTINGS: Settings = {
  language: 'ja',
  theme: 'system',
  catalogEdition: DEFAULT_CATALOG_ID,
  scanAgeDays: 7,
};

/**
 * Settings in a small JSON file in the data folder. A missing or damaged file falls back
 * to the defaults (merged field by field) rather than stopping the app; writes go to a
 * temporary file first and are renamed, so a crash never leaves half a file.
 */
export class SettingsFile {
  constructor(readonly path: string) {}

  read(): Settings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        const field = Settings.shape[key as keyof Settings];
        if (field?.safeParse(value).success) merged[key] = value;
      }
    }
    return Settings.parse(merged);
  }

  update(patch: SettingsPatch): Settings {
    const next = Settings.parse({ ...this.read(), ...patch });
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    return next;
  }
}
