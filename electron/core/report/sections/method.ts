/** Method: the catalog edition, the settings and the history the report used. */
import { SOURCE_RULES } from '../../../../shared/catalog/schema';
import { sourceRuleTitle } from '../../../../shared/messages';
import { RULE_IDS, type LocalizedText } from '../../../../shared/model';
import { partialNote } from '../../../../shared/snapshotDescription';
import { html, type RawHtml } from '../html';
import { formatDate } from '../labels';
import { appendixMode } from './appendix';
import { sourceRefs, type Ctx, type SectionModule } from './render';
import { getCatalog } from '../../../../shared/catalog';

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const s = m.snapshot;
  const c = m.catalog;
  return html`<section class="page" id="method">
    <h2>${t('secMethod')}</h2>
    <p>${t('methodText')}</p>
    <dl class="method">
      <dt>${t('catalogEdition')}</dt>
      <dd>${c.name ? `${c.name[lang]} (${c.id})` : c.id}${c.title ? html` — ${c.title[lang]}` : ''}</dd>
      ${
        c.document
          ? html`<dt>${t('catalogDocument')}</dt>
              <dd>${c.document}</dd>`
          : ''
      }
      ${
        c.agentMinimum
          ? html`<dt>${t('agentMinimum')}</dt>
              <dd>${c.agentMinimum}</dd>`
          : ''
      }
      ${
        c.python
          ? html`<dt>${t('pythonRange')}</dt>
              <dd>${c.python.range}</dd>
              <dt>${t('python3Range')}</dt>
              <dd>${c.python.python3}</dd>`
          : ''
      }
      <dt>${t('scanAge')}</dt>
      <dd>${t('daysValue', { days: s.scanAgeDays })}</dd>
      <dt>${t('appendixHeading')}</dt>
      <dd>${appendixMode(ctx)}</dd>
      <dt>${t('toolVersion')}</dt>
      <dd>${s.toolVersion} / ${m.toolVersion}</dd>
      <dt>${t('snapshot')}</dt>
      <dd>#${s.id}${s.label ? html` — ${s.label}` : ''}</dd>
      <dt>${t('snapshotStatus')}</dt>
      <dd>${s.status === 'complete' ? t('statusComplete') : t('statusPartial')}</dd>
      <dt>${t('auditStarted')}</dt>
      <dd>${formatDate(s.startedAt, lang, true)}</dd>
      <dt>${t('auditFinished')}</dt>
      <dd>${formatDate(s.finishedAt, lang, true)}</dd>
      <dt>${t('reportDate')}</dt>
      <dd>${formatDate(m.generatedAt, lang, true)}</dd>
      <dt>${t('historyUsed')}</dt>
      <dd>
        ${m.trends.map((p) => `#${p.snapshotId} ${formatDate(p.startedAt, lang)}${p.status === 'partial' ? ` (${partialNote(p, lang)})` : ''}`).join(', ')}
      </dd>
    </dl>
    <h3>${t('source')}</h3>
    ${SOURCE_RULES.map((p) => html`<div class="source"><span class="ref">${p}</span> ${sourceRuleTitle(p, lang)} — ${RULE_IDS.filter((r) => sourceRefs(ctx, r).includes(p)).join(', ')}</div>`)}
  </section>`;
}

export const method: SectionModule = { render };

// The model part: the catalog edition as the method section (and the editions section) names it.

export interface CatalogInfo {
  id: string;
  known: boolean;
  /** Its plain name ("AWS page, November 2026"), as everywhere an edition is shown. */
  name?: LocalizedText;
  title?: LocalizedText;
  document?: string;
  agentMinimum?: string;
  python?: { range: string; python3: string };
}

const range = (r: { from: string; to: string }): string => `${r.from} – ${r.to}`;

export function catalogInfo(id: string): CatalogInfo {
  const catalog = getCatalog(id);
  if (!catalog) return { id, known: false };
  return {
    id,
    known: true,
    name: catalog.name,
    title: catalog.title,
    document: catalog.document,
    agentMinimum: catalog.agent.minimum,
    python: { range: range(catalog.python.range), python3: range(catalog.python.python3Only.range) },
  };
}
