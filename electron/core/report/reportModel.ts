/**
 * The report as data (docs/design.md §8): one snapshot with its history and an optional comparison,
 * everything the HTML needs already counted. Figures come from the store's own summaries
 * (ruleSummary, scopeSummary, trends, compare) so the report and the app never disagree;
 * what the summaries lack (examples, top findings, per-node patch figures) comes from one pass
 * over the snapshot's nodes.
 */
import { sumAreas } from '../../../shared/areaFigures';
import { computeFigures, figureValues, type FigureValue } from '../../../shared/figures';
import { automaticBaseline, type BaselineChoice } from './baseline';
import { CURRENT_CATALOG_ID, getCatalog, type CatalogEdition, type SourceRef } from '../../../shared/catalog';
import { editionTally } from '../../../shared/editionChanges';
import type { EditionComparison } from '../../../shared/history';
import {
  isOpen,
  missingPatchSummary,
  nodePatches,
  type MissingPatchSummary,
  type PatchesUnknownReason,
  type PatchNodeInput,
  TO_INSTALL_STATES,
} from '../../../shared/missingPatches';
import { messageFor, remediationFor, ruleTitle } from '../../../shared/messages';
import {
  RULE_IDS,
  type Check,
  type CheckStatus,
  type Lang,
  type LocalizedText,
  type RuleId,
  type ScopeResult,
} from '../../../shared/model';
import { RULE_BY_ID } from '../../../shared/rules';
import { SOURCE_GAPS } from '../../../shared/rules/sources';
import type { GapErrors } from '../../../shared/scopeErrors';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import type {
  AreaCounts,
  Comparison,
  NodeRow,
  RuleSummaryRow,
  ScopeSummaryRow,
  SnapshotDetail,
  SnapshotMeta,
  Store,
  TrendPoint,
} from '../store';
import { PREREQUISITE_RULE_IDS, readinessClass } from '../../../shared/readiness';
import type { ReportAppendixMode } from '../../../shared/reportSections';

const EXAMPLES_PER_RULE = 5;
const TOP_FINDINGS = 12;
const COMPARISON_LIST_LIMIT = 25;
const TOP_PATCHES = 15;
/** Patches the appendix names per node (KB number or package); the rest are counted. */
const NODE_KB_IDS = 3;

export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

/** One node's check, localized in the model's language (the renderer may re-localize from code/params). */
export interface FindingRef {
  accountId: string;
  region: string;
  instanceId: string;
  name: string | null;
  status: CheckStatus;
  code: string;
  params: Check['params'];
  message: string;
  remediation?: string;
}

export interface RuleReadiness extends RuleSummaryRow {
  title: string;
  prerequisite: boolean;
  /** The catalog entries the rule applies, each citing its seed rule (empty for operational checks). */
  sources: SourceRef[];
  /** Failing nodes first, then warnings, then unknowns. */
  examples: FindingRef[];
}

export interface TopFinding {
  rule: RuleId;
  code: string;
  status: 'fail' | 'warn';
  nodes: number;
  example: FindingRef;
}

/** An account × region: account-level failures (region null) are listed with the failed scopes, not as areas. */
export interface AreaRow extends ScopeSummaryRow {
  region: string;
  /** Nodes failing at least one prerequisite rule. */
  notReady: number;
}

/** A node's missing and failed patches as the appendix names them, or why they are not known. */
export type NodePatchLine = { open: number; kbIds: string[]; cves: number } | { unknown: PatchesUnknownReason };

export interface ReportNode extends NodeRow {
  patches: NodePatchLine;
}

export interface AccountRow extends AreaCounts {
  accountId: string;
  regions: number;
  notReady: number;
}

export interface ReportTotals extends AreaCounts {
  accounts: number;
  regions: number;
  scopes: number;
  scopesFailed: number;
  /** The headline figures `readyNodes`, `notReadyNodes`, `unverifiedNodes` (shared/figures.ts). */
  ready: number;
  notReady: number;
  unverified: number;
  notScanned: number;
  staleScan: number;
  /** `nodesPendingReboot`, `nodesMissingCritical`, `nodesMissingSecurity` (shared/figures.ts). */
  pendingReboot: number;
  nodesMissingCritical: number;
  nodesMissingSecurity: number;
}

