/**
 * The core's public entry for a shell that prints with headless Chromium (the web host; the
 * desktop shell prints with Electron's printToPDF). An entry of its own because it carries
 * playwright-core, which ./host.ts must not pull into the desktop shell's bundle (docs/design.md §1).
 */
export { lazyChromiumPrinter } from './report/chromiumPrinter';
