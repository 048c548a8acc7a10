/** Readiness by rule: each rule's counts, the catalog entries it applies and example nodes. */
import { messageFor, ruleTitle, sourceRuleTitle } from '../../../../shared/messages';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { STATUS_ORDER, statusWord } from '../../../../shared/statuses';
import { html, type RawHtml } from '../html';
import { formatInt } from '../labels';
import { nodeName, sourceRefs, statusCell, type Ctx, type SectionModule } from './render';
import { table } from './table';
import type { SourceRef } from '../../../../shared/catalog';
import { RULE_IDS, type CheckStatus, type RuleId } from '../../../../shared/model';
import { PREREQUISITE_RULE_IDS } from '../../../../shared/readiness';
import type { RuleSummaryRow } from '../../store';
import { findingRef, type FindingRef, type ModelInput, type NodeCollector } from './model';

/** Each rule's counts per status, with the P-references it cites: the summary's and this section's table. */
export function ruleTable(ctx: Ctx, rules: readonly RuleReadiness[]): RawHtml {
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

function ruleBlock(ctx: Ctx, r: RuleReadiness): RawHtml {
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

// The model part: each rule's counts from the store's summary, with a few failing nodes as examples.

const EXAMPLES_PER_RULE = 5;
/** Examples show failures first, then warnings, then unknowns. */
const EXAMPLE_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, unknown: 2, pass: 3, not_applicable: 4 };

export interface RuleReadiness extends RuleSummaryRow {
  title: string;
  prerequisite: boolean;
  /** The catalog entries the rule applies, each citing its seed rule (empty for operational checks). */
  sources: SourceRef[];
  /** Failing nodes first, then warnings, then unknowns. */
  examples: FindingRef[];
}

/** Up to `EXAMPLES_PER_RULE` nodes per rule, the most severe kept. */
export function ruleExamples(lang: ModelInput['lang']): NodeCollector<Map<RuleId, FindingRef[]>> {
  const examples = new Map<RuleId, FindingRef[]>(RULE_IDS.map((rule) => [rule, []]));
  return {
    visit({ row, checks }) {
      for (const check of checks) {
        if (check.status === 'pass' || check.status === 'not_applicable') continue;
        const list = examples.get(check.rule);
        if (list && (list.length < EXAMPLES_PER_RULE || EXAMPLE_ORDER[check.status] < EXAMPLE_ORDER[list.at(-1)!.status])) {
          list.push(findingRef(row, check, lang));
          list.sort((a, b) => EXAMPLE_ORDER[a.status] - EXAMPLE_ORDER[b.status]);
          list.length = Math.min(list.length, EXAMPLES_PER_RULE);
        }
      }
    },
    result: () => examples,
  };
}

export function rulesModel(
  input: ModelInput,
  examples: ReadonlyMap<RuleId, FindingRef[]>,
  sourcesOf: (rule: RuleId) => SourceRef[],
): RuleReadiness[] {
  return input.store.ruleSummary(input.snapshotId).map((row) => ({
    ...row,
    title: ruleTitle(row.rule, input.lang),
    prerequisite: PREREQUISITE_RULE_IDS.includes(row.rule),
    sources: sourcesOf(row.rule),
    examples: examples.get(row.rule) ?? [],
  }));
}
