/**
 * The Electron shell: lifecycle, the one window, the custom protocol and IPC wiring.
 * Every decision lives in the modules it imports (tested in Node with fakes) and in
 * electron/core; this file only connects them to the real Electron objects.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { CATALOG_EDITIONS } from '../../shared/catalog';
import { createPdfPrinter, PRINT_PARTITION } from './pdfPrinter';
import { createFileLog, PAGE_MARGINS_MM, startCoreWorker, UserFacingError } from '../core/host';
import { aboutMessage } from './about';
import { APP_ENTRY, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { logUncaughtErrors } from './crashLog';
import { useDataFolder } from './dataFolder';
import { confirmOpenedFile, createDialogs } from './dialogs';
import { bindIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { guardWebContents } from './navigation';
import { describeBlocked, guardNetwork } from './networkGuard';
import { drainPendingImports, importOpenedFile, listenForOpenFile, PendingImports, snapshotPathsFromArgv } from './openFiles';
import { denyAllPermissions } from './permissions';
import { claimSingleInstance, focusWindow } from './singleInstance';
import { mainWindowOptions } from './windowOptions';
import { placeWindow, readWindowState, trackWindowState, WINDOW_STATE_FILE, writeWindowState } from './windowState';

const dataDir = useDataFolder(app);
const log = createFileLog(join(dataDir, 'logs', 'main.log'), 'main');
logUncaughtErrors(process, log);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const pendingImports = new PendingImports();
// macOS may deliver the document that launched the app before `ready`.
listenForOpenFile(app, pendingImports);
let window: BrowserWindow | null = null;

if (
  claimSingleInstance(app, (argv, cwd) => {
    pendingImports.push(...snapshotPathsFromArgv(argv, cwd));
    focusWindow(window);
  })
) {
  pendingImports.push(...snapshotPathsFromArgv(process.argv, process.cwd()));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log(`start failed: ${err instanceof Error ? err.name : 'unknown error'}`);
      dialog.showErrorBox('Patch Auditor could not start', err instanceof Error ? err.message : String(err));
      app.quit();
    });
}

async function start(): Promise<void> {
  log(`start ${app.getVersion()} electron ${process.versions.electron}`);
  // The print window's session too: it loads only the report file, but every session gets the handler (checklist item 5).
  for (const each of [session.defaultSession, session.fromPartition(PRINT_PARTITION)]) denyAllPermissions(each);
  guardNetwork(session.defaultSession, undefined, (url) => log(`blocked request to ${describeBlocked(url)}`));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '..', 'renderer')));

  const files = createDialogs({ dialog, parent: () => window, defaultFolder: () => app.getPath('documents') });
  // The core runs in a thread of its own: a 50,000-node save, an import or a report model
  // there never blocks this event loop, which draws the window and answers the OS (issue 20).
  const core = await startCoreWorker({
    dataDir,
    log,
    host: {
      host: 'electron',
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
      openExternal: (url) => shell.openExternal(url),
      files,
    },
    printer: createPdfPrinter({
      createWindow: (options) => new BrowserWindow(options),
      session: session.fromPartition(PRINT_PARTITION),
      marginsMm: PAGE_MARGINS_MM,
    }),
  });
  bindIpc(ipcMain, core.dispatch, log);
  app.on('will-quit', () => void core.close());

  const showAbout = () =>
    void dialog.showMessageBox(
      aboutMessage({
        appName: 'Patch Auditor',
        version: app.getVersion(),
        versions: process.versions,
        catalogEditions: CATALOG_EDITIONS.map((edition) => edition.id),
        dataDir,
      }),
    );
  const exportSnapshots = async () => {
    const ids = await core.shell.recentSnapshotIds(500);
    if (ids.length > 0) await core.dispatch('snapshots:export', { ids });
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        { appName: 'Patch Auditor', platform: process.platform, isDev: !app.isPackaged },
        {
          importSnapshot: () => void core.dispatch('snapshots:import', {}),
          exportSnapshots: () => void exportSnapshots(),
          showAbout,
          openExternal: (url) => void shell.openExternal(url),
        },
      ),
    ),
  );

  const stateFile = join(dataDir, WINDOW_STATE_FILE);
  const windowOptions = (preload: string) => mainWindowOptions(preload, { devTools: !app.isPackaged });
  const defaults = windowOptions('');
  const placement = placeWindow(readWindowState(stateFile), screen.getAllDisplays(), {
    width: defaults.width ?? 1280,
    height: defaults.height ?? 800,
  });
  const { maximized, ...bounds } = placement;
  window = new BrowserWindow({ ...windowOptions(join(__dirname, '..', 'preload', 'preload.cjs')), ...bounds });
  trackWindowState(window, (state) => writeWindowState(stateFile, state));
  const contents = window.webContents;
  core.events.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(name, payload);
  });
  window.once('ready-to-show', () => {
    if (maximized) window?.maximize();
    window?.show();
  });
  window.on('closed', () => {
    window = null;
  });
  contents.once('did-finish-load', () =>
    pendingImports.onAvailable(
      () =>
        void drainPendingImports(
          pendingImports,
          async (path) =>
            void (await importOpenedFile(path, {
              describe: (file) => core.shell.describeFile(file),
              confirm: async (file, snapshots) =>
                confirmOpenedFile({ dialog, parent: () => window }, { path: file, snapshots, lang: await core.shell.language() }),
              importFile: async (file) => void (await core.shell.importFile(file)),
            })),
          (_path, err) => {
            log(`opening a snapshot file failed: ${err instanceof Error ? err.name : 'unknown error'}`);
            dialog.showErrorBox('Snapshot not imported', err instanceof UserFacingError ? err.message : 'The file could not be imported.');
          },
        ),
    ),
  );
  void window.loadURL(APP_ENTRY);
}
