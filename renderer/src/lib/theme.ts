import type { Theme } from '../../../shared/contract';

const prefersDark = matchMedia('(prefers-color-scheme: dark)');
let chosen: Theme = 'system';

/**
 * The page always carries the theme it shows (`data-theme="light"` or `"dark"`): `system` is
 * resolved here and follows the OS as it changes, so the stylesheets and the charts define
 * each palette once, keyed on the attribute alone.
 */
function resolve(): void {
  document.documentElement.dataset.theme = chosen === 'system' ? (prefersDark.matches ? 'dark' : 'light') : chosen;
}

// Before the settings arrive the OS decides, as it will for `system`.
resolve();
prefersDark.addEventListener('change', () => {
  if (chosen === 'system') resolve();
});

export function applyTheme(theme: Theme): void {
  chosen = theme;
  resolve();
}

/** The theme on screen now, whatever was chosen. */
export const shownTheme = (): 'light' | 'dark' => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
