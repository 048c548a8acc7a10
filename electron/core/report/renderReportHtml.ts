/**
 * The report as one self-contained HTML document with print CSS (docs/design.md §8): no script, no
 * remote resource, every value from the snapshot escaped by the `html` template. Check texts
 * are re-localized from their code and params, so one model renders in either language.
 */
import { messageFor, remediationFor, ruleTitle, sourceRuleTitle } from '../../../shared/messages';
import { RULE_IDS, type CheckStatus, type Lang, type RuleId } from '../../../shared/model';
import { SOURCE_RULES } from '../../../shared/catalog/schema';
import { FIGURES, figureShare, figureValues, withUnit, type FigureId } from '../../../shared/figures';
import { PREREQUISITE_RULE_IDS, readyPct } from '../../../shared/readiness';
import { STATUS_ORDER, statusGlyph, statusWord } from '../../../shared/statuses';
import { columnShortTitle } from '../../../shared/nodeColumns';
import { platformLabel } from '../../../shared/platform';
import type { CheckChange, NodeRef, TrendPoint } from '../store';
import { editionName } from '../../../shared/catalog';
import { editionNotice } from '../../../shared/editionNotice';
import { describeSnapshot, partialNote, snapshotNotes } from '../../../shared/snapshotDescription';
import { lineChart, PALETTE } from './charts';
import { html, raw, type RawHtml } from './html';
import { formatDate, formatInt, formatPct, labelsFor, type Labels } from './labels';
import type { FindingRef, NodePatchLine, ReportModel } from './reportModel';
import { reportCss } from './reportStyles';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/reportSections';
import { scopeErrorText, scopeRegionText } from '../../../shared/scopeErrors';

export { REPORT_SECTIONS, type ReportSection };

export type Paper = 'a4' | 'letter';

export interface RenderOptions {
  lang: Lang;
  paper: Paper;
  /** Sections to include, in the report's fixed order; all by default. */
  sections?: readonly ReportSection[];
}

interface Ctx {
  m: ReportModel;
  lang: Lang;
  t: Labels;
  /** Whether the appendix section is printed at all (sections may leave it out). */
  appendixPrinted: boolean;
}

const pctOf = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);
const nodeName = (n: Pick<NodeRef, 'name' | 'instanceId'>): string => n.name ?? n.instanceId;
const statusCell = (ctx: Ctx, status: CheckStatus): RawHtml =>
  html`<td class="status-${status} nowrap">${statusWord(status, ctx.lang)}</td>`;
const num = (ctx: Ctx, n: number | null): RawHtml =>
  html`<td class="num${n === null ? ' unknown' : ''}">${n === null ? ctx.t('unknownValue') : formatInt(n, ctx.lang)}</td>`;
/** A percentage, or "unknown" when there was nothing to compute it over (never a dash that reads as 0). */
const pctText = (ctx: Ctx, value: number | null): string => (value === null ? ctx.t('unknownValue') : formatPct(value, ctx.lang));
/** "over 80 of 100 nodes" when some nodes' patch state could not be read. */
const overRead = (ctx: Ctx, a: { patchRead: number; nodes: number }): string =>
  a.patchRead < a.nodes ? ctx.t('overRead', { read: formatInt(a.patchRead, ctx.lang), nodes: formatInt(a.nodes, ctx.lang) }) : '';

function clientLine(ctx: Ctx): string {
  return ctx.m.snapshot.client ?? ctx.t('notRecorded');
}

