/** The node appendix: every node, those not ready or not verified, or none (issue 20). */
import { ruleTitle } from '../../../../shared/messages';
import { RULE_IDS } from '../../../../shared/model';
import { columnShortTitle } from '../../../../shared/nodeColumns';
import { platformLabel } from '../../../../shared/platform';
import { STATUS_ORDER, statusGlyph, statusWord } from '../../../../shared/statuses';
import { html, type RawHtml } from '../html';
import { formatInt } from '../labels';
import type { Ctx, SectionModule } from './render';
import { table, thead } from './table';
import { isOpen, nodePatches, type PatchesUnknownReason, type PatchNodeInput } from '../../../../shared/missingPatches';
import type { ReportAppendixMode } from '../../../../shared/reportSections';
import type { NodeRow } from '../../store';
import type { NodeCollector } from './model';

/** How the method section names what the appendix holds: nothing when the section is not printed. */
export function appendixMode(ctx: Ctx): string {
  const { m, t, lang } = ctx;
  const counts = { listed: formatInt(m.nodes.length, lang), total: formatInt(m.totals.nodes, lang) };
  if (!ctx.appendixPrinted || m.appendix === 'none') return t('appendixModeNone');
  return t(m.appendix === 'all' ? 'appendixModeAll' : 'appendixModeNotReady', counts);
}

/**
 * The heading and the first line say which nodes the appendix holds, with counts that add up
 * with the executive summary's, so a filtered list is never read as the fleet.
 */
function appendixCaption(ctx: Ctx): { heading: string; caption: string } {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  const counts = {
    listed: formatInt(m.nodes.length, lang),
    total: formatInt(tot.nodes, lang),
    notReady: formatInt(tot.notReady, lang),
    unverified: formatInt(tot.unverified, lang),
    rest: formatInt(tot.nodes - tot.notReady - tot.unverified, lang),
  };
  switch (m.appendix) {
    case 'all':
      return { heading: t('secAppendix'), caption: t('appendixAll', counts) };
    case 'not-ready':
      return { heading: t('secAppendixNotReady', counts), caption: t('appendixNotReady', counts) };
    case 'none':
      return { heading: t('secAppendixNone'), caption: t('appendixNone', counts) };
  }
}

/** One node's missing patches in the appendix: a few KB ids and counts, or why they are unknown. */
function patchLineText(ctx: Ctx, line: NodePatchLine): string {
  const { t, lang } = ctx;
  if ('unknown' in line) return t('unknownValue');
  if (line.open === 0) return '0';
  const more = line.open - line.kbIds.length;
  const ids = line.kbIds.join(', ') + (more > 0 ? ` +${formatInt(more, lang)}` : '');
  return line.cves ? `${ids} · ${t('cveCount', { count: formatInt(line.cves, lang) })}` : ids;
}

function nodeRow(ctx: Ctx, n: ReportNode): RawHtml {
  return html`<tr>
    <td class="mono">${n.instanceId}</td>
    <td>${n.name ?? ''}</td>
    <td>${n.platform ? platformLabel(n.platform) : ''}</td>
    <td class="nowrap">${n.agentVersion ?? ''}</td>
    <td class="nowrap">${n.pingStatus ?? ''}</td>
    <td class="patches${'unknown' in n.patches ? ' unknown' : ''}">
      <span class="mono">${patchLineText(ctx, n.patches)}</span>
    </td>
    ${RULE_IDS.map((rule) => {
      const s = n.statuses[rule];
      return s ? html`<td class="mark status-${s}">${statusGlyph(s)}</td>` : html`<td class="mark"></td>`;
    })}
  </tr>`;
}

/** Account and region head each table instead of filling two columns on every row. */
function groupRow(ctx: Ctx, first: ReportNode): RawHtml {
  const { lang } = ctx;
  return html`<tr class="group">
    <th colspan="${6 + RULE_IDS.length}">
      ${columnShortTitle('accountId', lang)} <span class="mono">${first.accountId}</span> — ${columnShortTitle('region', lang)}
      <span class="mono">${first.region}</span>
    </th>
  </tr>`;
}

