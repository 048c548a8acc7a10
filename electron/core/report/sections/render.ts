/** What every section's HTML shares: the model, the language's labels and the small cells they all print. */
import type { CheckStatus, Lang, RuleId } from '../../../../shared/model';
import { statusWord } from '../../../../shared/statuses';
import { FIGURES, figureValues, withUnit, type FigureId } from '../../../../shared/figures';
import type { NodeRef } from '../../store';
import { html, type RawHtml } from '../html';
import { formatInt, formatPct, type Labels } from '../labels';
import type { ReportModel } from '../reportModel';

export interface Ctx {
  m: ReportModel;
  lang: Lang;
  t: Labels;
  /** Whether the appendix section is printed at all (sections may leave it out). */
  appendixPrinted: boolean;
}

export const pctOf = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);
export const nodeName = (n: Pick<NodeRef, 'name' | 'instanceId'>): string => n.name ?? n.instanceId;
export const statusCell = (ctx: Ctx, status: CheckStatus): RawHtml =>
  html`<td class="status-${status} nowrap">${statusWord(status, ctx.lang)}</td>`;
export const num = (ctx: Ctx, n: number | null): RawHtml =>
  html`<td class="num${n === null ? ' unknown' : ''}">${n === null ? ctx.t('unknownValue') : formatInt(n, ctx.lang)}</td>`;
/** A percentage, or "unknown" when there was nothing to compute it over (never a dash that reads as 0). */
export const pctText = (ctx: Ctx, value: number | null): string => (value === null ? ctx.t('unknownValue') : formatPct(value, ctx.lang));
/** "over 80 of 100 nodes" when some nodes' patch state could not be read. */
export const overRead = (ctx: Ctx, a: { patchRead: number; nodes: number }): string =>
  a.patchRead < a.nodes ? ctx.t('overRead', { read: formatInt(a.patchRead, ctx.lang), nodes: formatInt(a.nodes, ctx.lang) }) : '';

export function kpi(label: string, value: string, sub: string): RawHtml {
  return html`<div class="kpi">
    <div class="label">${label}</div>
    <div class="value">${value}</div>
    <div class="sub">${sub}</div>
  </div>`;
}

/** A headline figure's label and its count with the unit (shared/figures.ts): "164 nodes". */
export function figureText(ctx: Ctx, id: FigureId): { label: string; count: string } {
  const value = figureValues(ctx.m.figures)[id];
  const { unit, label } = FIGURES[id];
  return {
    label: label[ctx.lang],
    count: value === null ? ctx.t('unknownValue') : withUnit(formatInt(value, ctx.lang), value, unit, ctx.lang),
  };
}

export function scopeStatus(ctx: Ctx, status: 'ok' | 'failed' | 'cancelled' | null): string {
  if (status === null) return ctx.t('scopeMissing');
  return ctx.t(status === 'ok' ? 'scopeOk' : status === 'failed' ? 'scopeFailed' : 'scopeCancelled');
}

/** The P-references a rule cites, as the rule tables and the method section name them. */
export function sourceRefs(ctx: Ctx, rule: RuleId): string {
  const refs = ctx.m.rules.find((r) => r.rule === rule)?.sources ?? [];
  return [...new Set(refs.map((r) => r.rule))].join(', ');
}

/** One report section: its HTML and, for a section only some snapshots have, whether the default report prints it. */
export interface SectionModule {
  render(ctx: Ctx): RawHtml;
  /** Without it the section is always in the default report; a caller naming sections gets it regardless. */
  inDefaultReport?(m: ReportModel): boolean;
}
