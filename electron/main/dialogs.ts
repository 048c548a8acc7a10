/**
 * The OS open and save dialogs behind the core's `HostFiles`: the only way a file is read or
 * written for the renderer. The renderer may suggest a file name (through the core), never a
 * folder or a path: the name is reduced to a plain base name and the user picks the place.
 */
import type { BrowserWindow, Dialog, FileFilter, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';
import { SNAPSHOT_EXTENSION, type HostFiles, type SaveKind, type SaveTarget } from '../core/host';
import type { Lang } from '../../shared/model';

export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

const SAVE_FILTERS: Record<SaveKind, FileFilter> = {
  'snapshot-export': { name: 'Patch Auditor snapshot', extensions: [SNAPSHOT_EXTENSION.slice(1)] },
  'report-pdf': { name: 'PDF report', extensions: ['pdf'] },
  'report-html': { name: 'HTML report', extensions: ['html'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

const DEFAULT_NAMES: Record<SaveKind, string> = {
  'snapshot-export': 'snapshot',
  'report-pdf': 'report',
  'report-html': 'report',
  csv: 'nodes',
  json: 'nodes',
};

/**
 * A suggested name made safe: no folders (either separator), no control or reserved
 * characters, no leading dots, and the kind's extension.
 */
export function safeFileName(kind: SaveKind, suggested: string): string {
  const extension = `.${SAVE_FILTERS[kind].extensions[0]}`;
  const last = suggested.split(/[\\/]/).pop() ?? '';
  let name = last
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  if (extname(name).toLowerCase() === extension) name = name.slice(0, -extension.length);
  return `${name || DEFAULT_NAMES[kind]}${extension}`;
}

/** Appends the kind's extension when the user typed a name without it (Linux dialogs do not). */
export function withExtension(kind: SaveKind, path: string): string {
  const extension = `.${SAVE_FILTERS[kind].extensions[0]}`;
  return extname(path).toLowerCase() === extension ? path : `${path}${extension}`;
}

export interface DialogDeps {
  dialog: DialogApi;
  /** The window the dialog is modal to; null shows it free-standing. */
  parent: () => BrowserWindow | null;
  /** Where a save dialog opens first (the user's Documents folder). */
  defaultFolder: () => string;
}

export function createDialogs(deps: DialogDeps): HostFiles {
  const open = (options: OpenDialogOptions) => {
    const parent = deps.parent();
    return parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options);
  };
  const save = (options: SaveDialogOptions) => {
    const parent = deps.parent();
    return parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options);
  };
  return {
    // The web host's upload id means nothing here: the desktop app always asks the user.
    chooseImportFile: async () => {
      const result = await open({
        title: 'Import snapshot',
        properties: ['openFile'],
        filters: [SAVE_FILTERS['snapshot-export']],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSaveTarget: async (kind: SaveKind, defaultName: string): Promise<SaveTarget | null> => {
      const result = await save({
        defaultPath: join(deps.defaultFolder(), safeFileName(kind, defaultName)),
        filters: [SAVE_FILTERS[kind]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      const path = withExtension(kind, result.filePath);
      return { path, done: () => ({ fileName: basename(path) }) };
    },
  };
}

/** What the user is asked about a file the OS opened: its name only (the folder may be long or revealing) and its count. */
export interface OpenedFileFacts {
  path: string;
  snapshots: number;
  lang: Lang;
}

const OPENED_FILE_TEXT: Record<
  Lang,
  (name: string, snapshots: number) => Pick<MessageBoxOptions, 'title' | 'message' | 'detail' | 'buttons'>
> = {
  en: (name, snapshots) => ({
    title: 'Import snapshot',
    message: `Import ${snapshots === 1 ? '1 snapshot' : `${snapshots} snapshots`} from “${name}”?`,
    detail: 'Import only files you trust. Snapshots already here are not added again.',
    buttons: ['Import', 'Cancel'],
  }),
  ja: (name, snapshots) => ({
    title: 'スナップショットのインポート',
    message: `「${name}」から ${snapshots} 件のスナップショットをインポートしますか?`,
    detail: '信頼できるファイルだけをインポートしてください。すでにあるスナップショットは重複して追加されません。',
    buttons: ['インポート', 'キャンセル'],
  }),
};

/** Control and format characters dropped: a right-to-left override in a name could make "x.exe" read as anything. */
const shownName = (path: string) =>
  basename(path)
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .slice(0, 120);

export function openedFileMessage(facts: OpenedFileFacts): MessageBoxOptions {
  return {
    type: 'question',
    ...OPENED_FILE_TEXT[facts.lang](shownName(facts.path), facts.snapshots),
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/**
 * A double-click, a launch argument or a macOS open-file event is not the user choosing to
 * import in the app: ask first, modal to the window when there is one. True to import.
 */
export async function confirmOpenedFile(
  deps: { dialog: Pick<Dialog, 'showMessageBox'>; parent: () => BrowserWindow | null },
  facts: OpenedFileFacts,
): Promise<boolean> {
  const options = openedFileMessage(facts);
  const parent = deps.parent();
  const { response } = await (parent ? deps.dialog.showMessageBox(parent, options) : deps.dialog.showMessageBox(options));
  return response === 0;
}
