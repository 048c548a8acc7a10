import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window's options. Every security switch is spelled out even where it is
 * Electron's default, so a future default change or a careless edit shows up in review
 * and in the test (Electron security checklist items 2–4, 6, 8).
 */
export function mainWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Patch Auditor',
    backgroundColor: '#111418',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Only while developing: in a packaged app the DevTools would let anyone at the keyboard
      // call the bridge outside the UI's flows.
      devTools: options.devTools,
    },
  };
}
