import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RequestFilterSession } from './networkGuard';
import { createPdfPrinter, pdfOptions, PRINT_PARTITION, printWindowOptions, type PrintWindow } from './pdfPrinter';
import { tempDir } from '../../test/support/tempDir';

type Listener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

function fakeSession() {
  let listener: Listener | null = null;
  const session = { webRequest: { onBeforeRequest: (...args: unknown[]) => void (listener = args.at(-1) as Listener) } };
  const cancelled = (url: string) => {
    let cancel: boolean | undefined;
    listener!({ url }, (response) => (cancel = response.cancel));
    return cancel;
  };
  return { session: session as unknown as RequestFilterSession, cancelled };
}

interface Seen {
  options?: BrowserWindowConstructorOptions;
  loaded?: string;
  html?: string;
  pdfOptions?: PrintToPDFOptions;
  allowedWhileLoading?: boolean;
  remoteWhileLoading?: boolean;
  destroyed: boolean;
  navigationBlocked?: boolean;
}

function fakeWindowFactory(net: ReturnType<typeof fakeSession>, behaviour: { load?: 'ok' | 'fail' | 'hang'; pdf?: Buffer } = {}) {
  const seen: Seen = { destroyed: false };
  const createWindow = (options: BrowserWindowConstructorOptions): PrintWindow => {
    seen.options = options;
    const window: PrintWindow = {
      webContents: {
        setWindowOpenHandler: () => {},
        on: ((event: string, listener: (e: { preventDefault(): void }) => void) => {
          if (event === 'will-navigate') {
            let prevented = false;
            listener({ preventDefault: () => (prevented = true) });
            seen.navigationBlocked = prevented;
          }
          return window.webContents;
        }) as never,
        printToPDF: async (opts: PrintToPDFOptions) => {
          seen.pdfOptions = opts;
          return behaviour.pdf ?? Buffer.from('%PDF-1.7 fake');
        },
      },
      loadFile: async (path: string) => {
        seen.loaded = path;
        seen.html = readFileSync(path, 'utf8');
        seen.allowedWhileLoading = net.cancelled(pathToFileURL(path).href) === false;
        seen.remoteWhileLoading = net.cancelled('https://evil.example/x.png') === false;
        if (behaviour.load === 'fail') throw new Error('ERR_FAILED');
        if (behaviour.load === 'hang') await new Promise(() => {});
      },
      destroy: () => {
        seen.destroyed = true;
      },
    };
    return window;
  };
  return { createWindow, seen };
}

describe('printWindowOptions', () => {
  it('is hidden, offscreen, sandboxed, without JavaScript, in its own session', () => {
    const prefs = printWindowOptions().webPreferences!;
    expect(printWindowOptions().show).toBe(false);
    expect(prefs.offscreen).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.javascript).toBe(false);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.partition).toBe(PRINT_PARTITION);
    expect(prefs.preload).toBeUndefined();
  });

  it('keeps every protection of the security checklist on (items 2–4, 6, 8–11)', () => {
    const prefs = printWindowOptions().webPreferences!;
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
  });
});

describe('pdfOptions', () => {
  it('maps paper and orientation', () => {
    expect(pdfOptions({ paper: 'a4' })).toEqual({ pageSize: 'A4', landscape: false, printBackground: true, displayHeaderFooter: false });
    expect(pdfOptions({ paper: 'letter', landscape: true })).toMatchObject({ pageSize: 'Letter', landscape: true });
  });

  it('converts the report’s margins from millimetres to the inches printToPDF takes', () => {
    expect(pdfOptions({ paper: 'a4' }, { top: 25.4, bottom: 12.7, left: 0, right: 50.8 }).margins).toEqual({
      top: 1,
      bottom: 0.5,
      left: 0,
      right: 2,
    });
  });

  it('prints the given header and an empty footer rather than Chromium’s URL and date', () => {
    expect(pdfOptions({ paper: 'a4', headerTemplate: '<div class="title">Acme</div>' })).toMatchObject({
      displayHeaderFooter: true,
      headerTemplate: '<div class="title">Acme</div>',
      footerTemplate: '<span></span>',
    });
  });
});

describe('createPdfPrinter', () => {
  it('prints the HTML from a private temporary file that alone may load, then cleans up', async () => {
    const net = fakeSession();
    const tempRoot = tempDir('pa-print-test-');
    const { createWindow, seen } = fakeWindowFactory(net, { pdf: Buffer.from('%PDF-1.7 report') });
    const print = createPdfPrinter({ createWindow, session: net.session, tempRoot });
    const pdf = await print('<h1>Report</h1>', { paper: 'letter', landscape: true, footerTemplate: '<span class="pageNumber"></span>' });
    expect(pdf.toString()).toBe('%PDF-1.7 report');
    expect(seen.html).toBe('<h1>Report</h1>');
    expect(seen.allowedWhileLoading).toBe(true);
    expect(seen.remoteWhileLoading).toBe(false);
    expect(seen.navigationBlocked).toBe(true);
    expect(seen.pdfOptions).toMatchObject({ pageSize: 'Letter', landscape: true, footerTemplate: '<span class="pageNumber"></span>' });
    expect(seen.destroyed).toBe(true);
    expect(existsSync(seen.loaded!)).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
    expect(net.cancelled(pathToFileURL(seen.loaded!).href)).toBe(true);
  });

  it('closes the window and removes the file when loading fails', async () => {
    const net = fakeSession();
    const { createWindow, seen } = fakeWindowFactory(net, { load: 'fail' });
    await expect(createPdfPrinter({ createWindow, session: net.session })('<p>x</p>', { paper: 'a4' })).rejects.toThrow('ERR_FAILED');
    expect(seen.destroyed).toBe(true);
    expect(existsSync(seen.loaded!)).toBe(false);
  });

  it('gives up on a page that never finishes loading', async () => {
    const net = fakeSession();
    const { createWindow, seen } = fakeWindowFactory(net, { load: 'hang' });
    await expect(createPdfPrinter({ createWindow, session: net.session, loadTimeoutMs: 20 })('<p>x</p>', { paper: 'a4' })).rejects.toThrow(
      'did not load',
    );
    expect(seen.destroyed).toBe(true);
  });
});
