import { messageFor, sourceRuleTitle } from '../../../../shared/messages';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { STATUS_ORDER, statusWord } from '../../../../shared/statuses';
import { html, type RawHtml } from '../html';
import { formatInt } from '../labels';
import type { FindingRef, ReportModel } from '../reportModel';
import { nodeName, sourceRefs, statusCell, type Ctx, type SectionModule } from './render';
import { table } from './table';

type Rule = ReportModel['rules'][number];

/** Each rule's counts per status, with the P-references it cites: the summary's and this section's table. */
export function ruleTable(ctx: Ctx, rules: readonly Rule[]): RawHtml {
  const { t, lang } = ctx;
  const columns = [
    { head: t('rule') },
    { head: t('source') },
    ...STATUS_ORDER.map((s) => ({ head: statusWord(s, lang), class: 'num cap' })),
  ];
  const rows = rules.map(
    (r) =>
      html`<tr>
        <td>${r.title}<br /><span class="mono muted">${r.rule}</span></td>
        <td class="nowrap">${sourceRefs(ctx, r.rule) || '—'}</td>
        ${STATUS_ORDER.map((s) =>
          r[s] > 0 ? html`<td class="num status-${s}">${formatInt(r[s], lang)}</td>` : html`<td class="num muted">0</td>`,
        )}
      </tr>`,
  );
  return table(columns, rows);
}

function exampleTable(ctx: Ctx, examples: readonly FindingRef[]): RawHtml {
  const { t, lang } = ctx;
  const columns = [
    { head: t('node'), style: 'width:24%' },
    { head: `${columnShortTitle('accountId', lang)} / ${columnShortTitle('region', lang)}`, style: 'width:18%' },
    { head: t('status'), style: 'width:9%' },
    { head: t('finding') },
  ];
  const rows = examples.map(
    (e) =>
      html`<tr>
        <td>${nodeName(e)}<br /><span class="mono muted small">${e.instanceId}</span></td>
        <td class="mono small">${e.accountId}<br />${e.region}</td>
        ${statusCell(ctx, e.status)}
        <td>${messageFor(e, ctx.lang)}</td>
      </tr>`,
  );
  return table(columns, rows);
}

function ruleBlock(ctx: Ctx, r: Rule): RawHtml {
  const { m, t, lang } = ctx;
  return html`<div class="rule-block">
    <h3>${r.title} <span class="mono muted small">${r.rule}</span></h3>
    ${r.sources.map(
      (src) =>
        html`<div class="source">
          <span class="ref">${src.rule} ${sourceRuleTitle(src.rule, lang)}</span>${
            lang === 'ja' ? html` — 「${src.quote}」` : html` — ${m.catalog.id}`
          }
        </div>`,
    )}
    <p class="small counts">
      ${STATUS_ORDER.map((s) => html`<span class="status-${s}">${statusWord(s, lang)} ${formatInt(r[s], lang)}</span>`)}
    </p>
    ${r.examples.length ? exampleTable(ctx, r.examples) : html`<p class="muted">${t('noExamples')}</p>`}
  </div>`;
}

function render(ctx: Ctx): RawHtml {
  const { m, t } = ctx;
  const prerequisites = m.rules.filter((r) => r.prerequisite);
  const operational = m.rules.filter((r) => !r.prerequisite);
  return html`<section class="page" id="readiness">
    <h2>${t('secReadiness')}</h2>
    <p>${t('readinessIntro')}</p>
    <h3>${t('prerequisites')}</h3>
    ${ruleTable(ctx, prerequisites)} ${prerequisites.map((r) => ruleBlock(ctx, r))}
    <h3>${t('operational')}</h3>
    ${ruleTable(ctx, operational)} ${operational.map((r) => ruleBlock(ctx, r))}
  </section>`;
}

export const readiness: SectionModule = { render };
