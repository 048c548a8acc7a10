/** The report's sections in print order; the renderer and the contract share this list. */
export const REPORT_SECTIONS = [
  'cover',
  'summary',
  'scope',
  'coverage',
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

/**
 * What the node appendix lists. `not-ready` keeps the nodes the executive summary counts as not
 * ready (a failed prerequisite) or not fully verified (a prerequisite unknown, none failed), so
 * its length adds up with the summary's figures; every other section stays whole-fleet.
 */
export const REPORT_APPENDIX_MODES = ['all', 'not-ready', 'none'] as const;
export type ReportAppendixMode = (typeof REPORT_APPENDIX_MODES)[number];
