/**
 * The report as one self-contained HTML document with print CSS (docs/design.md §8): no script, no
 * remote resource, every value from the snapshot escaped by the `html` template. Check texts
 * are re-localized from their code and params, so one model renders in either language. Each
 * section's HTML lives in `sections/`; this file chooses them and wraps them in the document.
 */
import type { Lang } from '../../../shared/model';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/reportSections';
import { html, raw } from './html';
import { formatDate, labelsFor } from './labels';
import type { ReportModel } from './reportModel';
import { reportCss } from './reportStyles';
import { SECTIONS, type Ctx } from './sections';

export { REPORT_SECTIONS, type ReportSection };

export type Paper = 'a4' | 'letter';

export interface RenderOptions {
  lang: Lang;
  paper: Paper;
  /** Sections to include, in the report's fixed order; all by default. */
  sections?: readonly ReportSection[];
}

export function reportTitle(model: ReportModel, lang: Lang): string {
  const t = labelsFor(lang);
  return `${t('reportTitle')} — ${model.snapshot.client ?? formatDate(model.snapshot.startedAt, lang)}`;
}

/**
 * The sections asked for or, by default, every section the model has: a comparison without a
 * chosen snapshot, or editions for a snapshot already judged under the current page, say so only
 * when asked for explicitly.
 */
function printedSections(model: ReportModel, asked: readonly ReportSection[] | undefined): ReportSection[] {
  if (asked) return REPORT_SECTIONS.filter((s) => asked.includes(s));
  return REPORT_SECTIONS.filter((s) => SECTIONS[s].inDefaultReport?.(model) ?? true);
}

export function renderReportHtml(model: ReportModel, options: RenderOptions): string {
  const printed = printedSections(model, options.sections);
  const ctx: Ctx = { m: model, lang: options.lang, t: labelsFor(options.lang), appendixPrinted: printed.includes('appendix') };
  const body = printed.map((s) => SECTIONS[s].render(ctx));
  return `<!doctype html>${
    html`<html lang="${options.lang}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
        <title>${reportTitle(model, options.lang)}</title>
        <style>
          ${raw(reportCss(options.lang))}
        </style>
      </head>
      <body class="paper-${options.paper}">
        ${body}
      </body>
    </html>`.html
  }`;
}
