import type { Theme } from '../../../shared/contract';

/** `system` follows the OS through the CSS media query; light and dark pin it. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
