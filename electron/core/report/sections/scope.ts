/** Scope and gaps: the scopes that failed and the data sources a read scope lacked. */
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { scopeErrorText, scopeRegionText, type GapErrors } from '../../../../shared/scopeErrors';
import { html, type RawHtml } from '../html';
import { scopeStatus, type Ctx, type SectionModule } from './render';
import { table } from './table';
import type { ScopeResult } from '../../../../shared/model';
import type { SnapshotDetail } from '../../store';

function failedScopes(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  if (!m.failedScopes.length) return html`<p>${t('scopesFailedNone')}</p>`;
  const columns = [
    { head: columnShortTitle('accountId', lang) },
    { head: columnShortTitle('region', lang) },
    { head: t('status') },
    { head: t('reason') },
  ];
  const rows = m.failedScopes.map(
    (s) =>
      html`<tr class="failed-scope">
        <td class="mono">${s.accountId}</td>
        <td class="mono">${scopeRegionText(s.region, lang)}</td>
        <td>${scopeStatus(ctx, s.status)}</td>
        <td>${scopeErrorText(s, ctx.lang)}</td>
      </tr>`,
  );
  return html`${table(columns, rows)}
  ${m.failedScopes.some((s) => s.region === null) ? html`<p class="small">${t('scopeAccountLevelNote')}</p>` : ''}`;
}

function gaps(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  if (!m.gaps.length) return html`<p>${t('gapsNone')}</p>`;
  const columns = [{ head: columnShortTitle('accountId', lang) }, { head: columnShortTitle('region', lang) }, { head: t('sources') }];
  const rows = m.gaps.flatMap((g) =>
    g.gaps.map(
      (gap) =>
        html`<tr>
          <td class="mono">${g.accountId}</td>
          <td class="mono">${g.region}</td>
          <td>
            <span class="mono">${gap}</span>${
              g.gapErrors[gap] ? html`<br /><span class="small">${scopeErrorText(g.gapErrors[gap], ctx.lang)}</span>` : ''
            }
          </td>
        </tr>`,
    ),
  );
  return table(columns, rows);
}

function render(ctx: Ctx): RawHtml {
  const { t } = ctx;
  return html`<section id="scope">
    <h2>${t('secScope')}</h2>
    <h3>${t('scopesFailedHeading')}</h3>
    ${failedScopes(ctx)}
    <h3>${t('gapsHeading')}</h3>
    ${gaps(ctx)}
    <p class="muted small">${t('gapsNote')}</p>
  </section>`;
}

export const scope: SectionModule = { render };

// The model part: the scopes that failed and the data sources a read scope lacked.

export interface ScopeGaps {
  accountId: string;
  region: string;
  gaps: string[];
  gapErrors: GapErrors;
}

export function scopeModel(snapshot: SnapshotDetail): { failedScopes: ScopeResult[]; gaps: ScopeGaps[] } {
  return {
    failedScopes: snapshot.scopes.filter((s) => s.status !== 'ok'),
    gaps: snapshot.scopes
      // Only a scope that was read has gaps, and such a scope always names its region.
      .flatMap((s) =>
        s.gaps.length > 0 && s.region !== null
          ? [{ accountId: s.accountId, region: s.region, gaps: s.gaps, gapErrors: s.gapErrors ?? {} }]
          : [],
      ),
  };
}
