/**
 * The OS open and save dialogs behind the core's `HostFiles`: the only way a file is read or
 * written for the renderer. The renderer may suggest a file name (through the core), never a
 * folder or a path: the name is reduced to a plain base name and the user picks the place.
 */
import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';
import type { HostFiles, SaveKind, SaveTarget } from '../core/files';
import { SNAPSHOT_EXTENSION } from './openFiles';

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
