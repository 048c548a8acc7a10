/** Top missing patches and CVEs (issue 19). */
import { html, type RawHtml } from '../html';
import { formatInt } from '../labels';
import { num, type Ctx, type SectionModule } from './render';
import { table } from './table';
import { missingPatchSummary, TO_INSTALL_STATES, type MissingPatchSummary, type PatchNodeInput } from '../../../../shared/missingPatches';

/** CVE ids shown per patch row; the rest are counted. */
const ROW_CVES = 6;

function idList(ctx: Ctx, ids: readonly string[], shown: number): string {
  const more = ids.length - shown;
  return ids.slice(0, shown).join(', ') + (more > 0 ? ` ${ctx.t('andMore', { count: formatInt(more, ctx.lang) })}` : '');
}

/** Nodes whose patches were not read, and why: never counted as nodes with nothing missing. */
function patchesUnknown(ctx: Ctx): RawHtml | string {
  const { m, t, lang } = ctx;
  const { unknown } = m.missingPatches;
  if (!unknown.nodes) return '';
  const reasons = unknown.reasons.map((r) => `${t(`patchesReason_${r.reason}`)} (${formatInt(r.nodes, lang)})`).join(', ');
  return html`<p class="muted small">${t('patchesUnknown', { count: formatInt(unknown.nodes, lang), reasons })}</p>`;
}

function topPatches(ctx: Ctx): RawHtml | string {
  const { m, t } = ctx;
  const { totals, patches: top } = m.missingPatches;
  if (!top.length) return totals.read > 0 ? html`<p>${t('patchesNone')}</p>` : '';
  const columns = [
    { head: '#', style: 'width:3%' },
    { head: t('patch'), style: 'width:31%' },
    { head: t('classification'), style: 'width:12%' },
    { head: t('severity'), style: 'width:9%' },
    { head: t('nodes'), class: 'num' },
    { head: t('accounts'), class: 'num' },
    { head: t('cveIds'), style: 'width:26%' },
  ];
  const rows = top.map(
    (p, i) =>
      html`<tr>
        <td class="num">${i + 1}</td>
        <td>${p.title}<br /><span class="mono muted small">${p.kbId}</span></td>
        <td class="nowrap">${p.classification ?? '—'}</td>
        <td class="nowrap">${p.severity ?? '—'}</td>
        ${num(ctx, p.nodes)}${num(ctx, p.accounts)}
        <td class="small mono-list">${p.cveIds.length ? idList(ctx, p.cveIds, ROW_CVES) : '—'}</td>
      </tr>`,
  );
  return html`<h3>${t('topPatches')}</h3>
    ${table(columns, rows)}`;
}

function topCves(ctx: Ctx): RawHtml | string {
  const { m, t, lang } = ctx;
  const { cves } = m.missingPatches;
  if (!cves.length) return '';
  const columns = [
    { head: '#', style: 'width:3%' },
    { head: t('cveId') },
    { head: t('severity') },
    { head: t('nodes'), class: 'num' },
    { head: t('accounts'), class: 'num' },
    { head: t('fixedBy'), style: 'width:40%' },
  ];
  const rows = cves.map(
    (c, i) =>
      html`<tr>
        <td class="num">${i + 1}</td>
        <td class="mono">${c.cveId}</td>
        <td>${c.severity ?? '—'}</td>
        ${num(ctx, c.nodes)}${num(ctx, c.accounts)}
        <td class="small mono-list">
          ${c.kbIds.join(', ')}${c.patches > c.kbIds.length ? ` ${t('andMore', { count: formatInt(c.patches - c.kbIds.length, lang) })}` : ''}
        </td>
      </tr>`,
  );
  return html`<h3>${t('topCves')}</h3>
    ${table(columns, rows)}`;
}

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const { totals } = m.missingPatches;
  const intro =
    totals.read === 0
      ? t('patchesNoneRead', { nodes: formatInt(totals.nodes, lang) })
      : t('patchesIntro', {
          affected: formatInt(totals.affected, lang),
          read: formatInt(totals.read, lang),
          patches: formatInt(totals.patches, lang),
          cves: formatInt(totals.cves, lang),
        });
  return html`<section class="page" id="patches">
    <h2>${t('secPatches')}</h2>
    <p>${intro}</p>
    ${patchesUnknown(ctx)} ${topPatches(ctx)} ${topCves(ctx)}
    <p class="muted small">${t('patchesNote')}</p>
  </section>`;
}

export const patches: SectionModule = { render };

// The model part: missing and failed patches and their CVEs, most nodes first (issue 19).

const TOP_PATCHES = 15;

export function missingPatchesModel(nodes: Iterable<PatchNodeInput>): MissingPatchSummary {
  return missingPatchSummary(nodes, { filters: { states: [...TO_INSTALL_STATES] }, limit: TOP_PATCHES });
}
