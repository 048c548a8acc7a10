/**
 * Navigation and window-creation guards for every web contents (Electron security checklist
 * items 12–14): the renderer never navigates away from the app, never opens a second window,
 * never attaches a <webview>; an `https:` link is handed to the OS browser after validation.
 */
import type { Event, HandlerDetails, WebContents, WebPreferences } from 'electron';
import { safeExternalUrl } from '../core/host';
import { APP_ORIGIN } from './appProtocol';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    const safe = safeExternalUrl(details.url);
    if (safe) openExternal(safe);
    return { action: 'deny' };
  });
  const blockForeign = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event: Event, _prefs: WebPreferences) => event.preventDefault());
}
