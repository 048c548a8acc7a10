import { columnShortTitle } from '../../../../shared/nodeColumns';
import { describeSnapshot } from '../../../../shared/snapshotDescription';
import { html, type RawHtml } from '../html';
import { formatDate, formatInt } from '../labels';
import { checkChanges } from './checkChanges';
import { kpi, num, pctText, type Ctx, type SectionModule } from './render';
import { table } from './table';

/**
 * The report's one baseline, named, and compliance since then (issue 27): the executive summary
 * and the comparison section say the same two sentences.
 */
export function baselinePoints(ctx: Ctx): string[] {
  const { m, t, lang } = ctx;
  const c = m.comparison;
  if (!c) return [t('baselineNone')];
  const snapshot = describeSnapshot(c.fromSnapshot, lang, formatDate);
  return [
    t(c.chosen === 'asked' ? 'baselineAsked' : 'baselineAutomatic', { snapshot }),
    t('verdictTrend', {
      date: formatDate(c.fromSnapshot.startedAt, lang),
      before: pctText(ctx, c.fromCompliancePct),
      after: pctText(ctx, m.totals.compliancePct),
    }),
  ];
}

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const c = m.comparison;
  if (!c)
    return html`<section id="comparison">
      <h2>${t('secComparison')}</h2>
      <p class="muted">${t('baselineNone')}</p>
    </section>`;
  const changeRows = (list: typeof c.regressions, total: number): RawHtml => checkChanges(ctx, list, total, [t('before'), t('after')]);
  const columns = [
    { head: columnShortTitle('accountId', lang) },
    { head: columnShortTitle('region', lang) },
    ...(['added', 'removed', 'fixed', 'regressions', 'newFailures'] as const).map((key) => ({ head: t(key), class: 'num' })),
  ];
  const rows = c.byArea.map(
    (a) =>
      html`<tr>
        <td class="mono">${a.accountId}</td>
        <td class="mono">${a.region}</td>
        ${num(ctx, a.added)}${num(ctx, a.removed)}${num(ctx, a.fixed)}${num(ctx, a.regressions)}${num(ctx, a.newFailures)}
      </tr>`,
  );
  return html`<section class="page" id="comparison">
    <h2>${t('secComparison')}</h2>
    <p data-baseline="${c.fromSnapshot.id}">${baselinePoints(ctx).join(' ')}</p>
    <div class="kpis">
      ${kpi(t('added'), formatInt(c.totals.added, lang), '')} ${kpi(t('removed'), formatInt(c.totals.removed, lang), '')}
      ${kpi(t('fixed'), formatInt(c.totals.fixed, lang), '')} ${kpi(t('regressions'), formatInt(c.totals.regressions, lang), '')}
      ${kpi(t('newFailures'), formatInt(c.totals.newFailures, lang), '')}
    </div>
    ${table(columns, rows)}
    ${
      c.regressions.length
        ? html`<h3>${t('regressionsList')}</h3>
            ${changeRows(c.regressions, c.totals.regressions)}`
        : ''
    }
    ${
      c.fixed.length
        ? html`<h3>${t('fixedList')}</h3>
            ${changeRows(c.fixed, c.totals.fixed)}`
        : ''
    }
  </section>`;
}

/** Only with a baseline: without one it says so when asked for by name. */
export const comparison: SectionModule = { render, inDefaultReport: (m) => m.comparison !== null };
