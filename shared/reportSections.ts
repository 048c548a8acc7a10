/** The report's sections in print order; the renderer and the contract share this list. */
export const REPORT_SECTIONS = [
  'cover',
  'summary',
  'scope',
  'readiness',
  'editions',
  'compliance',
  'patches',
  'trends',
  'comparison',
  'areas',
  'findings',
  'appendix',
  'method',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
