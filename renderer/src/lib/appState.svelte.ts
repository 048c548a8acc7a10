/**
 * What every page shares: the app info and the settings, loaded once from the core and kept
 * current through the `settings:changed` event.
 */
import type { AppInfo, Settings, SettingsPatch } from '../../../shared/contract';
import { auditor } from './bridge';
import { i18n } from './i18n.svelte';
import { applyTheme } from './theme';

let settings = $state<Settings | null>(null);
let info = $state<AppInfo | null>(null);
let loadError = $state<string | null>(null);

function adopt(next: Settings) {
  settings = next;
  i18n.lang = next.language;
  applyTheme(next.theme);
}

export const appState = {
  get settings() {
    return settings;
  },
  get info() {
    return info;
  },
  get loadError() {
    return loadError;
  },
};

export async function loadApp(): Promise<void> {
  try {
    [info] = await Promise.all([auditor.app.info(), auditor.settings.get().then(adopt)]);
    auditor.settings.onChanged(adopt);
  } catch (err) {
    loadError = err instanceof Error ? err.message : String(err);
  }
}

export async function updateSettings(patch: SettingsPatch): Promise<void> {
  adopt(await auditor.settings.set(patch));
}
