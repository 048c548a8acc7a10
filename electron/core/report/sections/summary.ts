/** The executive summary: the headline figures, the verdict, the EC2 coverage funnel and the prerequisite rules. */
import { editionNotice } from '../../../../shared/editionNotice';
import { computeFigures, figureShare, figureValues, type FigureValue } from '../../../../shared/figures';
import { html, type RawHtml } from '../html';
import { formatInt, formatPct } from '../labels';
import { baselinePoints } from './comparison';
import { coverageSentences, funnelTable } from './coverage';
import { compliantKpi, type ScanCounts } from './compliance';
import { ruleTable } from './readiness';
import { figureText, kpi, overRead, type Ctx, type SectionModule } from './render';
import { sumAreas } from '../../../../shared/areaFigures';
import type { AreaCounts } from '../../store';
import type { AreaRow } from './areas';
import type { ModelInput } from './model';

export function verdictHeadline(ctx: Ctx): string {
  const { verdict } = ctx.m;
  return ctx.t(
    verdict === 'good'
      ? 'verdictGood'
      : verdict === 'fair'
        ? 'verdictFair'
        : verdict === 'unknown'
          ? 'verdictUnknownHeadline'
          : 'verdictPoor',
  );
}

/** Verified ready, a share of the managed nodes, with the nodes not verified beside it. */
function readyKpi(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const figures = figureValues(m.figures);
  return kpi(
    figureText(ctx, 'readyNodes').label,
    formatPct(figureShare(figures, 'readyNodes'), lang),
    `${formatInt(m.totals.ready, lang)} / ${figureText(ctx, 'managedNodes').count} · ${t('notVerifiedCount', { count: formatInt(m.totals.unverified, lang) })}`,
  );
}

/** Nodes and patches are different units: both, each with its own ("164 nodes · 330 critical patches"). */
function criticalKpi(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  return kpi(
    figureText(ctx, 'nodesMissingCritical').label,
    tot.patchRead === 0 ? t('unknownValue') : figureText(ctx, 'nodesMissingCritical').count,
    tot.patchRead === 0 ? overRead(ctx, tot) : t('criticalPatchesCount', { count: formatInt(tot.missingCritical ?? 0, lang) }),
  );
}

/** Issue 27: a snapshot judged under an older edition says so first, with its readiness under the current page. */
function olderEditionNotice(ctx: Ctx): RawHtml | string {
  const notice = ctx.m.editions && editionNotice(ctx.m.editions, ctx.lang);
  return notice ? html`<p class="edition-notice" data-testid="edition-notice">${notice}</p>` : '';
}

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  const figures = figureValues(m.figures);
  const notReported = tot.nodes - tot.patchReported;
  const counts = {
    compliant: formatInt(tot.compliant, lang),
    nodes: formatInt(tot.nodes, lang),
    reported: formatInt(tot.patchReported, lang),
    notReported: formatInt(notReported, lang),
    read: formatInt(tot.patchRead, lang),
    unknown: formatInt(tot.nodes - tot.patchRead, lang),
    pct: formatPct(figureShare(figures, 'compliantNodes'), lang),
    count: formatInt(tot.nodesMissingCritical, lang),
    patches: formatInt(tot.missingCritical ?? 0, lang),
    security: formatInt(tot.nodesMissingSecurity, lang),
  };
  // Only what was observed is stated: compliance over the nodes that reported a patch state, and
  // no absence of missing patches where no state could be read.
  const allRead = tot.patchRead === tot.nodes;
  const points: string[] = [
    coverageSentences(ctx).join(' '),
    tot.patchReported === 0 ? t('verdictComplianceNone', counts) : t('verdictCompliance', counts),
    tot.notReady > 0
      ? t('verdictNotReady', { count: formatInt(tot.notReady, lang), pct: formatPct(figureShare(figures, 'notReadyNodes'), lang) })
      : t('verdictAllReady'),
    tot.patchRead === 0
      ? t('verdictCriticalNone')
      : tot.nodesMissingCritical > 0
        ? t(allRead ? 'verdictCritical' : 'verdictCriticalOver', counts)
        : t(allRead ? 'verdictNoCritical' : 'verdictNoCriticalOver', counts),
  ];
  if (tot.unverified > 0) points.push(t('verdictUnknown', { count: formatInt(tot.unverified, lang) }));
  if (tot.scopesFailed > 0) points.push(t('verdictPartial', { count: tot.scopesFailed, scopes: tot.scopes }));
  points.push(...baselinePoints(ctx));
  const okScopes = tot.scopes - tot.scopesFailed;
  return html`<section class="page" id="summary">
    <h2>${t('secSummary')}</h2>
    <div class="kpis">
      ${kpi(figureText(ctx, 'managedNodes').label, formatInt(tot.nodes, lang), `${figureText(ctx, 'onlineNodes').label} ${formatInt(tot.online, lang)}`)}
      ${readyKpi(ctx)} ${compliantKpi(ctx)} ${criticalKpi(ctx)}
      ${kpi(t('kpiScopes'), `${okScopes} / ${tot.scopes}`, `${t('scopeValue', { accounts: tot.accounts, regions: tot.regions, scopes: tot.scopes })}`)}
    </div>
    <div class="verdict ${m.verdict}">
      <div class="headline">${t('verdictHeading')}: ${verdictHeadline(ctx)}</div>
      <ul>
        ${points.map((p) => html`<li>${p}</li>`)}
      </ul>
    </div>
    ${olderEditionNotice(ctx)}
    <h3>${t('funnelHeading')}</h3>
    ${funnelTable(ctx)}
    <h3>${t('secReadiness')}</h3>
    ${ruleTable(
      ctx,
      m.rules.filter((r) => r.prerequisite),
    )}
  </section>`;
}

export const summary: SectionModule = { render };

// The model part: the headline figures (shared/figures.ts, never recounted here) and the totals beside them.

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

const pct = (part: number, whole: number): number => (whole > 0 ? (part / whole) * 100 : 0);

export function verdictOf(totals: Pick<ReportTotals, 'nodes' | 'compliancePct' | 'notReady' | 'nodesMissingCritical'>): Verdict {
  if (totals.compliancePct === null) return totals.nodes > 0 ? 'unknown' : 'poor';
  const compliance = totals.compliancePct;
  const notReady = pct(totals.notReady, totals.nodes);
  if (compliance < 80 || notReady > 20) return 'poor';
  if (compliance >= 95 && notReady <= 5 && totals.nodesMissingCritical === 0) return 'good';
  return 'fair';
}

export function summaryModel(
  input: ModelInput,
  areas: readonly AreaRow[],
  scans: ScanCounts,
): { figures: FigureValue[]; totals: ReportTotals; verdict: Verdict } {
  const { snapshot } = input;
  const figures = computeFigures(input.store.figureInput(input.snapshotId));
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
    notScanned: scans.notScanned,
    staleScan: scans.staleScan,
    pendingReboot: count(figure.nodesPendingReboot),
    nodesMissingCritical: count(figure.nodesMissingCritical),
    nodesMissingSecurity: count(figure.nodesMissingSecurity),
  };
  return { figures, totals, verdict: verdictOf(totals) };
}
