/**
 * The report's sections (docs/design.md §8). `REPORT_SECTIONS` (shared, so the contract can name
 * them) says their print order; this map, keyed by it, says which module prints each.
 */
import type { ReportSection } from '../../../../shared/reportSections';
import { appendix } from './appendix';
import { areas } from './areas';
import { comparison } from './comparison';
import { compliance } from './compliance';
import { cover } from './cover';
import { coverage } from './coverage';
import { editions } from './editions';
import { findings } from './findings';
import { method } from './method';
import { patches } from './patches';
import { readiness } from './readiness';
import type { SectionModule } from './render';
import { scope } from './scope';
import { summary } from './summary';
import { trends } from './trends';

export const SECTIONS: Readonly<Record<ReportSection, SectionModule>> = {
  cover,
  summary,
  scope,
  coverage,
  readiness,
  editions,
  compliance,
  patches,
  trends,
  comparison,
  areas,
  findings,
  appendix,
  method,
};

export type { Ctx, SectionModule } from './render';
