/**
 * i18next behind a Svelte rune: `t()` reads the current language, so every template that
 * calls it re-renders when the language changes.
 */
import i18next, { type TOptions } from 'i18next';
import type { Lang } from '../../../shared/model';
import en from '../locales/en.json';
import ja from '../locales/ja.json';

void i18next.init({
  lng: 'ja',
  fallbackLng: 'en',
  resources: { en: { translation: en }, ja: { translation: ja } },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

let current = $state<Lang>('ja');

export const i18n = {
  get lang(): Lang {
    return current;
  },
  set lang(next: Lang) {
    current = next;
    void i18next.changeLanguage(next);
    document.documentElement.lang = next;
  },
};

export function t(key: string, options?: TOptions): string {
  // Reading `current` subscribes the caller to language changes.
  return i18next.t(key, { ...options, lng: current });
}
