/** Per account and per account × region. */
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { html, type RawHtml } from '../html';
import { num, pctText, scopeStatus, type Ctx, type SectionModule } from './render';
import { table, type Column } from './table';
import { sumAreas } from '../../../../shared/areaFigures';
import type { AreaCounts, ScopeSummaryRow } from '../../store';
import type { ModelInput, NodeCollector } from './model';

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

// The model part: the store's area summaries with the nodes not ready in each, and their sums per account.

/** An account × region: account-level failures (region null) are listed with the failed scopes, not as areas. */
export interface AreaRow extends ScopeSummaryRow {
  region: string;
  /** Nodes failing at least one prerequisite rule. */
  notReady: number;
}

export interface AccountRow extends AreaCounts {
  accountId: string;
  regions: number;
  notReady: number;
}

const areaKey = (accountId: string, region: string): string => `${accountId}\u0000${region}`;

export function notReadyByArea(): NodeCollector<ReadonlyMap<string, number>> {
  const counts = new Map<string, number>();
  return {
    visit({ row, readiness }) {
      if (readiness !== 'notReady') return;
      const key = areaKey(row.accountId, row.region);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    result: () => counts,
  };
}

export function areasModel(input: ModelInput, notReady: ReadonlyMap<string, number>): { areas: AreaRow[]; accounts: AccountRow[] } {
  const areas: AreaRow[] = input.store
    .scopeSummary(input.snapshotId)
    .flatMap((a) => (a.region === null ? [] : [{ ...a, region: a.region, notReady: notReady.get(areaKey(a.accountId, a.region)) ?? 0 }]));
  const areasOf = new Map<string, AreaRow[]>();
  for (const a of areas) areasOf.set(a.accountId, [...(areasOf.get(a.accountId) ?? []), a]);
  const accounts: AccountRow[] = [...areasOf].map(([accountId, list]) => ({
    accountId,
    regions: list.length,
    ...sumAreas(list),
    notReady: list.reduce((n, a) => n + a.notReady, 0),
  }));
  return { areas, accounts: accounts.sort((a, b) => a.accountId.localeCompare(b.accountId)) };
}
