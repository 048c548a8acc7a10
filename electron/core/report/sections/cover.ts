/** The cover: client, engagement, dates, scope, snapshot and the verdict. */
import { snapshotNotes } from '../../../../shared/snapshotDescription';
import { html, type RawHtml } from '../html';
import { formatDate } from '../labels';
import type { Ctx, SectionModule } from './render';
import { verdictHeadline } from './summary';

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const s = m.snapshot;
  return html`<section class="cover">
    <div class="brand">Patch Auditor</div>
    <h1>${t('reportTitle')}</h1>
    <dl>
      <dt>${t('client')}</dt>
      <dd>${s.client ?? t('notRecorded')}</dd>
      <dt>${t('engagement')}</dt>
      <dd>${s.engagement ?? t('notRecorded')}</dd>
      <dt>${t('auditDate')}</dt>
      <dd>${formatDate(s.startedAt, lang)}</dd>
      <dt>${t('reportDate')}</dt>
      <dd>${formatDate(m.generatedAt, lang)}</dd>
      <dt>${t('scope')}</dt>
      <dd>${t('scopeValue', { accounts: m.totals.accounts, regions: m.totals.regions, scopes: m.totals.scopes })}</dd>
      <dt>${t('snapshot')}</dt>
      <dd>
        #${s.id}${s.label ? html` — ${s.label}` : ''} (${s.status === 'complete' ? t('statusComplete') : t('statusPartial')})
        ${snapshotNotes(s, lang, formatDate).map((note) => html`<br /><span class="small">${note}</span>`)}
      </dd>
    </dl>
    <span class="verdict-badge ${m.verdict}">${t('verdictHeading')}: ${verdictHeadline(ctx)}</span>
    <div class="confidential">${t('confidential')}</div>
  </section>`;
}

export const cover: SectionModule = { render };
