/** Trends: charts and the history table of the audits up to this one. */
import { FIGURES } from '../../../../shared/figures';
import { ruleTitle } from '../../../../shared/messages';
import type { Lang } from '../../../../shared/model';
import { PREREQUISITE_RULE_IDS, readyPct } from '../../../../shared/readiness';
import { partialNote } from '../../../../shared/snapshotDescription';
import type { TrendPoint } from '../../store';
import { lineChart, PALETTE } from '../charts';
import { html, type RawHtml } from '../html';
import { formatDate } from '../labels';
import { num, pctText, type Ctx, type SectionModule } from './render';
import { table } from './table';
import type { ModelInput } from './model';

/** Under a history row's snapshot, what a partial audit lacked (issue 27). */
function partialCell(p: TrendPoint, lang: Lang): RawHtml | string {
  const note = partialNote(p, lang);
  return note ? html`<br /><span class="muted small partial-note">× ${note}</span>` : '';
}

function charts(ctx: Ctx): RawHtml[] {
  const { m, t, lang } = ctx;
  const points = m.trends;
  const xLabels = points.map((p) => formatDate(p.startedAt, lang));
  const partial = { partial: points.map((p) => partialNote(p, lang)), partialLabel: t('chartPartial') };
  return [
    lineChart({
      title: t('chartReadiness'),
      xLabels,
      ...partial,
      yMax: 100,
      yFormat: (v) => `${v}%`,
      series: [
        { label: t('kpiReady'), color: PALETTE[0], values: points.map(readyPct) },
        { label: t('kpiCompliant'), color: PALETTE[2], values: points.map((p) => p.compliancePct), dashed: true },
      ],
    }),
    lineChart({
      title: t('chartPrereq'),
      xLabels,
      ...partial,
      series: PREREQUISITE_RULE_IDS.map((rule, i) => ({
        label: ruleTitle(rule, lang),
        color: PALETTE[i % PALETTE.length]!,
        values: points.map((p) => p.rules[rule]?.fail ?? 0),
      })),
    }),
    lineChart({
      title: t('chartNodes'),
      xLabels,
      ...partial,
      series: [
        { label: t('kpiNodes'), color: PALETTE[0], values: points.map((p) => p.nodes) },
        // Dashed, so the nodes line shows through where every node is ready (SVG draws it beneath).
        { label: FIGURES.readyNodes.label[lang], color: PALETTE[2], values: points.map((p) => p.ready), dashed: true },
        { label: t('nonCompliantNodes'), color: PALETTE[1], values: points.map((p) => p.nonCompliant), dashed: true },
      ],
    }),
  ];
}

function history(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const columns = [
    { head: t('snapshot') },
    { head: t('date') },
    { head: t('nodes'), class: 'num' },
    { head: FIGURES.readyNodes.label[lang], class: 'num' },
    { head: t('compliance'), class: 'num' },
    { head: t('failedPrereqChecks'), class: 'num' },
    { head: FIGURES.nodesMissingCritical.label[lang], class: 'num' },
    { head: FIGURES.missingCriticalPatches.label[lang], class: 'num' },
  ];
  const rows = m.trends.map(
    (p) =>
      html`<tr>
        <td>#${p.snapshotId}${partialCell(p, lang)}</td>
        <td>${formatDate(p.startedAt, lang)}</td>
        ${num(ctx, p.nodes)}${num(ctx, p.ready)}
        <td class="num">${pctText(ctx, p.compliancePct)}</td>
        ${num(
          ctx,
          PREREQUISITE_RULE_IDS.reduce((n, rule) => n + (p.rules[rule]?.fail ?? 0), 0),
        )}${num(ctx, p.patchRead > 0 ? p.nodesMissingCritical : null)}${num(ctx, p.missingCritical)}
      </tr>`,
  );
  return table(columns, rows);
}

function render(ctx: Ctx): RawHtml {
  const { m, t } = ctx;
  if (m.trends.length < 2) {
    return html`<section id="trends">
      <h2>${t('secTrends')}</h2>
      <p class="muted">${t('trendsSingle')}</p>
    </section>`;
  }
  return html`<section class="page" id="trends">
    <h2>${t('secTrends')}</h2>
    ${charts(ctx)}
    <h3>${t('trendTable')}</h3>
    ${history(ctx)}
  </section>`;
}

export const trends: SectionModule = { render };

/** The model part: audits up to this one, oldest first (re-evaluated copies excluded). */
export function trendsModel(input: ModelInput): TrendPoint[] {
  return input.store.trends({ to: input.snapshot.startedAt });
}
