/**
 * i18next behind a Svelte rune: `t()` reads the current language, so every template that
 * calls it re-renders when the language changes.
 */
import i18next, { type TOptions } from 'i18next';
import type { Lang } from '../../../shared/model';

type Tree = { [key: string]: string | Tree };

/**
 * One JSON file per area and language (`locales/ja/page-nodes.json`, …), merged: each page owns
 * its file, so pages are translated side by side without editing one shared file.
 */
const files = import.meta.glob<Tree>('../locales/*/*.json', { eager: true, import: 'default' });

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
  }
  return into;
}

export function resourcesFor(lang: Lang): Tree {
  const tree: Tree = {};
  for (const [path, content] of Object.entries(files)) if (path.includes(`/locales/${lang}/`)) merge(tree, content);
  return tree;
}

void i18next.init({
  lng: 'ja',
  fallbackLng: 'en',
  resources: { en: { translation: resourcesFor('en') }, ja: { translation: resourcesFor('ja') } },
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
