/** The comparison with the report's one baseline (issue 27). */
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { describeSnapshot } from '../../../../shared/snapshotDescription';
import { html, type RawHtml } from '../html';
import { formatDate, formatInt } from '../labels';
import { checkChanges } from './checkChanges';
import { kpi, num, pctText, type Ctx, type SectionModule } from './render';
import { table } from './table';
import { sumAreas } from '../../../../shared/areaFigures';
import type { Comparison, SnapshotMeta } from '../../store';
import { automaticBaseline, type BaselineChoice } from '../baseline';
import { ReportInputError, type ModelInput } from './model';

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

// The model part: the report's one baseline and what changed since it.

/** Regressions and fixes listed; the rest are counted. */
const CHANGES_LISTED = 25;

/** The report's one baseline (issue 27): the executive summary and the comparison section both name it. */
export interface ReportComparison extends Comparison {
  fromSnapshot: SnapshotMeta;
  /** Asked for (`--compare`, the report form), or the newest earlier complete audit of the same areas. */
  chosen: BaselineChoice;
  /** Compliance % of the earlier snapshot, from its summary rows. */
  fromCompliancePct: number | null;
}

export interface Baseline {
  fromSnapshot: SnapshotMeta;
  chosen: BaselineChoice;
}

/** The snapshot asked for, checked, or else the automatic baseline; undefined when there is none. */
export function baselineOf(
  input: Pick<ModelInput, 'store' | 'snapshot' | 'snapshotId'>,
  compareTo: number | undefined,
): Baseline | undefined {
  const { store, snapshot, snapshotId } = input;
  if (compareTo !== undefined) {
    const fromSnapshot = store.getSnapshot(compareTo);
    if (!fromSnapshot) throw new ReportInputError(`snapshot ${compareTo} (to compare with) does not exist`);
    if (compareTo === snapshotId) throw new ReportInputError('a snapshot cannot be compared with itself');
    return { fromSnapshot, chosen: 'asked' };
  }
  const automatic = automaticBaseline(snapshot, store.listSnapshots(), (id) => store.getSnapshot(id)?.scopes ?? []);
  const fromSnapshot = automatic === undefined ? undefined : store.getSnapshot(automatic);
  return fromSnapshot ? { fromSnapshot, chosen: 'automatic' } : undefined;
}

export function comparisonModel(input: ModelInput, baseline: Baseline | undefined): ReportComparison | null {
  if (!baseline) return null;
  const { store } = input;
  return {
    ...store.compare(baseline.fromSnapshot.id, input.snapshotId, { limit: CHANGES_LISTED }),
    fromSnapshot: baseline.fromSnapshot,
    chosen: baseline.chosen,
    fromCompliancePct: sumAreas(store.scopeSummary(baseline.fromSnapshot.id)).compliancePct,
  };
}