/** `unknown` when no node's patch state could be read: there is nothing to judge compliance by. */
export type Verdict = 'good' | 'fair' | 'poor' | 'unknown';

/** Nodes of one area whose patch state could not be read, and why when the scope kept it. */
export interface PatchUnknownArea {
  accountId: string;
  region: string;
  nodes: number;
  reason?: GapErrors[string];
}

export interface CatalogInfo {
  id: string;
  known: boolean;
  /** Its plain name ("AWS page, November 2026"), as everywhere an edition is shown. */
  name?: LocalizedText;
  title?: LocalizedText;
  document?: string;
  agentMinimum?: string;
  python?: { range: string; python3: string };
}

/** The report's one baseline (issue 27): the executive summary and the comparison section both name it. */
export interface ReportComparison extends Comparison {
  fromSnapshot: SnapshotMeta;
  /** Asked for (`--compare`, the report form), or the newest earlier complete audit of the same areas. */
  chosen: BaselineChoice;
  /** Compliance % of the earlier snapshot, from its summary rows. */
  fromCompliancePct: number | null;
}

export interface ReportEditions extends EditionComparison {
  toCatalog: CatalogInfo;
}

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
  gaps: Array<{ accountId: string; region: string; gaps: string[]; gapErrors: GapErrors }>;
  /** Areas with nodes whose patch state could not be read: their compliance is unknown, not 0 %. */
  patchUnknown: PatchUnknownArea[];
  rules: RuleReadiness[];
  areas: AreaRow[];
  accounts: AccountRow[];
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

const range = (r: { from: string; to: string }): string => `${r.from} – ${r.to}`;

function catalogInfo(id: string): CatalogInfo {
  const catalog = getCatalog(id);
  if (!catalog) return { id, known: false };
  return {
    id,
    known: true,
    name: catalog.name,
    title: catalog.title,
    document: catalog.document,
    agentMinimum: catalog.agent.minimum,
    python: { range: range(catalog.python.range), python3: range(catalog.python.python3Only.range) },
  };
}

const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, unknown: 2, pass: 3, not_applicable: 4 };

function findingRef(row: NodeRow, check: Check, lang: Lang): FindingRef {
  const remediation = remediationFor(check, lang);
  return {
    accountId: row.accountId,
    region: row.region,
    instanceId: row.instanceId,
    name: row.name,
    status: check.status,
    code: check.code,
    params: check.params,
    message: messageFor(check, lang),
    ...(remediation ? { remediation } : {}),
  };
}

/** A Linux package id without its epoch and version (`openssl.x86_64`); a KB number as it is. */
const compactId = (kbId: string): string => kbId.split(':')[0] ?? kbId;

function patchLine(facts: PatchNodeInput['facts']): NodePatchLine {
  const known = nodePatches(facts);
  if ('reason' in known) return { unknown: known.reason };
  const open = known.patches.filter(isOpen);
  return {
    open: open.length,
    kbIds: open.slice(0, NODE_KB_IDS).map((p) => compactId(p.kbId)),
    cves: new Set(open.flatMap((p) => p.cveIds)).size,
  };
}