function cover(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const s = m.snapshot;
  return html`<section class="cover">
    <div class="brand">Patch Auditor</div>
    <h1>${t('reportTitle')}</h1>
    <dl>
      <dt>${t('client')}</dt>
      <dd>${clientLine(ctx)}</dd>
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

function verdictHeadline(ctx: Ctx): string {
  const { verdict } = ctx.m;
  return ctx.t(
    verdict === 'good'
      ? 'verdictGood'
      : verdict === 'fair'
        ? 'verdictFair'
        : verdict === 'unknown'
          ? 'verdictUnknownHeadline'
          : 'verdictPoor',
  );
}

/** A headline figure's label and its count with the unit (shared/figures.ts): "164 nodes". */
function figureText(ctx: Ctx, id: FigureId): { label: string; count: string } {
  const value = figureValues(ctx.m.figures)[id];
  const { unit, label } = FIGURES[id];
  return {
    label: label[ctx.lang],
    count: value === null ? ctx.t('unknownValue') : withUnit(formatInt(value, ctx.lang), value, unit, ctx.lang),
  };
}

function summary(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  const figures = figureValues(m.figures);
  const notReported = tot.nodes - tot.patchReported;
  const counts = {
    compliant: formatInt(tot.compliant, lang),
    nodes: formatInt(tot.nodes, lang),
    reported: formatInt(tot.patchReported, lang),
    notReported: formatInt(notReported, lang),
    read: formatInt(tot.patchRead, lang),
    unknown: formatInt(tot.nodes - tot.patchRead, lang),
    pct: formatPct(figureShare(figures, 'compliantNodes'), lang),
    count: formatInt(tot.nodesMissingCritical, lang),
    patches: formatInt(tot.missingCritical ?? 0, lang),
    security: formatInt(tot.nodesMissingSecurity, lang),
  };
  // Only what was observed is stated: compliance over the nodes that reported a patch state, and
  // no absence of missing patches where no state could be read.
  const allRead = tot.patchRead === tot.nodes;
  const points: string[] = [
    tot.patchReported === 0 ? t('verdictComplianceNone', counts) : t('verdictCompliance', counts),
    tot.notReady > 0
      ? t('verdictNotReady', { count: formatInt(tot.notReady, lang), pct: formatPct(figureShare(figures, 'notReadyNodes'), lang) })
      : t('verdictAllReady'),
    tot.patchRead === 0
      ? t('verdictCriticalNone')
      : tot.nodesMissingCritical > 0
        ? t(allRead ? 'verdictCritical' : 'verdictCriticalOver', counts)
        : t(allRead ? 'verdictNoCritical' : 'verdictNoCriticalOver', counts),
  ];
  if (tot.unverified > 0) points.push(t('verdictUnknown', { count: formatInt(tot.unverified, lang) }));
  if (tot.scopesFailed > 0) points.push(t('verdictPartial', { count: tot.scopesFailed, scopes: tot.scopes }));
  points.push(...baselinePoints(ctx));
  const okScopes = tot.scopes - tot.scopesFailed;
  return html`<section class="page" id="summary">
    <h2>${t('secSummary')}</h2>
    <div class="kpis">
      ${kpi(figureText(ctx, 'managedNodes').label, formatInt(tot.nodes, lang), `${figureText(ctx, 'onlineNodes').label} ${formatInt(tot.online, lang)}`)}
      ${readyKpi(ctx)} ${compliantKpi(ctx)} ${criticalKpi(ctx)}
      ${kpi(t('kpiScopes'), `${okScopes} / ${tot.scopes}`, `${t('scopeValue', { accounts: tot.accounts, regions: tot.regions, scopes: tot.scopes })}`)}
    </div>
    <div class="verdict ${m.verdict}">
      <div class="headline">${t('verdictHeading')}: ${verdictHeadline(ctx)}</div>
      <ul>
        ${points.map((p) => html`<li>${p}</li>`)}
      </ul>
    </div>
    ${olderEditionNotice(ctx)}
    <h3>${t('secReadiness')}</h3>
    ${ruleTable(
      ctx,
      m.rules.filter((r) => r.prerequisite),
    )}
  </section>`;
}

/** Issue 27: a snapshot judged under an older edition says so first, with its readiness under the current page. */
function olderEditionNotice(ctx: Ctx): RawHtml | string {
  const notice = ctx.m.editions && editionNotice(ctx.m.editions, ctx.lang);
  return notice ? html`<p class="edition-notice" data-testid="edition-notice">${notice}</p>` : '';
}

/**
 * The report's one baseline, named, and compliance since then (issue 27): the executive summary
 * and the comparison section say the same two sentences.
 */
function baselinePoints(ctx: Ctx): string[] {
  const { m, t, lang } = ctx;
  const c = m.comparison;
  if (!c) return [t('baselineNone')];
  const snapshot = describeSnapshot(c.fromSnapshot, lang, formatDate);
  return [
    t(c.chosen === 'asked' ? 'baselineAsked' : 'baselineAutomatic', { snapshot }),
    t('verdictTrend', {
      date: formatDate(c.fromSnapshot.startedAt, lang),
      before: pctText(ctx, c.fromCompliancePct),
      after: pctText(ctx, m.totals.compliancePct),
    }),
  ];
}

function kpi(label: string, value: string, sub: string): RawHtml {
  return html`<div class="kpi">
    <div class="label">${label}</div>
    <div class="value">${value}</div>
    <div class="sub">${sub}</div>
  </div>`;
}

function scopeStatus(ctx: Ctx, status: 'ok' | 'failed' | 'cancelled' | null): string {
  if (status === null) return ctx.t('scopeMissing');
  return ctx.t(status === 'ok' ? 'scopeOk' : status === 'failed' ? 'scopeFailed' : 'scopeCancelled');
}

function scope(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  return html`<section id="scope">
    <h2>${t('secScope')}</h2>
    <h3>${t('scopesFailedHeading')}</h3>
    ${
      m.failedScopes.length
        ? html`<table>
              <thead>
                <tr>
                  <th>${columnShortTitle('accountId', lang)}</th>
                  <th>${columnShortTitle('region', lang)}</th>
                  <th>${t('status')}</th>
                  <th>${t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                ${m.failedScopes.map(
                  (s) =>
                    html`<tr class="failed-scope">
                      <td class="mono">${s.accountId}</td>
                      <td class="mono">${scopeRegionText(s.region, lang)}</td>
                      <td>${scopeStatus(ctx, s.status)}</td>
                      <td>${scopeErrorText(s, ctx.lang)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            ${m.failedScopes.some((s) => s.region === null) ? html`<p class="small">${t('scopeAccountLevelNote')}</p>` : ''}`
        : html`<p>${t('scopesFailedNone')}</p>`
    }
    <h3>${t('gapsHeading')}</h3>
    ${
      m.gaps.length
        ? html`<table>
            <thead>
              <tr>
                <th>${columnShortTitle('accountId', lang)}</th>
                <th>${columnShortTitle('region', lang)}</th>
                <th>${t('sources')}</th>
              </tr>
            </thead>
            <tbody>
              ${m.gaps.flatMap((g) =>
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
              )}
            </tbody>
          </table>`
        : html`<p>${t('gapsNone')}</p>`
    }
    <p class="muted small">${t('gapsNote')}</p>
  </section>`;
}

function sourceRefs(ctx: Ctx, rule: RuleId): string {
  const refs = ctx.m.rules.find((r) => r.rule === rule)?.sources ?? [];
  return [...new Set(refs.map((r) => r.rule))].join(', ');
}

function ruleTable(ctx: Ctx, rules: ReportModel['rules']): RawHtml {
  const { t, lang } = ctx;
  return html`<table>
    <thead>
      <tr>
        <th>${t('rule')}</th>
        <th>${t('source')}</th>
        ${STATUS_ORDER.map((s) => html`<th class="num cap">${statusWord(s, lang)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rules.map(
        (r) =>
          html`<tr>
            <td>${r.title}<br /><span class="mono muted">${r.rule}</span></td>
            <td class="nowrap">${sourceRefs(ctx, r.rule) || '—'}</td>
            ${STATUS_ORDER.map((s) =>
              r[s] > 0 ? html`<td class="num status-${s}">${formatInt(r[s], lang)}</td>` : html`<td class="num muted">0</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function exampleTable(ctx: Ctx, examples: readonly FindingRef[]): RawHtml {
  const { t, lang } = ctx;
  return html`<table>
    <thead>
      <tr>
        <th style="width:24%">${t('node')}</th>
        <th style="width:18%">${columnShortTitle('accountId', lang)} / ${columnShortTitle('region', lang)}</th>
        <th style="width:9%">${t('status')}</th>
        <th>${t('finding')}</th>
      </tr>
    </thead>
    <tbody>
      ${examples.map(
        (e) =>
          html`<tr>
            <td>${nodeName(e)}<br /><span class="mono muted small">${e.instanceId}</span></td>
            <td class="mono small">${e.accountId}<br />${e.region}</td>
            ${statusCell(ctx, e.status)}
            <td>${messageFor(e, ctx.lang)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function readiness(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const block = (r: ReportModel['rules'][number]): RawHtml =>
    html`<div class="rule-block">
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
  return html`<section class="page" id="readiness">
    <h2>${t('secReadiness')}</h2>
    <p>${t('readinessIntro')}</p>
    <h3>${t('prerequisites')}</h3>
    ${ruleTable(
      ctx,
      m.rules.filter((r) => r.prerequisite),
    )}
    ${m.rules.filter((r) => r.prerequisite).map(block)}
    <h3>${t('operational')}</h3>
    ${ruleTable(
      ctx,
      m.rules.filter((r) => !r.prerequisite),
    )}
    ${m.rules.filter((r) => !r.prerequisite).map(block)}
  </section>`;
}

/** Verified ready, a share of the managed nodes, with the nodes not verified beside it. */
function readyKpi(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const figures = figureValues(m.figures);
  return kpi(
    figureText(ctx, 'readyNodes').label,
    formatPct(figureShare(figures, 'readyNodes'), lang),
    `${formatInt(m.totals.ready, lang)} / ${figureText(ctx, 'managedNodes').count} · ${t('notVerifiedCount', { count: formatInt(m.totals.unverified, lang) })}`,
  );
}

/** Compliance, a share of the nodes that reported a patch state, with those that did not beside it. */
function compliantKpi(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  return kpi(
    figureText(ctx, 'compliantNodes').label,
    pctText(ctx, figureShare(figureValues(m.figures), 'compliantNodes')),
    `${formatInt(tot.compliant, lang)} / ${t('ofReported', { reported: formatInt(tot.patchReported, lang) })} · ${t('notReportedCount', {
      count: formatInt(tot.nodes - tot.patchReported, lang),
    })}`,
  );
}

/** Nodes and patches are different units: both, each with its own ("164 nodes · 330 critical patches"). */
function criticalKpi(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  return kpi(
    figureText(ctx, 'nodesMissingCritical').label,
    tot.patchRead === 0 ? t('unknownValue') : figureText(ctx, 'nodesMissingCritical').count,
    tot.patchRead === 0 ? overRead(ctx, tot) : t('criticalPatchesCount', { count: formatInt(tot.missingCritical ?? 0, lang) }),
  );
}

function bar(pct: number | null): RawHtml {
  const width = Math.max(0, Math.min(100, pct ?? 0)).toFixed(1);
  return html`<div class="bar"><span style="width:${width}%"></span></div>`;
}

function compliance(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const tot = m.totals;
  return html`<section class="page" id="compliance">
    <h2>${t('secCompliance')}</h2>
    <p>${t('complianceIntro')}</p>
    <div class="kpis four">
      ${compliantKpi(ctx)}
      ${kpi(
        figureText(ctx, 'nonCompliantNodes').label,
        figureText(ctx, 'nonCompliantNodes').count,
        t('ofReported', { reported: formatInt(tot.patchReported, lang) }),
      )}
      ${kpi(
        t('missingCritical'),
        tot.missingCritical === null ? t('unknownValue') : `${formatInt(tot.nodesMissingCritical, lang)} ${t('nodesWith')}`,
        tot.missingCritical === null ? overRead(ctx, tot) : `${formatInt(tot.missingCritical, lang)} ${t('patchCountsTotal')}`,
      )}
      ${kpi(
        t('missingSecurity'),
        tot.missingSecurity === null ? t('unknownValue') : `${formatInt(tot.nodesMissingSecurity, lang)} ${t('nodesWith')}`,
        tot.missingSecurity === null ? overRead(ctx, tot) : `${formatInt(tot.missingSecurity, lang)} ${t('patchCountsTotal')}`,
      )}
      ${kpi(t('notScanned'), formatInt(tot.notScanned, lang), overRead(ctx, tot) || t('ofNodes', { total: formatInt(tot.nodes, lang) }))}
      ${kpi(t('staleScans', { days: m.snapshot.scanAgeDays }), formatInt(tot.staleScan, lang), overRead(ctx, tot) || t('ofNodes', { total: formatInt(tot.nodes, lang) }))}
      ${kpi(t('pendingReboot'), formatInt(tot.pendingReboot, lang), overRead(ctx, tot) || t('ofNodes', { total: formatInt(tot.nodes, lang) }))}
      ${kpi(t('kpiOnline'), formatInt(tot.online, lang), t('ofNodes', { total: formatInt(tot.nodes, lang) }))}
    </div>
    <h3>${t('byAccount')}</h3>
    <table>
      <thead>
        <tr>
          <th>${columnShortTitle('accountId', lang)}</th>
          <th class="num">${t('nodes')}</th>
          <th class="num">${t('compliantPct')}</th>
          <th style="width:30%"></th>
          <th class="num">${t('critical')}</th>
          <th class="num">${t('security')}</th>
        </tr>
      </thead>
      <tbody>
        ${m.accounts.map(
          (a) =>
            html`<tr>
              <td class="mono">${a.accountId}</td>
              ${num(ctx, a.nodes)}
              <td class="num">${pctText(ctx, a.compliancePct)}</td>
              <td>${bar(a.compliancePct)}</td>
              ${num(ctx, a.missingCritical)}${num(ctx, a.missingSecurity)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${patchUnknown(ctx)}
  </section>`;
}

/** Where compliance is unknown, and why: the nodes the figures above leave out. */
function patchUnknown(ctx: Ctx): RawHtml | string {
  const { m, t, lang } = ctx;
  if (!m.patchUnknown.length) return '';
  return html`<h3>${t('patchUnknownHeading')}</h3>
    <table>
      <thead>
        <tr>
          <th>${columnShortTitle('accountId', lang)}</th>
          <th>${columnShortTitle('region', lang)}</th>
          <th class="num">${t('nodes')}</th>
          <th>${t('reason')}</th>
        </tr>
      </thead>
      <tbody>
        ${m.patchUnknown.map(
          (u) =>
            html`<tr>
              <td class="mono">${u.accountId}</td>
              <td class="mono">${u.region}</td>
              <td class="num">${formatInt(u.nodes, lang)}</td>
              <td>${u.reason ? scopeErrorText(u.reason, lang) : t('patchUnknownNoReason')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted small">${t('patchUnknownNote')}</p>`;
}

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

function patches(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const { totals, patches: top, cves } = m.missingPatches;
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
    ${patchesUnknown(ctx)}
    ${
      top.length
        ? html`<h3>${t('topPatches')}</h3>
            <table>
              <thead>
                <tr>
                  <th style="width:3%">#</th>
                  <th style="width:31%">${t('patch')}</th>
                  <th style="width:12%">${t('classification')}</th>
                  <th style="width:9%">${t('severity')}</th>
                  <th class="num">${t('nodes')}</th>
                  <th class="num">${t('accounts')}</th>
                  <th style="width:26%">${t('cveIds')}</th>
                </tr>
              </thead>
              <tbody>
                ${top.map(
                  (p, i) =>
                    html`<tr>
                      <td class="num">${i + 1}</td>
                      <td>${p.title}<br /><span class="mono muted small">${p.kbId}</span></td>
                      <td class="nowrap">${p.classification ?? '—'}</td>
                      <td class="nowrap">${p.severity ?? '—'}</td>
                      ${num(ctx, p.nodes)}${num(ctx, p.accounts)}
                      <td class="small mono-list">${p.cveIds.length ? idList(ctx, p.cveIds, ROW_CVES) : '—'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
        : totals.read > 0
          ? html`<p>${t('patchesNone')}</p>`
          : ''
    }
    ${
      cves.length
        ? html`<h3>${t('topCves')}</h3>
            <table>
              <thead>
                <tr>
                  <th style="width:3%">#</th>
                  <th>${t('cveId')}</th>
                  <th>${t('severity')}</th>
                  <th class="num">${t('nodes')}</th>
                  <th class="num">${t('accounts')}</th>
                  <th style="width:40%">${t('fixedBy')}</th>
                </tr>
              </thead>
              <tbody>
                ${cves.map(
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
                )}
              </tbody>
            </table>`
        : ''
    }
    <p class="muted small">${t('patchesNote')}</p>
  </section>`;
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

function trends(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const points = m.trends;
  if (points.length < 2) {
    return html`<section id="trends">
      <h2>${t('secTrends')}</h2>
      <p class="muted">${t('trendsSingle')}</p>
    </section>`;
  }
  const xLabels = points.map((p) => formatDate(p.startedAt, lang));
  const partial = { partial: points.map((p) => partialNote(p, lang)), partialLabel: t('chartPartial') };
  const charts = [
    lineChart({
      title: t('chartReadiness'),
      xLabels,
      ...partial,
      yMax: 100,
      yFormat: (v) => `${v}%`,
      series: [
        { label: t('kpiReady'), color: PALETTE[0], values: points.map(readyPct) },
        { label: t('kpiCompliant'), color: PALETTE[2], values: points.map((p) => p.compliancePct), dashed: true },
      ],
    }),
    lineChart({
      title: t('chartPrereq'),
      xLabels,
      ...partial,
      series: PREREQUISITE_RULE_IDS.map((rule, i) => ({
        label: ruleTitle(rule, lang),
        color: PALETTE[i % PALETTE.length]!,
        values: points.map((p) => p.rules[rule]?.fail ?? 0),
      })),
    }),
    lineChart({
      title: t('chartNodes'),
      xLabels,
      ...partial,
      series: [
        { label: t('kpiNodes'), color: PALETTE[0], values: points.map((p) => p.nodes) },
        // Dashed, so the nodes line shows through where every node is ready (SVG draws it beneath).
        { label: FIGURES.readyNodes.label[lang], color: PALETTE[2], values: points.map((p) => p.ready), dashed: true },
        { label: t('nonCompliantNodes'), color: PALETTE[1], values: points.map((p) => p.nonCompliant), dashed: true },
      ],
    }),
  ];
  return html`<section class="page" id="trends">
    <h2>${t('secTrends')}</h2>
    ${charts}
    <h3>${t('trendTable')}</h3>
    <table>
      <thead>
        <tr>
          <th>${t('snapshot')}</th>
          <th>${t('date')}</th>
          <th class="num">${t('nodes')}</th>
          <th class="num">${FIGURES.readyNodes.label[lang]}</th>
          <th class="num">${t('compliance')}</th>
          <th class="num">${t('failedPrereqChecks')}</th>
          <th class="num">${FIGURES.nodesMissingCritical.label[lang]}</th>
          <th class="num">${FIGURES.missingCriticalPatches.label[lang]}</th>
        </tr>
      </thead>
      <tbody>
        ${points.map(
          (p) =>
            html`<tr>
              <td>#${p.snapshotId}${partialCell(p, lang)}</td>
              <td>${formatDate(p.startedAt, lang)}</td>
              ${num(ctx, p.nodes)}${num(ctx, p.ready)}
              <td class="num">${pctText(ctx, p.compliancePct)}</td>
              ${num(
                ctx,
                PREREQUISITE_RULE_IDS.reduce((n, rule) => n + (p.rules[rule]?.fail ?? 0), 0),
              )}${num(ctx, p.patchRead > 0 ? p.nodesMissingCritical : null)}${num(ctx, p.missingCritical)}
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** Under a history row's snapshot, what a partial audit lacked (issue 27). */
function partialCell(p: TrendPoint, lang: Lang): RawHtml | string {
  const note = partialNote(p, lang);
  return note ? html`<br /><span class="muted small partial-note">× ${note}</span>` : '';
}

/** Checks whose status changed, one row per node and rule; `total` counts those the list leaves out. */
function checkChanges(ctx: Ctx, list: readonly CheckChange[], total: number, [before, after]: readonly [string, string]): RawHtml {
  const { t, lang } = ctx;
  return html`<table>
      <thead>
        <tr>
          <th>${t('node')}</th>
          <th>${columnShortTitle('accountId', lang)} / ${columnShortTitle('region', lang)}</th>
          <th>${t('rule')}</th>
          <th>${before}</th>
          <th>${after}</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (x) =>
            html`<tr>
              <td>${nodeName(x)}<br /><span class="mono muted small">${x.instanceId}</span></td>
              <td class="mono small">${x.accountId}<br />${x.region}</td>
              <td>${ruleTitle(x.rule, lang)}</td>
              ${x.before ? statusCell(ctx, x.before) : html`<td>—</td>`}${x.after ? statusCell(ctx, x.after) : html`<td>—</td>`}
            </tr>`,
        )}
      </tbody>
    </table>
    ${total > list.length ? html`<p class="muted small">${t('andMore', { count: formatInt(total - list.length, lang) })}</p>` : ''}`;
}

/** Platforms listed in the editions section; the rest are counted. */
const EDITION_PLATFORM_ROWS = 15;

/** Issue 18: the same facts under the current AWS page, so a client citing either page sees both answers. */
function editions(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const e = m.editions;
  if (!e)
    return html`<section id="editions">
      <h2>${t('secEditions')}</h2>
      <p class="muted">${t(m.catalog.known ? 'editionsSame' : 'editionsUnknown', { edition: editionName(m.catalog.id, lang) })}</p>
    </section>`;
  const shareOfNodes = (ready: number): string => formatPct(pctOf(ready, e.totals.nodes), lang);
  type Group = Omit<(typeof e.byPlatform)[number], 'platform'> & { name: string };
  const groupTable = (title: string, firstHeader: string, rows: readonly Group[]): RawHtml =>
    html`<h3>${title}</h3>
      <table>
        <thead>
          <tr>
            <th>${firstHeader}</th>
            <th class="num">${t('affected')}</th>
            <th class="num">${t('nodesChanging')}</th>
            <th class="num">${t('readyUnder', { edition: editionName(e.from, ctx.lang) })}</th>
            <th class="num">${t('readyUnder', { edition: editionName(e.to, ctx.lang) })}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <td>${row.name}</td>
                ${num(ctx, row.nodes)}${num(ctx, row.changedNodes)}${num(ctx, row.readyBefore)}${num(ctx, row.readyAfter)}
              </tr>`,
          )}
        </tbody>
      </table>`;
  const platforms = e.byPlatform.map(({ platform, ...counts }) => ({ name: platform, ...counts }));
  const accounts = e.byAccount.map(({ accountId, ...counts }) => ({ name: accountId, ...counts }));
  return html`<section class="page" id="editions">
    <h2>${t('secEditions')}</h2>
    <p>${t('editionsIntro', { from: editionName(e.from, lang), to: editionName(e.to, lang), title: e.toCatalog.title?.[lang] ?? e.to })}</p>
    <div class="kpis">
      ${kpi(t('readyUnder', { edition: editionName(e.from, ctx.lang) }), formatInt(e.totals.readyBefore, lang), shareOfNodes(e.totals.readyBefore))}
      ${kpi(t('readyUnder', { edition: editionName(e.to, ctx.lang) }), formatInt(e.totals.readyAfter, lang), shareOfNodes(e.totals.readyAfter))}
      ${kpi(t('nodesChanging'), formatInt(e.totals.changedNodes, lang), t('ofNodes', { total: formatInt(e.totals.nodes, lang) }))}
      ${kpi(t('checksChanging'), formatInt(e.totals.changedChecks, lang), '')}
    </div>
    ${
      e.byRule.length
        ? html`<h3>${t('byRule')}</h3>
            <table>
              <thead>
                <tr>
                  <th>${t('rule')}</th>
                  <th class="num">${t('checksChanging')}</th>
                  <th>${t('changes')}</th>
                </tr>
              </thead>
              <tbody>
                ${e.byRule.map(
                  (r) =>
                    html`<tr>
                      <td>${ruleTitle(r.rule, lang)}</td>
                      ${num(ctx, r.changed)}
                      <td>
                        ${r.transitions.map(
                          (x) =>
                            html`<span class="nowrap"
                                ><span class="status-${x.before}">${statusWord(x.before, lang)}</span> →
                                <span class="status-${x.after}">${statusWord(x.after, lang)}</span> ${formatInt(x.nodes, lang)}</span
                              ><br />`,
                        )}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
            ${groupTable(t('byPlatform'), t('platform'), platforms.slice(0, EDITION_PLATFORM_ROWS))}
            ${
              platforms.length > EDITION_PLATFORM_ROWS
                ? html`<p class="muted small">${t('andMore', { count: formatInt(platforms.length - EDITION_PLATFORM_ROWS, lang) })}</p>`
                : ''
            }
            ${groupTable(t('byAccount'), columnShortTitle('accountId', lang), accounts)}
            <h3>${t('editionsChangesList')}</h3>
            ${checkChanges(ctx, e.changes, e.totals.changedChecks, [editionName(e.from, lang), editionName(e.to, lang)])}`
        : html`<p>${t('noEditionChanges', { edition: editionName(e.to, lang) })}</p>`
    }
  </section>`;
}

function comparison(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  const c = m.comparison;
  if (!c)
    return html`<section id="comparison">
      <h2>${t('secComparison')}</h2>
      <p class="muted">${t('baselineNone')}</p>
    </section>`;
  const changeRows = (list: typeof c.regressions, total: number): RawHtml => checkChanges(ctx, list, total, [t('before'), t('after')]);
  return html`<section class="page" id="comparison">
    <h2>${t('secComparison')}</h2>
    <p data-baseline="${c.fromSnapshot.id}">${baselinePoints(ctx).join(' ')}</p>
    <div class="kpis">
      ${kpi(t('added'), formatInt(c.totals.added, lang), '')} ${kpi(t('removed'), formatInt(c.totals.removed, lang), '')}
      ${kpi(t('fixed'), formatInt(c.totals.fixed, lang), '')} ${kpi(t('regressions'), formatInt(c.totals.regressions, lang), '')}
      ${kpi(t('newFailures'), formatInt(c.totals.newFailures, lang), '')}
    </div>
    <table>
      <thead>
        <tr>
          <th>${columnShortTitle('accountId', lang)}</th>
          <th>${columnShortTitle('region', lang)}</th>
          <th class="num">${t('added')}</th>
          <th class="num">${t('removed')}</th>
          <th class="num">${t('fixed')}</th>
          <th class="num">${t('regressions')}</th>
          <th class="num">${t('newFailures')}</th>
        </tr>
      </thead>
      <tbody>
        ${c.byArea.map(
          (a) =>
            html`<tr>
              <td class="mono">${a.accountId}</td>
              <td class="mono">${a.region}</td>
              ${num(ctx, a.added)}${num(ctx, a.removed)}${num(ctx, a.fixed)}${num(ctx, a.regressions)}${num(ctx, a.newFailures)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      c.regressions.length
        ? html`<h3>${t('regressionsList')}</h3>
            ${changeRows(c.regressions, c.totals.regressions)}`
        : ''
    }
    ${
      c.fixed.length
        ? html`<h3>${t('fixedList')}</h3>
            ${changeRows(c.fixed, c.totals.fixed)}`
        : ''
    }
  </section>`;
}

function areas(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  return html`<section class="page" id="areas">
    <h2>${t('secAreas')}</h2>
    <h3>${t('byAccount')}</h3>
    <table>
      <thead>
        <tr>
          <th>${columnShortTitle('accountId', lang)}</th>
          <th class="num">${t('regionsCount')}</th>
          <th class="num">${t('nodes')}</th>
          <th class="num">${t('online')}</th>
          <th class="num">${t('compliantPct')}</th>
          <th class="num">${t('failingPrereq')}</th>
          <th class="num">${t('critical')}</th>
          <th class="num">${t('security')}</th>
        </tr>
      </thead>
      <tbody>
        ${m.accounts.map(
          (a) =>
            html`<tr>
              <td class="mono">${a.accountId}</td>
              ${num(ctx, a.regions)}${num(ctx, a.nodes)}${num(ctx, a.online)}
              <td class="num">${pctText(ctx, a.compliancePct)}</td>
              ${num(ctx, a.notReady)}${num(ctx, a.missingCritical)}${num(ctx, a.missingSecurity)}
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>${t('byArea')}</h3>
    <table>
      <thead>
        <tr>
          <th>${columnShortTitle('accountId', lang)}</th>
          <th>${columnShortTitle('region', lang)}</th>
          <th>${t('status')}</th>
          <th class="num">${t('nodes')}</th>
          <th class="num">${t('online')}</th>
          <th class="num">${t('compliantPct')}</th>
          <th class="num">${t('failingPrereq')}</th>
          <th class="num">${t('critical')}</th>
          <th class="num">${t('security')}</th>
        </tr>
      </thead>
      <tbody>
        ${m.areas.map(
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
        )}
      </tbody>
    </table>
    <p class="muted small">${t('missingPatchesNote')}</p>
  </section>`;
}

function findings(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  return html`<section class="page" id="findings">
    <h2>${t('secFindings')}</h2>
    ${
      m.topFindings.length
        ? html`<table>
            <thead>
              <tr>
                <th style="width:3%">#</th>
                <th style="width:19%">${t('rule')}</th>
                <th class="num" style="width:7%">${t('affected')}</th>
                <th style="width:35%">${t('finding')} (${t('example')})</th>
                <th>${t('remediation')}</th>
              </tr>
            </thead>
            <tbody>
              ${m.topFindings.map((f, i) => {
                const check = { code: f.example.code, params: f.example.params };
                return html`<tr>
                  <td class="num">${i + 1}</td>
                  <td>
                    ${ruleTitle(f.rule, lang)}<br /><span class="status-${f.status} small">${statusWord(f.status, lang)}</span>
                    <span class="mono muted small">${f.rule}</span>
                  </td>
                  ${num(ctx, f.nodes)}
                  <td>
                    ${messageFor(check, lang)}<br /><span class="muted small"
                      >${t('example')}: ${nodeName(f.example)} (${f.example.accountId} ${f.example.region})</span
                    >
                  </td>
                  <td>${remediationFor(check, lang) ?? '—'}</td>
                </tr>`;
              })}
            </tbody>
          </table>`
        : html`<p>${t('noFindings')}</p>`
    }
  </section>`;
}

/** How the method section names what the appendix holds: nothing when the section is not printed. */
function appendixMode(ctx: Ctx): string {
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

function appendix(ctx: Ctx): RawHtml {
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
  const head = html`<thead>
    <tr>
      <th style="width:12%">${columnShortTitle('instanceId', lang)}</th>
      <th style="width:11%">${columnShortTitle('name', lang)}</th>
      <th style="width:11%">${columnShortTitle('platform', lang)}</th>
      <th style="width:7.5%">${columnShortTitle('agentVersion', lang)}</th>
      <th style="width:8%">${columnShortTitle('pingStatus', lang)}</th>
      <th style="width:15%">${t('appendixPatches')}</th>
      ${RULE_IDS.map((_, i) => html`<th class="mark">${i + 1}</th>`)}
    </tr>
  </thead>`;
  // One table per account and region: Chromium lays out and paginates several tables of a few
  // thousand rows markedly faster than one table of the whole fleet. Account and region head
  // each table instead of filling two columns on every row.
  const groups: (typeof m.nodes)[] = [];
  for (const n of m.nodes) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && prev.accountId === n.accountId && prev.region === n.region) last.push(n);
    else groups.push([n]);
  }
  return html`<section class="page" id="appendix">
    <h2>${heading}</h2>
    <p class="appendix-caption">${caption}</p>
    <p class="legend-line">${t('legend')}: ${legend}</p>
    <p class="legend-line">${t('ruleColumns')}: ${columns}</p>
    ${groups.map(
      (group) =>
        html`<div class="appendix-group">
          <table class="appendix">
            ${head}
            <tbody>
              <tr class="group">
                <th colspan="${6 + RULE_IDS.length}">
                  ${columnShortTitle('accountId', lang)} <span class="mono">${group[0]!.accountId}</span> —
                  ${columnShortTitle('region', lang)}
                  <span class="mono">${group[0]!.region}</span>
                </th>
              </tr>
              ${group.map(
                (n) =>
                  html`<tr>
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
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`,
    )}
  </section>`;
}

function method(ctx: Ctx): RawHtml {
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

const RENDERERS: Record<ReportSection, (ctx: Ctx) => RawHtml> = {
  cover,
  summary,
  scope,
  readiness,
  editions,
  compliance,
  patches,
  trends,
  comparison,
  areas,
  findings,
  appendix,
  method,
};

export function reportTitle(model: ReportModel, lang: Lang): string {
  const t = labelsFor(lang);
  return `${t('reportTitle')} — ${model.snapshot.client ?? formatDate(model.snapshot.startedAt, lang)}`;
}

export function renderReportHtml(model: ReportModel, options: RenderOptions): string {
  const wanted = new Set(options.sections ?? REPORT_SECTIONS);
  // A comparison section without a chosen snapshot, or an editions section for a snapshot already
  // judged under the current page, says so only when asked for explicitly.
  if (!options.sections && !model.comparison) wanted.delete('comparison');
  if (!options.sections && !model.editions) wanted.delete('editions');
  const ctx: Ctx = { m: model, lang: options.lang, t: labelsFor(options.lang), appendixPrinted: wanted.has('appendix') };
  const body = REPORT_SECTIONS.filter((s) => wanted.has(s)).map((s) => RENDERERS[s](ctx));
  return `<!doctype html>${
    html`<html lang="${options.lang}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
        <title>${reportTitle(model, options.lang)}</title>
        <style>
          ${raw(reportCss(options.lang))}
        </style>
      </head>
      <body class="paper-${options.paper}">
        ${body}
      </body>
    </html>`.html
  }`;
}