/** The listed nodes cut where the account or the region changes (they come sorted by both). */
function byArea(nodes: readonly ReportNode[]): ReportNode[][] {
  const groups: ReportNode[][] = [];
  for (const n of nodes) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && prev.accountId === n.accountId && prev.region === n.region) last.push(n);
    else groups.push([n]);
  }
  return groups;
}

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const { heading, caption } = appendixCaption(ctx);
  // Without a list the section is a note, not a page of its own.
  if (m.nodes.length === 0)
    return html`<section id="appendix">
      <h2>${heading}</h2>
      <p class="appendix-caption">${caption}</p>
    </section>`;
  const legend = STATUS_ORDER.map((s) => html`<span><b class="status-${s}">${statusGlyph(s)}</b> ${statusWord(s, lang)}</span>`);
  const columns = RULE_IDS.map((rule, i) => html`<span>${i + 1} ${ruleTitle(rule, lang)}</span>`);
  const head = thead([
    { head: columnShortTitle('instanceId', lang), style: 'width:12%' },
    { head: columnShortTitle('name', lang), style: 'width:11%' },
    { head: columnShortTitle('platform', lang), style: 'width:11%' },
    { head: columnShortTitle('agentVersion', lang), style: 'width:7.5%' },
    { head: columnShortTitle('pingStatus', lang), style: 'width:8%' },
    { head: t('appendixPatches'), style: 'width:15%' },
    ...RULE_IDS.map((_, i) => ({ head: String(i + 1), class: 'mark' })),
  ]);
  // One table per account and region: Chromium lays out and paginates several tables of a few
  // thousand rows markedly faster than one table of the whole fleet.
  return html`<section class="page" id="appendix">
    <h2>${heading}</h2>
    <p class="appendix-caption">${caption}</p>
    <p class="legend-line">${t('legend')}: ${legend}</p>
    <p class="legend-line">${t('ruleColumns')}: ${columns}</p>
    ${byArea(m.nodes).map(
      (group) =>
        html`<div class="appendix-group">
          ${table(head, [groupRow(ctx, group[0]!), ...group.map((n) => nodeRow(ctx, n))], { class: 'appendix' })}
        </div>`,
    )}
  </section>`;
}

export const appendix: SectionModule = { render };

// The model part: the listed nodes with each one's missing patches.

/** Patches the appendix names per node (KB number or package); the rest are counted. */
const NODE_KB_IDS = 3;

/** A node's missing and failed patches as the appendix names them, or why they are not known. */
export type NodePatchLine = { open: number; kbIds: string[]; cves: number } | { unknown: PatchesUnknownReason };

export interface ReportNode extends NodeRow {
  patches: NodePatchLine;
}

/** A Linux package id without its epoch and version (`openssl.x86_64`); a KB number as it is. */
const compactId = (kbId: string): string => kbId.split(':')[0] ?? kbId;

function patchLine(facts: PatchNodeInput['facts']): NodePatchLine {
  const known = nodePatches(facts);
  if ('reason' in known) return { unknown: known.reason };
  const open = known.patches.filter(isOpen);
  return {
    open: open.length,
    kbIds: open.slice(0, NODE_KB_IDS).map((p) => compactId(p.kbId)),
    cves: new Set(open.flatMap((p) => p.cveIds)).size,
  };
}

const byNode = (a: NodeRow, b: NodeRow): number =>
  a.accountId.localeCompare(b.accountId) ||
  a.region.localeCompare(b.region) ||
  (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') ||
  a.instanceId.localeCompare(b.instanceId);

/**
 * Every node, only those counted not ready or unverified, or none, by account, region, name and
 * instance id. Only listed nodes pay for their patch line: a short appendix is also a cheaper model.
 */
export function appendixNodes(mode: ReportAppendixMode): NodeCollector<ReportNode[]> {
  const nodes: ReportNode[] = [];
  return {
    visit({ row, facts, readiness }) {
      if (mode === 'all' || (mode === 'not-ready' && readiness !== 'ready')) nodes.push({ ...row, patches: patchLine(facts) });
    },
    result: () => nodes.sort(byNode),
  };
}
