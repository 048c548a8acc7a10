/**
 * Renders the report's HTML to PDF with Chromium's print engine in a hidden window that can do
 * nothing else: offscreen, sandboxed, JavaScript off, its own in-memory session whose only
 * permitted request is the one temporary file being printed (so an `<img src=https://…>` in a
 * hostile node name cannot call out). The HTML goes through a file rather than a `data:` URL
 * because a large fleet's report exceeds Chromium's 2 MB URL limit.
 */
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebContents } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintOptions, Printer } from '../core/host';
import { guardNetwork, type RequestFilterSession } from './networkGuard';

export type { PrintOptions, Printer };

export const PRINT_PARTITION = 'pdf-printer';

export interface PrintWindow {
  webContents: Pick<WebContents, 'printToPDF' | 'on' | 'setWindowOpenHandler'>;
  loadFile(path: string): Promise<void>;
  destroy(): void;
}

export interface PdfPrinterDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  /** The session of PRINT_PARTITION, where the request filter is installed. */
  session: RequestFilterSession;
  /** The report's page margins (its running header and footer are drawn inside them). */
  marginsMm?: MarginsMm;
  tempRoot?: string;
  loadTimeoutMs?: number;
}

export interface MarginsMm {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      offscreen: true,
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webgl: false,
      plugins: false,
      spellcheck: false,
      devTools: false,
      partition: PRINT_PARTITION,
    },
  };
}

export function pdfOptions(options: PrintOptions, marginsMm?: MarginsMm): PrintToPDFOptions {
  const headerFooter = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
  return {
    pageSize: options.paper === 'a4' ? 'A4' : 'Letter',
    landscape: options.landscape ?? false,
    printBackground: true,
    displayHeaderFooter: headerFooter,
    // printToPDF takes inches.
    ...(marginsMm
      ? {
          margins: {
            top: marginsMm.top / 25.4,
            bottom: marginsMm.bottom / 25.4,
            left: marginsMm.left / 25.4,
            right: marginsMm.right / 25.4,
          },
        }
      : {}),
    // An omitted template prints Chromium's default (date, title, URL): an empty one prints nothing.
    ...(headerFooter
      ? { headerTemplate: options.headerTemplate ?? '<span></span>', footerTemplate: options.footerTemplate ?? '<span></span>' }
      : {}),
  };
}

export function createPdfPrinter(deps: PdfPrinterDeps): Printer {
  const printing = new Set<string>();
  guardNetwork(deps.session, (url) => printing.has(url));
  const timeoutMs = deps.loadTimeoutMs ?? 30_000;

  return async (html, options) => {
    const dir = await mkdtemp(join(deps.tempRoot ?? tmpdir(), 'patch-auditor-print-'));
    const file = join(dir, 'report.html');
    const url = pathToFileURL(file).href;
    let window: PrintWindow | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await writeFile(file, html, { mode: 0o600 });
      printing.add(url);
      window = deps.createWindow(printWindowOptions());
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      window.webContents.on('will-navigate', (event) => event.preventDefault());
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the report did not load within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([window.loadFile(file), timeout]);
      return await window.webContents.printToPDF(pdfOptions(options, deps.marginsMm));
    } finally {
      clearTimeout(timer);
      printing.delete(url);
      window?.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
