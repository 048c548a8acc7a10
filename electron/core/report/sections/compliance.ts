/** Compliance: patch compliance and scan figures, per account, and where the patch state is unknown. */
import { figureShare, figureValues } from '../../../../shared/figures';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { scopeErrorText, type GapErrors } from '../../../../shared/scopeErrors';
import { html, type RawHtml } from '../html';
import { formatInt } from '../labels';
import { figureText, kpi, num, overRead, pctText, type Ctx, type SectionModule } from './render';
import { table } from './table';
import { SOURCE_GAPS } from '../../../../shared/rules/sources';
import type { AreaRow } from './areas';
import type { NodeCollector } from './model';

/** Compliance, a share of the nodes that reported a patch state, with those that did not beside it. */
export function compliantKpi(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  return kpi(
    figureText(ctx, 'compliantNodes').label,
    pctText(ctx, figureShare(figureValues(m.figures), 'compliantNodes')),
    `${formatInt(tot.compliant, lang)} / ${t('ofReported', { reported: formatInt(tot.patchReported, lang) })} · ${t('notReportedCount', {
      count: formatInt(tot.nodes - tot.patchReported, lang),
    })}`,
  );
}

function bar(pct: number | null): RawHtml {
  const width = Math.max(0, Math.min(100, pct ?? 0)).toFixed(1);
  return html`<div class="bar"><span style="width:${width}%"></span></div>`;
}

function byAccount(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const columns = [
    { head: columnShortTitle('accountId', lang) },
    { head: t('nodes'), class: 'num' },
    { head: t('compliantPct'), class: 'num' },
    { head: '', style: 'width:30%' },
    { head: t('critical'), class: 'num' },
    { head: t('security'), class: 'num' },
  ];
  const rows = m.accounts.map(
    (a) =>
      html`<tr>
        <td class="mono">${a.accountId}</td>
        ${num(ctx, a.nodes)}
        <td class="num">${pctText(ctx, a.compliancePct)}</td>
        <td>${bar(a.compliancePct)}</td>
        ${num(ctx, a.missingCritical)}${num(ctx, a.missingSecurity)}
      </tr>`,
  );
  return table(columns, rows);
}

/** Where compliance is unknown, and why: the nodes the figures above leave out. */
function patchUnknown(ctx: Ctx): RawHtml | string {
  const { m, t, lang } = ctx;
  if (!m.patchUnknown.length) return '';
  const columns = [
    { head: columnShortTitle('accountId', lang) },
    { head: columnShortTitle('region', lang) },
    { head: t('nodes'), class: 'num' },
    { head: t('reason') },
  ];
  const rows = m.patchUnknown.map(
    (u) =>
      html`<tr>
        <td class="mono">${u.accountId}</td>
        <td class="mono">${u.region}</td>
        <td class="num">${formatInt(u.nodes, lang)}</td>
        <td>${u.reason ? scopeErrorText(u.reason, lang) : t('patchUnknownNoReason')}</td>
      </tr>`,
  );
  return html`<h3>${t('patchUnknownHeading')}</h3>
    ${table(columns, rows)}
    <p class="muted small">${t('patchUnknownNote')}</p>`;
}

/** A kpi of nodes out of the fleet, or over the nodes read when some patch states were not. */
const ofFleet = (ctx: Ctx, label: string, count: number): RawHtml =>
  kpi(
    label,
    formatInt(count, ctx.lang),
    overRead(ctx, ctx.m.totals) || ctx.t('ofNodes', { total: formatInt(ctx.m.totals.nodes, ctx.lang) }),
  );

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  return html`<section class="page" id="compliance">
    <h2>${t('secCompliance')}</h2>
    <p>${t('complianceIntro')}</p>
    <div class="kpis four">
      ${compliantKpi(ctx)}
      ${kpi(
        figureText(ctx, 'nonCompliantNodes').label,
        figureText(ctx, 'nonCompliantNodes').count,
        t('ofReported', { reported: formatInt(tot.patchReported, lang) }),
      )}
      ${kpi(
        t('missingCritical'),
        tot.missingCritical === null ? t('unknownValue') : `${formatInt(tot.nodesMissingCritical, lang)} ${t('nodesWith')}`,
        tot.missingCritical === null ? overRead(ctx, tot) : `${formatInt(tot.missingCritical, lang)} ${t('patchCountsTotal')}`,
      )}
      ${kpi(
        t('missingSecurity'),
        tot.missingSecurity === null ? t('unknownValue') : `${formatInt(tot.nodesMissingSecurity, lang)} ${t('nodesWith')}`,
        tot.missingSecurity === null ? overRead(ctx, tot) : `${formatInt(tot.missingSecurity, lang)} ${t('patchCountsTotal')}`,
      )}
      ${ofFleet(ctx, t('notScanned'), tot.notScanned)} ${ofFleet(ctx, t('staleScans', { days: m.snapshot.scanAgeDays }), tot.staleScan)}
      ${ofFleet(ctx, t('pendingReboot'), tot.pendingReboot)}
      ${kpi(t('kpiOnline'), formatInt(tot.online, lang), t('ofNodes', { total: formatInt(tot.nodes, lang) }))}
    </div>
    <h3>${t('byAccount')}</h3>
    ${byAccount(ctx)} ${patchUnknown(ctx)}
  </section>`;
}

export const compliance: SectionModule = { render };

// The model part: scan counts per node, and the areas whose patch state was not read.

/** Nodes of one area whose patch state could not be read, and why when the scope kept it. */
export interface PatchUnknownArea {
  accountId: string;
  region: string;
  nodes: number;
  reason?: GapErrors[string];
}

export interface ScanCounts {
  notScanned: number;
  staleScan: number;
}

export function scanCounts(): NodeCollector<ScanCounts> {
  const counts: ScanCounts = { notScanned: 0, staleScan: 0 };
  return {
    visit({ row }) {
      if (row.statuses['patch.scanned'] === 'fail') counts.notScanned += 1;
      if (row.statuses['patch.scan-age'] === 'fail' || row.statuses['patch.scan-age'] === 'warn') counts.staleScan += 1;
    },
    result: () => counts,
  };
}

/** Areas with nodes whose patch state could not be read: their compliance is unknown, not 0 %. */
export function patchUnknownModel(areas: readonly AreaRow[]): PatchUnknownArea[] {
  return areas
    .filter((a) => a.nodes > a.patchRead)
    .map((a) => {
      const reason = a.scope?.gapErrors?.[SOURCE_GAPS.patchState];
      return { accountId: a.accountId, region: a.region, nodes: a.nodes - a.patchRead, ...(reason ? { reason } : {}) };
    });
}
