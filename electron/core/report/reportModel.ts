/**
 * The report as data (docs/design.md §8): one snapshot with its history and an optional comparison,
 * everything the HTML needs already counted. Each section's part of the model lives with its HTML
 * in `sections/`; this file runs them. Figures come from the store's own summaries (ruleSummary,
 * scopeSummary, trends, compare) so the report and the app never disagree; what the summaries
 * lack (examples, top findings, per-node patch figures) comes from one pass over the snapshot's nodes.
 */
import { getCatalog, type CatalogEdition, type SourceRef } from '../../../shared/catalog';
import type { MissingPatchSummary } from '../../../shared/missingPatches';
import type { Lang, RuleId, ScopeResult } from '../../../shared/model';
import { RULE_BY_ID } from '../../../shared/rules';
import type { ReportAppendixMode } from '../../../shared/reportSections';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import type { FigureValue } from '../../../shared/figures';
import type { SnapshotDetail, Store, TrendPoint } from '../store';
import { appendixNodes, type ReportNode } from './sections/appendix';
import { areasModel, notReadyByArea, type AccountRow, type AreaRow } from './sections/areas';
import { coverageModel, type ReportCoverage } from './sections/coverage';
import { baselineOf, comparisonModel, type ReportComparison } from './sections/comparison';
import { patchUnknownModel, scanCounts, type PatchUnknownArea } from './sections/compliance';
import { editionsCollector, type ReportEditions } from './sections/editions';
import { findingGroups, type TopFinding } from './sections/findings';
import { catalogInfo, type CatalogInfo } from './sections/method';
import { ReportInputError, visitNodes, type ModelInput } from './sections/model';
import { missingPatchesModel } from './sections/patches';
import { ruleExamples, rulesModel, type RuleReadiness } from './sections/readiness';
import { scopeModel, type ScopeGaps } from './sections/scope';
import { summaryModel, type ReportTotals, type Verdict } from './sections/summary';
import { trendsModel } from './sections/trends';

export { ReportInputError } from './sections/model';
export { verdictOf } from './sections/summary';
export type { FindingRef } from './sections/model';
export type { NodePatchLine, ReportNode } from './sections/appendix';
export type {
  AccountRow,
  AreaRow,
  CatalogInfo,
  ReportCoverage,
  PatchUnknownArea,
  ReportComparison,
  ReportEditions,
  ReportTotals,
  RuleReadiness,
  TopFinding,
  Verdict,
};

export interface ReportModel {
  lang: Lang;
  generatedAt: string;
  toolVersion: string;
  snapshot: SnapshotDetail;
  catalog: CatalogInfo;
  /** Every headline figure, as `figures:get` and `patch-audit figures` give them. */
  figures: FigureValue[];
  totals: ReportTotals;
  verdict: Verdict;
  failedScopes: ScopeResult[];
  gaps: ScopeGaps[];
  /** Areas with nodes whose patch state could not be read: their compliance is unknown, not 0 %. */
  patchUnknown: PatchUnknownArea[];
  rules: RuleReadiness[];
  areas: AreaRow[];
  accounts: AccountRow[];
  /** The EC2 instances that are not managed nodes, by cause (issue 30). */
  coverage: ReportCoverage;
  /** Audits up to this one, oldest first (re-evaluated copies excluded). */
  trends: TrendPoint[];
  comparison: ReportComparison | null;
  /** The same facts judged under the current AWS page, when the snapshot was judged under another edition. */
  editions: ReportEditions | null;
  topFindings: TopFinding[];
  /** Missing and failed patches and their CVEs, most nodes first (issue 19). */
  missingPatches: MissingPatchSummary;
  /** What the node appendix lists; every other section covers the whole fleet. */
  appendix: ReportAppendixMode;
  /**
   * The appendix's nodes, by account, region, name and instance id: every node, only those counted
   * in `totals.notReady` or `totals.unverified`, or none.
   */
  nodes: ReportNode[];
}

export interface ReportModelOptions {
  compareTo?: number;
  lang: Lang;
  /** `all` by default. */
  appendix?: ReportAppendixMode;
  now?: () => Date;
}

/** The catalog entries behind each rule: what the report cites as its source. */
export function ruleSourceRefs(catalog: CatalogEdition, rule: RuleId): SourceRef[] {
  return RULE_BY_ID[rule].sourceRefs(catalog);
}

function modelInput(store: Store, snapshotId: number, options: ReportModelOptions): ModelInput {
  const snapshot = store.getSnapshot(snapshotId);
  if (!snapshot) throw new ReportInputError(`snapshot ${snapshotId} does not exist`);
  const catalog = getCatalog(snapshot.catalogEdition);
  return { store, snapshotId, snapshot, catalog, lang: options.lang, appendix: options.appendix ?? 'all' };
}

export function buildReportModel(store: Store, snapshotId: number, options: ReportModelOptions): ReportModel {
  const input = modelInput(store, snapshotId, options);
  const { snapshot, catalog, lang } = input;
  const baseline = baselineOf(input, options.compareTo);
  // One pass over the nodes for every part counted per node; the missing-patch summary reads them as they pass.
  const perNode = {
    examples: ruleExamples(lang),
    findings: findingGroups(lang),
    notReady: notReadyByArea(),
    nodes: appendixNodes(input.appendix),
    scans: scanCounts(),
    editions: editionsCollector(input),
  };
  const missingPatches = missingPatchesModel(visitNodes(input, Object.values(perNode)));
  const { areas, accounts } = areasModel(input, perNode.notReady.result());
  const { figures, totals, verdict } = summaryModel(input, areas, perNode.scans.result());
  return {
    lang,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    toolVersion: TOOL_VERSION,
    snapshot,
    catalog: catalogInfo(snapshot.catalogEdition),
    figures,
    editions: perNode.editions.result(),
    totals,
    verdict,
    ...scopeModel(snapshot),
    patchUnknown: patchUnknownModel(areas),
    rules: rulesModel(input, perNode.examples.result(), (rule) => (catalog ? ruleSourceRefs(catalog, rule) : [])),
    areas,
    accounts,
    coverage: coverageModel(input),
    trends: trendsModel(input),
    comparison: comparisonModel(input, baseline),
    topFindings: perNode.findings.result(),
    missingPatches,
    appendix: input.appendix,
    nodes: perNode.nodes.result(),
  };
}
