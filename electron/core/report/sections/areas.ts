import { columnShortTitle } from '../../../../shared/nodeColumns';
import { html, type RawHtml } from '../html';
import { num, pctText, scopeStatus, type Ctx, type SectionModule } from './render';
import { table, type Column } from './table';

/** The columns both tables end with: an area's (or an account's) nodes and its figures. */
const figureColumns = (ctx: Ctx): Column[] =>
  (['nodes', 'online', 'compliantPct', 'failingPrereq', 'critical', 'security'] as const).map((key) => ({
    head: ctx.t(key),
    class: 'num',
  }));

function byAccount(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const columns = [{ head: columnShortTitle('accountId', lang) }, { head: t('regionsCount'), class: 'num' }, ...figureColumns(ctx)];
  const rows = m.accounts.map(
    (a) =>
      html`<tr>
        <td class="mono">${a.accountId}</td>
        ${num(ctx, a.regions)}${num(ctx, a.nodes)}${num(ctx, a.online)}
        <td class="num">${pctText(ctx, a.compliancePct)}</td>
        ${num(ctx, a.notReady)}${num(ctx, a.missingCritical)}${num(ctx, a.missingSecurity)}
      </tr>`,
  );
  return table(columns, rows);
}

function byArea(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const columns = [
    { head: columnShortTitle('accountId', lang) },
    { head: columnShortTitle('region', lang) },
    { head: t('status') },
    ...figureColumns(ctx),
  ];
  const rows = m.areas.map(
    (a) =>
      html`<tr class="${a.scope && a.scope.status !== 'ok' ? 'failed-scope' : ''}">
        <td class="mono">${a.accountId}</td>
        <td class="mono">${a.region}</td>
        <td>
          ${scopeStatus(ctx, a.scope?.status ?? null)}${
            a.scope?.gaps.length ? html`<br /><span class="small muted">${a.scope.gaps.join(', ')}</span>` : ''
          }
        </td>
        ${num(ctx, a.nodes)}${num(ctx, a.online)}
        <td class="num">${pctText(ctx, a.compliancePct)}</td>
        ${num(ctx, a.notReady)}${num(ctx, a.missingCritical)}${num(ctx, a.missingSecurity)}
      </tr>`,
  );
  return table(columns, rows);
}

function render(ctx: Ctx): RawHtml {
  const { t } = ctx;
  return html`<section class="page" id="areas">
    <h2>${t('secAreas')}</h2>
    <h3>${t('byAccount')}</h3>
    ${byAccount(ctx)}
    <h3>${t('byArea')}</h3>
    ${byArea(ctx)}
    <p class="muted small">${t('missingPatchesNote')}</p>
  </section>`;
}

export const areas: SectionModule = { render };
