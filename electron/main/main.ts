/**
 * The Electron shell: lifecycle, the one window, the custom protocol and IPC wiring.
 * Every decision lives in the modules it imports (tested in Node with fakes) and in
 * electron/core; this file only connects them to the real Electron objects.
 */
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { CATALOG_EDITIONS } from '../../shared/catalog';
import { createCore } from '../core/createCore';
import { createFileLog } from '../core/log';
import { APP_ENTRY, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { bindIpc } from './ipc';
import { guardWebContents } from './navigation';
import { denyAllPermissions } from './permissions';
import { mainWindowOptions } from './windowOptions';

// Tests and portable setups point the app at a folder of their own.
if (process.env.PATCH_AUDITOR_DATA_DIR) app.setPath('userData', process.env.PATCH_AUDITOR_DATA_DIR);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  const dataDir = app.getPath('userData');
  const log = createFileLog(join(dataDir, 'logs', 'main.log'), 'main');
  const openExternal = (url: string) => void shell.openExternal(url);

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    log(`start ${app.getVersion()} electron ${process.versions.electron}`);
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '..', 'renderer')));

    const core = createCore({
      dataDir,
      catalogEditions: CATALOG_EDITIONS.map((edition) => edition.id),
      log,
      host: {
        host: 'electron',
        versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
        openExternal: (url) => shell.openExternal(url),
      },
    });
    bindIpc(ipcMain, core.dispatch, log);
    app.on('will-quit', () => void core.close());

    window = new BrowserWindow(mainWindowOptions(join(__dirname, '..', 'preload', 'preload.cjs')));
    const contents = window.webContents;
    core.events.subscribe((name, payload) => {
      if (!contents.isDestroyed()) contents.send(name, payload);
    });
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(APP_ENTRY);
  });
}
