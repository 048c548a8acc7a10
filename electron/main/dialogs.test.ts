import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmOpenedFile, createDialogs, openedFileMessage, safeFileName, withExtension, type DialogApi } from './dialogs';

function fakeDialog(answer: { open?: string[] | null; save?: string | null }) {
  const calls: { kind: 'open' | 'save'; parent: unknown; options: OpenDialogOptions | SaveDialogOptions }[] = [];
  const record = (kind: 'open' | 'save', args: unknown[]) => {
    const [first, second] = args;
    calls.push(
      second === undefined
        ? { kind, parent: null, options: first as OpenDialogOptions }
        : { kind, parent: first, options: second as OpenDialogOptions },
    );
  };
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      record('open', args);
      return answer.open ? { canceled: false, filePaths: answer.open } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      record('save', args);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
  };
  return { dialog: dialog as unknown as DialogApi, calls };
}

const window = { id: 1 };
const deps = (dialog: DialogApi) => ({ dialog, parent: () => window as never, defaultFolder: () => '/home/u/Documents' });

describe('safeFileName', () => {
  it.each([
    ['snapshot-export', 'snapshot-3.patchaudit', 'snapshot-3.patchaudit'],
    ['snapshot-export', '../../.ssh/authorized_keys', 'authorized_keys.patchaudit'],
    ['report-pdf', 'C:\\Windows\\System32\\evil', 'evil.pdf'],
    ['report-pdf', '..', 'report.pdf'],
    ['csv', 'nodes\u0000<bad>|name?.csv', 'nodesbadname.csv'],
    ['report-html', '   ', 'report.html'],
    ['json', '.bashrc', 'bashrc.json'],
  ] as const)('%s %j → %s', (kind, suggested, expected) => expect(safeFileName(kind, suggested)).toBe(expected));
});

describe('withExtension', () => {
  it('adds the extension a Linux dialog leaves off, and keeps one that is there', () => {
    // Paths as a dialog answers them; nothing is written there.
    const acme = join(tmpdir(), 'acme');
    expect(withExtension('report-pdf', acme)).toBe(`${acme}.pdf`);
    expect(withExtension('report-pdf', `${acme}.PDF`)).toBe(`${acme}.PDF`);
  });
});

describe('createDialogs', () => {
  it('asks for one .patchaudit file, modal to the window', async () => {
    const { dialog, calls } = fakeDialog({ open: ['/home/u/acme.patchaudit'] });
    expect(await createDialogs(deps(dialog)).chooseImportFile()).toBe('/home/u/acme.patchaudit');
    const options = calls[0]!.options as OpenDialogOptions;
    expect(calls[0]!.parent).toBe(window);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'Patch Auditor snapshot', extensions: ['patchaudit'] }]);
  });

  it('answers null when the user cancels either dialog', async () => {
    const files = createDialogs(deps(fakeDialog({}).dialog));
    expect(await files.chooseImportFile()).toBeNull();
    expect(await files.chooseSaveTarget('report-pdf', 'r.pdf')).toBeNull();
  });

  it('never lets a suggested name choose the folder: the dialog starts in Documents with a bare name', async () => {
    const { dialog, calls } = fakeDialog({ save: '/home/u/Reports/acme' });
    const target = await createDialogs(deps(dialog)).chooseSaveTarget('report-pdf', '/etc/cron.d/job');
    expect((calls[0]!.options as SaveDialogOptions).defaultPath).toBe('/home/u/Documents/job.pdf');
    expect((calls[0]!.options as SaveDialogOptions).filters).toEqual([{ name: 'PDF report', extensions: ['pdf'] }]);
    expect(target?.path).toBe('/home/u/Reports/acme.pdf');
    expect(target?.done()).toEqual({ fileName: 'acme.pdf' });
  });

  it('shows a free-standing dialog when there is no window', async () => {
    const { dialog, calls } = fakeDialog({ save: join(tmpdir(), 'x.patchaudit') });
    await createDialogs({ dialog, parent: () => null, defaultFolder: () => tmpdir() }).chooseSaveTarget('snapshot-export', 'x');
    expect(calls[0]!.parent).toBeNull();
  });
});

describe('confirmOpenedFile', () => {
  const path = join(tmpdir(), 'clients', 'acme-2026.patchaudit');

  function fakeMessageBox(response: number) {
    const calls: { parent: unknown; options: MessageBoxOptions }[] = [];
    const dialog = {
      showMessageBox: async (...args: unknown[]) => {
        const [first, second] = args;
        calls.push(
          second === undefined
            ? { parent: null, options: first as MessageBoxOptions }
            : { parent: first, options: second as MessageBoxOptions },
        );
        return { response, checkboxChecked: false };
      },
    };
    return { dialog: dialog as unknown as Pick<Electron.Dialog, 'showMessageBox'>, calls };
  }

  it('names the file by its base name and its snapshot count, in English and Japanese', () => {
    const en = openedFileMessage({ path, snapshots: 3, lang: 'en' });
    expect(en.message).toBe('Import 3 snapshots from “acme-2026.patchaudit”?');
    expect(en.buttons).toEqual(['Import', 'Cancel']);
    expect(openedFileMessage({ path, snapshots: 1, lang: 'en' }).message).toBe('Import 1 snapshot from “acme-2026.patchaudit”?');
    const ja = openedFileMessage({ path, snapshots: 3, lang: 'ja' });
    expect(ja.message).toBe('「acme-2026.patchaudit」から 3 件のスナップショットをインポートしますか?');
    expect(ja.buttons).toEqual(['インポート', 'キャンセル']);
    for (const message of [en, ja]) {
      expect(message.cancelId).toBe(1);
      expect(`${message.message}${message.detail}`).not.toContain('clients');
    }
  });

  it('drops control and format characters from the name (a right-to-left override could disguise it)', () => {
    expect(openedFileMessage({ path: join(tmpdir(), 'a\u202egpj.patchaudit\u0007'), snapshots: 1, lang: 'en' }).message).toBe(
      'Import 1 snapshot from “agpj.patchaudit”?',
    );
  });

  it('answers true only for Import, asking modal to the window', async () => {
    const yes = fakeMessageBox(0);
    expect(await confirmOpenedFile({ dialog: yes.dialog, parent: () => window as never }, { path, snapshots: 2, lang: 'en' })).toBe(true);
    expect(yes.calls[0]!.parent).toBe(window);
    const no = fakeMessageBox(1);
    expect(await confirmOpenedFile({ dialog: no.dialog, parent: () => null }, { path, snapshots: 2, lang: 'ja' })).toBe(false);
    expect(no.calls[0]!.parent).toBeNull();
  });
});
