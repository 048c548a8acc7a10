/**
 * EC2 coverage (issue 30): the funnel from EC2 instances to compliant nodes, per fleet and account,
 * and the EC2 instances that are not managed nodes, grouped by cause with what to do. Counts come
 * from shared/figures.ts and the store's area summaries; the instances and their causes from the
 * store's `unmanagedInstances` (causes derived by shared/ec2Coverage.ts), never recounted here.
 */
import {
  CAUSE_TEXT,
  UNCHECKED_CAUSES,
  UNCHECKED_TEXT,
  UNMANAGED_CAUSES,
  userGuideUrl,
  type UncheckedCause,
  type UnmanagedCause,
  type UnmanagedRow,
} from '../../../../shared/ec2Coverage';
import { FIGURES, figureShare, figureValues, shareText, withUnit, type FigureId } from '../../../../shared/figures';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { html, type RawHtml } from '../html';
import { formatInt, formatPct } from '../labels';
import type { ReportModel } from '../reportModel';
import type { ModelInput } from './model';
import { figureText, num, type Ctx, type SectionModule } from './render';
import { table } from './table';

/** The funnel's steps, in the order an instance passes them (issue 30): each a headline figure. */
export const FUNNEL_FIGURES = [
  'ec2Instances',
  'unmanagedInstances',
  'managedNodes',
  'onlineNodes',
  'scannedRecentlyNodes',
  'compliantNodes',
] as const satisfies readonly FigureId[];

/** "12 of 40 EC2 instances are not managed …", or why that is unknown; with how many are not running and the scopes not read. */
export function coverageSentences(ctx: Ctx): string[] {
  const { m, t, lang } = ctx;
  const values = figureValues(m.figures);
  const { ec2Instances, unmanagedInstances } = values;
  if (ec2Instances === null || unmanagedInstances === null) return [t('coverageUnknown')];
  const sentences = [
    t('coverageUnmanaged', {
      unmanaged: formatInt(unmanagedInstances, lang),
      total: formatInt(ec2Instances, lang),
      pct: formatPct(figureShare(values, 'unmanagedInstances'), lang),
    }),
  ];
  if (m.coverage.stopped > 0) sentences.push(t('coverageStopped', { count: formatInt(m.coverage.stopped, lang) }));
  if (m.coverage.scopesNotRead > 0)
    sentences.push(
      t('coveragePartial', {
        count: formatInt(m.coverage.scopesNotRead, lang),
        scopes: formatInt(m.coverage.scopesRead + m.coverage.scopesNotRead, lang),
      }),
    );
  return sentences;
}

/** The fleet's funnel: each step's count with its unit, and its share with the population it is a share of. */
export function funnelTable(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const values = figureValues(m.figures);
  const rows = FUNNEL_FIGURES.map((id) => {
    const share = figureShare(values, id);
    const { label, count } = figureText(ctx, id);
    return html`<tr data-figure="${id}">
      <td>${label}</td>
      <td class="num${values[id] === null ? ' unknown' : ''}">${count}</td>
      <td class="small">${share === null ? '' : shareText(formatPct(share, lang), FIGURES[id].population, lang)}</td>
    </tr>`;
  });
  return table([{ head: t('funnelStep') }, { head: t('funnelCount'), class: 'num' }, { head: t('funnelShare') }], rows, {
    class: 'funnel',
  });
}

function byAccount(ctx: Ctx): RawHtml {
  const { m, lang } = ctx;
  const columns = [
    { head: columnShortTitle('accountId', lang) },
    ...FUNNEL_FIGURES.map((id) => ({ head: FIGURES[id].label[lang], class: 'num' })),
  ];
  const rows = m.accounts.map(
    (a) =>
      html`<tr>
        <td class="mono">${a.accountId}</td>
        ${num(ctx, a.ec2Instances)}${num(ctx, a.unmanaged)}${num(ctx, a.nodes)}${num(ctx, a.online)}${num(ctx, a.scannedRecently)}${num(
          ctx,
          a.compliant,
        )}
      </tr>`,
  );
  return table(columns, rows);
}

/** AWS's pages for the cause, separated so two URLs never read as one. */
function docLinks(ctx: Ctx, cause: UnmanagedCause): RawHtml[] {
  return CAUSE_TEXT[cause].docs.map((page, i) => {
    const url = userGuideUrl(page, ctx.lang);
    return html`${i > 0 ? ' · ' : ''}<a href="${url}">${url}</a>`;
  });
}

