/** Reports and exports (docs/design.md §8): report model → HTML → PDF through an injected printer; CSV and JSON. */
export { buildReportModel, ReportInputError, ruleSourceRefs, verdictOf } from './reportModel';
export type { ReportModel, ReportModelOptions, ReportTotals, RuleReadiness, TopFinding, Verdict } from './reportModel';
export { renderReportHtml, REPORT_SECTIONS } from './renderReportHtml';
export type { Paper, RenderOptions, ReportSection } from './renderReportHtml';
export { PAGE_MARGINS_MM, pageTemplates, renderReportPdf } from './printer';
export type { PrintOptions, Printer } from './printer';
export { exportCsv, exportJson } from './exports';
export type { CsvExportOptions, CsvKind, JsonExportOptions } from './exports';
