/** The headless Printer: Chromium through playwright-core, `page.setContent` + `page.pdf`. */
import type { Browser } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { PAGE_MARGINS_MM, type Printer } from './printer';

const mm = (n: number): string => `${n}mm`;

/** A printer on a browser the caller owns (tests reuse one browser for many PDFs). */
export function chromiumPrinter(browser: Browser): Printer {
  return async (html, options) => {
    // JavaScript off: the report has no script, and a node name can never become one.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const withTemplates = Boolean(options.headerTemplate || options.footerTemplate);
      return await page.pdf({
        format: options.paper === 'a4' ? 'A4' : 'Letter',
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: withTemplates,
        headerTemplate: options.headerTemplate ?? '<span></span>',
        footerTemplate: options.footerTemplate ?? '<span></span>',
        margin: {
          top: mm(PAGE_MARGINS_MM.top),
          bottom: mm(PAGE_MARGINS_MM.bottom),
          left: mm(PAGE_MARGINS_MM.left),
          right: mm(PAGE_MARGINS_MM.right),
        },
      });
    } finally {
      await context.close();
    }
  };
}

/** Launches Chromium for a run of prints (the CLI, the demo) and closes it after. */
export async function withChromiumPrinter<T>(use: (print: Printer) => Promise<T>, executablePath?: string): Promise<T> {
  const browser = await launchChromium(executablePath);
  try {
    return await use(chromiumPrinter(browser));
  } finally {
    await browser.close();
  }
}

/**
 * A printer that launches Chromium on first use and keeps it for later prints (the web host:
 * most sessions never print, and the ones that do print several reports).
 */
export function lazyChromiumPrinter(): { printer: Printer; close: () => Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    printer: async (html, options) => chromiumPrinter(await (browser ??= launchChromium()))(html, options),
    close: async () => {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
