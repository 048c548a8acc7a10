/**
 * The application menu: the usual shortcuts of each OS through Electron's roles, the app's own
 * file commands, reload only while developing (a reload mid-audit loses its progress view),
 * and a documentation link that leaves the app only after URL validation.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { safeExternalUrl } from '../core/host';

export const DOCS_URL = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html';

export interface MenuActions {
  importSnapshot(): void;
  exportSnapshots(): void;
  showAbout(): void;
  openExternal(url: string): void;
}

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  isDev: boolean;
  docsUrl?: string;
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const docs = safeExternalUrl(options.docsUrl ?? DOCS_URL);
  const about: MenuItemConstructorOptions = { label: `About ${options.appName}`, click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Snapshot…', accelerator: 'CmdOrCtrl+O', click: () => actions.importSnapshot() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportSnapshots() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.isDev
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'windowMenu' }] : [];

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      ...(docs ? [{ label: 'Patch Manager Prerequisites (AWS Documentation)', click: () => actions.openExternal(docs) }] : []),
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