const byNode = (a: NodeRow, b: NodeRow): number =>
  a.accountId.localeCompare(b.accountId) ||
  a.region.localeCompare(b.region) ||
  (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') ||
  a.instanceId.localeCompare(b.instanceId);

const pct = (part: number, whole: number): number => (whole > 0 ? (part / whole) * 100 : 0);

export function verdictOf(totals: Pick<ReportTotals, 'nodes' | 'compliancePct' | 'notReady' | 'nodesMissingCritical'>): Verdict {
  if (totals.compliancePct === null) return totals.nodes > 0 ? 'unknown' : 'poor';
  const compliance = totals.compliancePct;
  const notReady = pct(totals.notReady, totals.nodes);
  if (compliance < 80 || notReady > 20) return 'poor';
  if (compliance >= 95 && notReady <= 5 && totals.nodesMissingCritical === 0) return 'good';
  return 'fair';
}

export function buildReportModel(store: Store, snapshotId: number, options: ReportModelOptions): ReportModel {
  const { lang } = options;
  const appendixMode = options.appendix ?? 'all';
  const snapshot = store.getSnapshot(snapshotId);
  if (!snapshot) throw new ReportInputError(`snapshot ${snapshotId} does not exist`);
  let fromSnapshot: SnapshotMeta | undefined;
  if (options.compareTo !== undefined) {
    fromSnapshot = store.getSnapshot(options.compareTo);
    if (!fromSnapshot) throw new ReportInputError(`snapshot ${options.compareTo} (to compare with) does not exist`);
    if (options.compareTo === snapshotId) throw new ReportInputError('a snapshot cannot be compared with itself');
  } else {
    const automatic = automaticBaseline(snapshot, store.listSnapshots(), (id) => store.getSnapshot(id)?.scopes ?? []);
    fromSnapshot = automatic === undefined ? undefined : store.getSnapshot(automatic);
  }
  const baselineChoice: BaselineChoice = options.compareTo !== undefined ? 'asked' : 'automatic';
  const catalog = getCatalog(snapshot.catalogEdition);

  // One pass over the nodes: examples per rule, finding groups, per-node patch figures; the
  // missing-patch summary reads the nodes as this loop yields them.
  const examples = new Map<RuleId, FindingRef[]>(RULE_IDS.map((rule) => [rule, []]));
  const groups = new Map<string, TopFinding>();
  const notReadyByArea = new Map<string, number>();
  const nodes: ReportNode[] = [];
  let notScanned = 0;
  let staleScan = 0;
  // The same facts under the current AWS page, counted in this one pass over the nodes.
  const current = getCatalog(CURRENT_CATALOG_ID);
  const editionsTally =
    catalog && current && catalog.id !== current.id
      ? editionTally({
          snapshotId,
          from: catalog,
          to: current,
          now: new Date(snapshot.finishedAt),
          scanAgeDays: snapshot.scanAgeDays,
          limit: COMPARISON_LIST_LIMIT,
        })
      : undefined;
  const visit = function* (): Generator<PatchNodeInput> {
    for (const { row, facts, checks } of store.nodesWithChecks(snapshotId)) {
      editionsTally?.add({ row, facts });
      const readiness = readinessClass((rule) => row.statuses[rule]);
      const failed = readiness === 'notReady';
      if (failed) {
        const key = `${row.accountId}\u0000${row.region}`;
        notReadyByArea.set(key, (notReadyByArea.get(key) ?? 0) + 1);
      }
      // Only listed nodes pay for their patch line: a short appendix is also a cheaper model.
      if (appendixMode === 'all' || (appendixMode === 'not-ready' && readiness !== 'ready'))
        nodes.push({ ...row, patches: patchLine(facts) });
      if (row.statuses['patch.scanned'] === 'fail') notScanned += 1;
      if (row.statuses['patch.scan-age'] === 'fail' || row.statuses['patch.scan-age'] === 'warn') staleScan += 1;
      for (const check of checks) {
        if (check.status === 'pass' || check.status === 'not_applicable') continue;
        const list = examples.get(check.rule);
        if (list && (list.length < EXAMPLES_PER_RULE || STATUS_ORDER[check.status] < STATUS_ORDER[list.at(-1)!.status])) {
          list.push(findingRef(row, check, lang));
          list.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
          list.length = Math.min(list.length, EXAMPLES_PER_RULE);
        }
        if (check.status === 'fail' || check.status === 'warn') {
          const key = `${check.rule}\u0000${check.code}\u0000${check.status}`;
          const group = groups.get(key);
          if (group) group.nodes += 1;
          else
            groups.set(key, { rule: check.rule, code: check.code, status: check.status, nodes: 1, example: findingRef(row, check, lang) });
        }
      }
      yield { row, facts };
    }
  };
  const missingPatches = missingPatchSummary(visit(), { filters: { states: [...TO_INSTALL_STATES] }, limit: TOP_PATCHES });
  nodes.sort(byNode);

  const summary = store.ruleSummary(snapshotId);
  const rules: RuleReadiness[] = summary.map((row) => ({
    ...row,
    title: ruleTitle(row.rule, lang),
    prerequisite: PREREQUISITE_RULE_IDS.includes(row.rule),
    sources: catalog ? ruleSourceRefs(catalog, row.rule) : [],
    examples: examples.get(row.rule) ?? [],
  }));

  const areas: AreaRow[] = store
    .scopeSummary(snapshotId)
    .flatMap((a) =>
      a.region === null ? [] : [{ ...a, region: a.region, notReady: notReadyByArea.get(`${a.accountId}\u0000${a.region}`) ?? 0 }],
    );
  const areasOf = new Map<string, AreaRow[]>();
  for (const a of areas) areasOf.set(a.accountId, [...(areasOf.get(a.accountId) ?? []), a]);
  const accounts: AccountRow[] = [...areasOf].map(([accountId, list]) => ({
    accountId,
    regions: list.length,
    ...sumAreas(list),
    notReady: list.reduce((n, a) => n + a.notReady, 0),
  }));

  const figures = computeFigures(store.figureInput(snapshotId));
  const figure = figureValues(figures);
  const count = (value: number | null): number => value ?? 0;
  const totals: ReportTotals = {
    ...sumAreas(areas),
    accounts: new Set(snapshot.scopes.map((s) => s.accountId)).size,
    // An account-level failure names no region.
    regions: new Set(snapshot.scopes.flatMap((s) => (s.region === null ? [] : [s.region]))).size,
    scopes: snapshot.scopes.length,
    scopesFailed: snapshot.scopes.filter((s) => s.status !== 'ok').length,
    ready: count(figure.readyNodes),
    notReady: count(figure.notReadyNodes),
    unverified: count(figure.unverifiedNodes),
    notScanned,
    staleScan,
    pendingReboot: count(figure.nodesPendingReboot),
    nodesMissingCritical: count(figure.nodesMissingCritical),
    nodesMissingSecurity: count(figure.nodesMissingSecurity),
  };

  let comparison: ReportComparison | null = null;
  if (fromSnapshot) {
    comparison = {
      ...store.compare(fromSnapshot.id, snapshotId, { limit: COMPARISON_LIST_LIMIT }),
      fromSnapshot,
      chosen: baselineChoice,
      fromCompliancePct: sumAreas(store.scopeSummary(fromSnapshot.id)).compliancePct,
    };
  }

  const editions: ReportEditions | null = editionsTally ? { ...editionsTally.result(), toCatalog: catalogInfo(CURRENT_CATALOG_ID) } : null;

  const severity = (f: TopFinding): number => (f.status === 'fail' ? 0 : 1);
  const topFindings = [...groups.values()]
    .sort((a, b) => severity(a) - severity(b) || b.nodes - a.nodes || a.code.localeCompare(b.code))
    .slice(0, TOP_FINDINGS);

  return {
    lang,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    toolVersion: TOOL_VERSION,
    snapshot,
    catalog: catalogInfo(snapshot.catalogEdition),
    figures,
    editions,
    totals,
    verdict: verdictOf(totals),
    failedScopes: snapshot.scopes.filter((s) => s.status !== 'ok'),
    gaps: snapshot.scopes
      // Only a scope that was read has gaps, and such a scope always names its region.
      .flatMap((s) =>
        s.gaps.length > 0 && s.region !== null
          ? [{ accountId: s.accountId, region: s.region, gaps: s.gaps, gapErrors: s.gapErrors ?? {} }]
          : [],
      ),
    patchUnknown: areas
      .filter((a) => a.nodes > a.patchRead)
      .map((a) => {
        const reason = a.scope?.gapErrors?.[SOURCE_GAPS.patchState];
        return { accountId: a.accountId, region: a.region, nodes: a.nodes - a.patchRead, ...(reason ? { reason } : {}) };
      }),
    rules,
    areas,
    accounts: accounts.sort((a, b) => a.accountId.localeCompare(b.accountId)),
    trends: store.trends({ to: snapshot.startedAt }),
    comparison,
    topFindings,
    missingPatches,
    appendix: appendixMode,
    nodes,
  };
}
