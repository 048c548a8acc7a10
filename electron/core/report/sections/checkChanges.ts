import { ruleTitle } from '../../../../shared/messages';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import type { CheckChange } from '../../store';
import { html, type RawHtml } from '../html';
import { formatInt } from '../labels';
import { nodeName, statusCell, type Ctx } from './render';
import { table } from './table';

/** Checks whose status changed, one row per node and rule; `total` counts those the list leaves out. */
export function checkChanges(ctx: Ctx, list: readonly CheckChange[], total: number, [before, after]: readonly [string, string]): RawHtml {
  const { t, lang } = ctx;
  const columns = [
    { head: t('node') },
    { head: `${columnShortTitle('accountId', lang)} / ${columnShortTitle('region', lang)}` },
    { head: t('rule') },
    { head: before },
    { head: after },
  ];
  const rows = list.map(
    (x) =>
      html`<tr>
        <td>${nodeName(x)}<br /><span class="mono muted small">${x.instanceId}</span></td>
        <td class="mono small">${x.accountId}<br />${x.region}</td>
        <td>${ruleTitle(x.rule, lang)}</td>
        ${x.before ? statusCell(ctx, x.before) : html`<td>—</td>`}${x.after ? statusCell(ctx, x.after) : html`<td>—</td>`}
      </tr>`,
  );
  return html`${table(columns, rows)}
  ${total > list.length ? html`<p class="muted small">${t('andMore', { count: formatInt(total - list.length, lang) })}</p>` : ''}`;
}
