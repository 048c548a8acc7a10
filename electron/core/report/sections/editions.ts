/** Readiness under the current AWS page, for a snapshot judged under another edition (issue 18). */
import { ruleTitle } from '../../../../shared/messages';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { statusWord } from '../../../../shared/statuses';
import { html, type RawHtml } from '../html';
import { formatInt, formatPct } from '../labels';
import { checkChanges } from './checkChanges';
import { kpi, num, pctOf, type Ctx, type SectionModule } from './render';
import { table } from './table';
import { CURRENT_CATALOG_ID, editionName, getCatalog } from '../../../../shared/catalog';
import { editionTally } from '../../../../shared/editionChanges';
import type { EditionComparison } from '../../../../shared/history';
import { catalogInfo, type CatalogInfo } from './method';
import type { ModelInput, NodeCollector } from './model';

/** Platforms listed in the editions section; the rest are counted. */
const EDITION_PLATFORM_ROWS = 15;

type Group = Omit<ReportEditions['byPlatform'][number], 'platform'> & { name: string };

function groupTable(ctx: Ctx, e: ReportEditions, title: string, firstHeader: string, groups: readonly Group[]): RawHtml {
  const { t } = ctx;
  const columns = [
    { head: firstHeader },
    { head: t('affected'), class: 'num' },
    { head: t('nodesChanging'), class: 'num' },
    { head: t('readyUnder', { edition: editionName(e.from, ctx.lang) }), class: 'num' },
    { head: t('readyUnder', { edition: editionName(e.to, ctx.lang) }), class: 'num' },
  ];
  const rows = groups.map(
    (row) =>
      html`<tr>
        <td>${row.name}</td>
        ${num(ctx, row.nodes)}${num(ctx, row.changedNodes)}${num(ctx, row.readyBefore)}${num(ctx, row.readyAfter)}
      </tr>`,
  );
  return html`<h3>${title}</h3>
    ${table(columns, rows)}`;
}

function byRule(ctx: Ctx, e: ReportEditions): RawHtml {
  const { t, lang } = ctx;
  const columns = [{ head: t('rule') }, { head: t('checksChanging'), class: 'num' }, { head: t('changes') }];
  const rows = e.byRule.map(
    (r) =>
      html`<tr>
        <td>${ruleTitle(r.rule, lang)}</td>
        ${num(ctx, r.changed)}
        <td>
          ${r.transitions.map(
            (x) =>
              html`<span class="nowrap"
                  ><span class="status-${x.before}">${statusWord(x.before, lang)}</span> →
                  <span class="status-${x.after}">${statusWord(x.after, lang)}</span> ${formatInt(x.nodes, lang)}</span
                ><br />`,
          )}
        </td>
      </tr>`,
  );
  return table(columns, rows);
}

function changes(ctx: Ctx, e: ReportEditions): RawHtml {
  const { t, lang } = ctx;
  const platforms = e.byPlatform.map(({ platform, ...counts }) => ({ name: platform, ...counts }));
  const accounts = e.byAccount.map(({ accountId, ...counts }) => ({ name: accountId, ...counts }));
  return html`<h3>${t('byRule')}</h3>
    ${byRule(ctx, e)} ${groupTable(ctx, e, t('byPlatform'), t('platform'), platforms.slice(0, EDITION_PLATFORM_ROWS))}
    ${
      platforms.length > EDITION_PLATFORM_ROWS
        ? html`<p class="muted small">${t('andMore', { count: formatInt(platforms.length - EDITION_PLATFORM_ROWS, lang) })}</p>`
        : ''
    }
    ${groupTable(ctx, e, t('byAccount'), columnShortTitle('accountId', lang), accounts)}
    <h3>${t('editionsChangesList')}</h3>
    ${checkChanges(ctx, e.changes, e.totals.changedChecks, [editionName(e.from, lang), editionName(e.to, lang)])}`;
}

/** Issue 18: the same facts under the current AWS page, so a client citing either page sees both answers. */
function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const e = m.editions;
  if (!e)
    return html`<section id="editions">
      <h2>${t('secEditions')}</h2>
      <p class="muted">${t(m.catalog.known ? 'editionsSame' : 'editionsUnknown', { edition: editionName(m.catalog.id, lang) })}</p>
    </section>`;
  const shareOfNodes = (ready: number): string => formatPct(pctOf(ready, e.totals.nodes), lang);
  return html`<section class="page" id="editions">
    <h2>${t('secEditions')}</h2>
    <p>${t('editionsIntro', { from: editionName(e.from, lang), to: editionName(e.to, lang), title: e.toCatalog.title?.[lang] ?? e.to })}</p>
    <div class="kpis">
      ${kpi(t('readyUnder', { edition: editionName(e.from, ctx.lang) }), formatInt(e.totals.readyBefore, lang), shareOfNodes(e.totals.readyBefore))}
      ${kpi(t('readyUnder', { edition: editionName(e.to, ctx.lang) }), formatInt(e.totals.readyAfter, lang), shareOfNodes(e.totals.readyAfter))}
      ${kpi(t('nodesChanging'), formatInt(e.totals.changedNodes, lang), t('ofNodes', { total: formatInt(e.totals.nodes, lang) }))}
      ${kpi(t('checksChanging'), formatInt(e.totals.changedChecks, lang), '')}
    </div>
    ${e.byRule.length ? changes(ctx, e) : html`<p>${t('noEditionChanges', { edition: editionName(e.to, lang) })}</p>`}
  </section>`;
}

/** Only for a snapshot judged under another edition than the current page. */
export const editions: SectionModule = { render, inDefaultReport: (m) => m.editions !== null };

// The model part: the same facts judged again under the current AWS page, node by node.

export interface ReportEditions extends EditionComparison {
  toCatalog: CatalogInfo;
}

/** Changes listed; the rest are counted. */
const EDITION_CHANGES_LISTED = 25;

/** Null when the snapshot was judged under the current page already, or under an edition this build does not know. */
export function editionsCollector(input: ModelInput): NodeCollector<ReportEditions | null> {
  const { catalog, snapshot } = input;
  const current = getCatalog(CURRENT_CATALOG_ID);
  const tally =
    catalog && current && catalog.id !== current.id
      ? editionTally({
          snapshotId: input.snapshotId,
          from: catalog,
          to: current,
          now: new Date(snapshot.finishedAt),
          scanAgeDays: snapshot.scanAgeDays,
          limit: EDITION_CHANGES_LISTED,
        })
      : undefined;
  return {
    visit: ({ row, facts }) => tally?.add({ row, facts }),
    result: () => (tally ? { ...tally.result(), toCatalog: catalogInfo(CURRENT_CATALOG_ID) } : null),
  };
}
