/**
 * PDF output behind an injected printer (docs/design.md §8): Chromium through playwright-core headless
 * (CLI, web host, tests: chromiumPrinter.ts), and in the desktop app Electron's
 * `webContents.printToPDF` in a locked-down window (electron/main/pdfPrinter.ts).
 * The HTML is self-contained (inline CSS and SVG, no script, no remote resource).
 */
import type { Lang } from '../../../shared/model';
import { html } from './html';
import { formatDate, labelsFor } from './labels';
import type { ReportModel } from './reportModel';
import { renderReportHtml, type Paper, type RenderOptions } from './renderReportHtml';
import { fontStack } from './reportStyles';

export interface PrintOptions {
  paper: Paper;
  landscape?: boolean;
  /** Chromium header/footer templates: inline styles only; `pageNumber` / `totalPages` spans are filled in. */
  headerTemplate?: string;
  footerTemplate?: string;
}

export type Printer = (html: string, options: PrintOptions) => Promise<Buffer>;

/** Page margins; the running header and footer are drawn inside the top and bottom ones. */
export const PAGE_MARGINS_MM = { top: 18, bottom: 16, left: 14, right: 14 } as const;

/** Running header (client, title, audit date) and footer (confidentiality, page x / y). */
export function pageTemplates(model: ReportModel, lang: Lang): Required<Pick<PrintOptions, 'headerTemplate' | 'footerTemplate'>> {
  const t = labelsFor(lang);
  // Header templates do not inherit the page's CSS: font and size must be inline.
  const style = `font-family: ${fontStack(lang)}; font-size: 7pt; color: #5b6570; width: 100%; margin: 0 ${PAGE_MARGINS_MM.left}mm; display: flex; justify-content: space-between; gap: 12pt;`;
  const client = model.snapshot.client ?? t('notRecorded');
  const headerTemplate = html`<div style="${style}">
    <span>${client} — ${t('reportTitle')}</span><span>${t('auditDate')}: ${formatDate(model.snapshot.startedAt, lang)}</span>
  </div>`.html;
  const footerTemplate = html`<div style="${style}">
    <span>${t('confidential')}</span><span>${t('page')} <span class="pageNumber"></span> / <span class="totalPages"></span></span>
  </div>`.html;
  return { headerTemplate, footerTemplate };
}

/** The report as PDF bytes: HTML in the requested language and paper, with running header and footer. */
export function renderReportPdf(model: ReportModel, printer: Printer, options: RenderOptions): Promise<Buffer> {
  return printer(renderReportHtml(model, options), { paper: options.paper, ...pageTemplates(model, options.lang) });
}