function causeGroup(ctx: Ctx, group: CauseGroup): RawHtml {
  const { t, lang } = ctx;
  const text = CAUSE_TEXT[group.cause];
  const columns = [
    { head: columnShortTitle('instanceId', lang) },
    { head: columnShortTitle('name', lang) },
    { head: columnShortTitle('accountId', lang) },
    { head: columnShortTitle('region', lang) },
    { head: t('ec2State') },
    { head: columnShortTitle('platform', lang) },
    { head: t('otherCauses') },
  ];
  const rows = group.rows.map(
    (r) =>
      html`<tr>
        <td class="mono">${r.instanceId}</td>
        <td>${r.name ?? ''}</td>
        <td class="mono">${r.accountId}</td>
        <td class="mono">${r.region}</td>
        <td class="mono">${r.state}</td>
        <td>${r.platform ?? ''}</td>
        <td class="small">
          ${r.causes
            .filter((c) => c !== group.cause)
            .map((c) => CAUSE_TEXT[c].label[lang])
            .join(', ')}
        </td>
      </tr>`,
  );
  const more = group.total - group.rows.length;
  return html`<div class="cause-group" data-cause="${group.cause}">
    <h4>${text.label[lang]}: ${figureCount(ctx, group.total)}</h4>
    <p class="small">${text.detail[lang]}</p>
    <p class="todo">
      <strong>${t('whatToDo')}:</strong> ${text.todo[lang]}<br /><span class="small">${t('awsDocs')}: ${docLinks(ctx, group.cause)}</span>
    </p>
    ${table(columns, rows)} ${more > 0 ? html`<p class="muted small">${t('coverageMore', { count: formatInt(more, lang) })}</p>` : ''}
  </div>`;
}

const figureCount = (ctx: Ctx, n: number): string => withUnit(formatInt(n, ctx.lang), n, 'instances', ctx.lang);

function unchecked(ctx: Ctx): RawHtml | string {
  const { m, t, lang } = ctx;
  const said = UNCHECKED_CAUSES.filter((u) => m.coverage.unchecked[u] > 0);
  if (!said.length) return '';
  return html`<h3>${t('uncheckedHeading')}</h3>
    <ul>
      ${said.map((u) => html`<li>${UNCHECKED_TEXT[u][lang]} (${figureCount(ctx, m.coverage.unchecked[u])})</li>`)}
    </ul>`;
}

function instances(ctx: Ctx): RawHtml {
  const { m, t } = ctx;
  if (figureValues(m.figures).ec2Instances === null) return html`<p>${t('coverageUnknown')}</p>`;
  if (m.coverage.total === 0) return html`<p>${t('noUnmanaged')}</p>`;
  return html`<p class="muted small">${t('coverageGroupsNote')}</p>
    ${m.coverage.groups.map((g) => causeGroup(ctx, g))} ${unchecked(ctx)}`;
}

function render(ctx: Ctx): RawHtml {
  const { t } = ctx;
  return html`<section class="page" id="coverage">
    <h2>${t('secCoverage')}</h2>
    <p>${coverageSentences(ctx).join(' ')}</p>
    ${funnelTable(ctx)}
    <p class="muted small">${t('funnelNote')}</p>
    <h3>${t('byAccount')}</h3>
    ${byAccount(ctx)}
    <h3>${t('unmanagedByCause')}</h3>
    ${instances(ctx)}
  </section>`;
}

/** A snapshot without any scope's EC2 instances (denied, failed, saved before issue 30) has only "unknown" to print. */
const inDefaultReport = (m: ReportModel): boolean => figureValues(m.figures).ec2Instances !== null;

export const coverage: SectionModule = { render, inDefaultReport };

// The model part: one paged pass over the store's unmanaged instances.

/**
 * Instances read per call. Not the store's MAX_PAGE: the sections are bundled into the desktop
 * shell through the printer, which must not carry the store (test/unit/boundaries.test.ts).
 */
const READ_PAGE = 5_000;

/** Rows printed per cause; the rest are in the CSV and JSON exports. */
export const COVERAGE_ROWS_PER_CAUSE = 25;

export interface CauseGroup {
  cause: UnmanagedCause;
  /** Instances with this cause (an instance with several causes is in each of their groups). */
  total: number;
  /** The first `COVERAGE_ROWS_PER_CAUSE` of them, in the store's order. */
  rows: UnmanagedRow[];
}

export interface ReportCoverage {
  /** Unmanaged instances of the snapshot. */
  total: number;
  /** Those not running (the `stopped` cause: stopped, pending, stopping, shutting down). */
  stopped: number;
  /** The causes found, in UNMANAGED_CAUSES order; a cause no instance has is left out. */
  groups: CauseGroup[];
  /** Instances for which each check could not be made. */
  unchecked: Record<UncheckedCause, number>;
  scopesRead: number;
  scopesNotRead: number;
}

export function coverageModel(input: ModelInput): ReportCoverage {
  const groups = new Map<UnmanagedCause, CauseGroup>(UNMANAGED_CAUSES.map((cause) => [cause, { cause, total: 0, rows: [] }]));
  const unchecked: Record<UncheckedCause, number> = { hostManagement: 0, rolePolicy: 0, route: 0 };
  const first = input.store.unmanagedInstances(input.snapshotId, { offset: 0, limit: READ_PAGE });
  let page = first;
  let seen = 0;
  for (;;) {
    for (const row of page.rows) {
      for (const cause of row.causes) {
        const group = groups.get(cause)!;
        group.total += 1;
        if (group.rows.length < COVERAGE_ROWS_PER_CAUSE) group.rows.push(row);
      }
      for (const u of row.unchecked) unchecked[u] += 1;
    }
    seen += page.rows.length;
    if (page.rows.length === 0 || seen >= page.total) break;
    page = input.store.unmanagedInstances(input.snapshotId, { offset: seen, limit: READ_PAGE });
  }
  return {
    total: first.total,
    stopped: first.byCause.stopped,
    groups: [...groups.values()].filter((g) => g.total > 0),
    unchecked,
    scopesRead: first.scopesRead,
    scopesNotRead: first.scopesNotRead,
  };
}
