import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_NAMES, HOSTILE_PATCH_TITLE, reportStore } from '../../../test/integration/report/reportStore';
import { FIGURES } from '../../../shared/figures';
import { describeSnapshot } from '../../../shared/snapshotDescription';
import { formatDate, formatInt, labelsFor } from './labels';
import { pageTemplates } from './printer';
import { buildReportModel } from './reportModel';
import { renderReportHtml, REPORT_SECTIONS } from './renderReportHtml';

describe('renderReportHtml', () => {
  const { store, ids } = reportStore(40);
  afterAll(() => store.close());
  const model = buildReportModel(store, ids[2]!, { lang: 'ja', compareTo: ids[0]!, now: () => new Date('2026-04-01T00:00:00Z') });
  const ja = renderReportHtml(model, { lang: 'ja', paper: 'a4' });
  const en = renderReportHtml(model, { lang: 'en', paper: 'letter' });

  it('escapes every value from the data: markup in a node name or client never becomes markup', () => {
    for (const doc of [ja, en]) {
      expect(doc).not.toContain('<script');
      expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(doc).toContain('Example &lt;Client&gt; 株式会社');
      expect(doc).toContain('&lt;AccessDenied&gt;');
      expect(doc).toContain(HOSTILE_NAMES[2]);
    }
    const { headerTemplate } = pageTemplates(model, 'en');
    expect(headerTemplate).toContain('Example &lt;Client&gt;');
    expect(headerTemplate).not.toContain('<Client>');
  });

  it('is self-contained: no script, no remote resource, a CSP that forbids both', () => {
    for (const doc of [ja, en]) {
      expect(doc).not.toMatch(/<script|<link|src="http|url\(/i);
      expect(doc).toContain(`content="default-src 'none'`);
      expect(doc).toMatch(/<svg [^>]*viewBox/);
    }
  });

  it('renders every section in the language asked for, whatever the model language', () => {
    for (const [doc, lang] of [
      [ja, 'ja'],
      [en, 'en'],
    ] as const) {
      const t = labelsFor(lang);
      expect(doc).toContain(`<html lang="${lang}">`);
      for (const key of [
        'secSummary',
        'secScope',
        'secCoverage',
        'secReadiness',
        'secEditions',
        'secCompliance',
        'secPatches',
        'secTrends',
        'secComparison',
        'secAreas',
        'secFindings',
        'secAppendix',
        'secMethod',
      ] as const) {
        expect(doc).toContain(t(key));
      }
    }
    expect(en).toContain('older than the minimum 2.0.834.0');
    expect(ja).toContain('最低バージョン 2.0.834.0 より古いです');
    expect(en).not.toContain('エグゼクティブサマリー');
    expect(ja).toContain("'Noto Sans CJK JP'");
  });

  it('ranks the missing patches and CVEs, escapes a hostile patch title, and says what could not be read', () => {
    expect(model.missingPatches.patches.map((p) => p.title)).toContain(HOSTILE_PATCH_TITLE);
    for (const [doc, lang] of [
      [ja, 'ja'],
      [en, 'en'],
    ] as const) {
      const t = labelsFor(lang);
      const section = doc.slice(doc.indexOf('<section class="page" id="patches">'), doc.indexOf('<section class="page" id="trends">'));
      expect(section).toContain(t('topPatches'));
      expect(section).toContain(t('topCves'));
      expect(section).toContain('&lt;script&gt;alert(&quot;patch&quot;)&lt;/script&gt;');
      expect(section).toMatch(/CVE-\d{4}-\d+/);
      expect(section).toContain(t('patchesReason_denied'));
    }
  });

  it("names each node's missing patches in the appendix, and unknown where they were not read", () => {
    const appendix = en.slice(en.indexOf('<section class="page" id="appendix">'));
    expect(appendix).toContain(labelsFor('en')('appendixPatches'));
    expect(appendix).toMatch(/KB\d+[^<]*· \d+ CVE/);
    const denied = model.nodes.filter((n) => 'unknown' in n.patches);
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((n) => n.accountId === '222222222222' && n.region === 'us-east-1')).toBe(true);
  });

  it('lists every node in the appendix and every audit in the history', () => {
    for (const node of model.nodes) expect(en).toContain(node.instanceId);
    expect((en.match(/<polyline\s/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('says what the appendix holds: every node, only those not ready or not verified, or none, in both languages', () => {
    const appendixOf = (doc: string) => doc.slice(doc.indexOf('id="appendix"'), doc.indexOf('id="method"'));
    const methodOf = (doc: string) => doc.slice(doc.indexOf('id="method"'));
    const tot = model.totals;
    const same = { lang: 'ja', compareTo: ids[0]!, now: () => new Date('2026-04-01T00:00:00Z') } as const;
    const short = buildReportModel(store, ids[2]!, { ...same, appendix: 'not-ready' });
    const none = buildReportModel(store, ids[2]!, { ...same, appendix: 'none' });
    const listed = new Set(short.nodes.map((n) => n.instanceId));
    expect(listed.size).toBe(tot.notReady + tot.unverified);
    expect(listed.size).toBeLessThan(tot.nodes);
    for (const lang of ['en', 'ja'] as const) {
      const t = labelsFor(lang);
      const n = (value: number) => formatInt(value, lang);
      const counts = {
        listed: n(listed.size),
        total: n(tot.nodes),
        notReady: n(tot.notReady),
        unverified: n(tot.unverified),
        rest: n(tot.nodes - tot.notReady - tot.unverified),
      };

      const all = renderReportHtml(model, { lang, paper: 'a4' });
      expect(appendixOf(all)).toContain(`<h2>${t('secAppendix')}</h2>`);
      expect(appendixOf(all)).toContain(t('appendixAll', counts));
      expect(methodOf(all)).toContain(`<dd>${t('appendixModeAll', counts)}</dd>`);

      const filtered = renderReportHtml(short, { lang, paper: 'a4' });
      const appendix = appendixOf(filtered);
      expect(appendix).toContain(`<h2>${t('secAppendixNotReady', counts)}</h2>`);
      expect(appendix).toContain(t('appendixNotReady', counts));
      expect(methodOf(filtered)).toContain(`<dd>${t('appendixModeNotReady', counts)}</dd>`);
      // Exactly the listed nodes have a row; the others appear nowhere in the appendix.
      const rows = [...appendix.matchAll(/<tr>\s*<td class="mono">([^<]+)<\/td>/g)].map((match) => match[1]);
      expect(new Set(rows)).toEqual(listed);
      expect(rows).toHaveLength(listed.size);
      // The summary still counts the whole fleet.
      const summary = (doc: string) => doc.slice(doc.indexOf('id="summary"'), doc.indexOf('id="scope"'));
      expect(summary(filtered)).toBe(summary(all));

      const omitted = renderReportHtml(none, { lang, paper: 'a4' });
      expect(appendixOf(omitted)).toContain(`<h2>${t('secAppendixNone')}</h2>`);
      expect(appendixOf(omitted)).toContain(t('appendixNone', counts));
      expect(omitted).not.toContain('<table class="appendix">');
      expect(methodOf(omitted)).toContain(`<dd>${t('appendixModeNone')}</dd>`);
      // Sections without the appendix: the method section does not claim a node list.
      const withoutAppendix = renderReportHtml(model, { lang, paper: 'a4', sections: ['summary', 'method'] });
      expect(methodOf(withoutAppendix)).toContain(`<dd>${t('appendixModeNone')}</dd>`);
    }
    expect(labelsFor('en')('secAppendixNotReady', { listed: '312', total: '10,000' })).toBe(
      'Appendix: 312 of 10,000 nodes — only those not ready or not verified',
    );
  });

  it('includes only the sections asked for, and no comparison section without a comparison', () => {
    const summaryOnly = renderReportHtml(model, { lang: 'en', paper: 'a4', sections: ['summary'] });
    expect(summaryOnly).toContain('id="summary"');
    expect(summaryOnly).not.toContain('id="appendix"');
    const noCompare = renderReportHtml(buildReportModel(store, ids[2]!, { lang: 'en' }), { lang: 'en', paper: 'a4' });
    expect(noCompare).not.toContain('id="comparison"');
    const withoutEditions = renderReportHtml({ ...model, editions: null }, { lang: 'en', paper: 'a4' });
    expect(withoutEditions).not.toContain('id="editions"');
    const current = { ...model, editions: null, catalog: { ...model.catalog, id: 'aws-2026-11' } };
    const askedFor = renderReportHtml(current, { lang: 'ja', paper: 'a4', sections: ['editions'] });
    expect(askedFor).toContain(labelsFor('ja')('editionsSame', { edition: 'AWSのページ（2026年11月）' }));
    // An edition this version does not know is not "the current page": the report says which it is.
    const unknown = { ...model, editions: null, catalog: { id: 'aws-2099-01', known: false } };
    const unknownHtml = renderReportHtml(unknown, { lang: 'en', paper: 'a4', sections: ['editions'] });
    expect(unknownHtml).toContain(labelsFor('en')('editionsUnknown', { edition: 'aws-2099-01' }));
    expect(REPORT_SECTIONS.every((s) => s === 'cover' || en.includes(`id="${s}"`))).toBe(true);
  });

  it('shows the ready nodes of every audit in the trends, charted and in the history table', () => {
    for (const [doc, lang] of [
      [ja, 'ja'],
      [en, 'en'],
    ] as const) {
      const t = labelsFor(lang);
      const trends = doc.slice(doc.indexOf('id="trends"'), doc.indexOf('</section>', doc.indexOf('id="trends"')));
      expect(trends).toContain(t('chartReadiness'));
      expect(trends).toContain(`<th class="num">${FIGURES.readyNodes.label[lang]}</th>`);
      for (const p of model.trends) {
        expect(trends).toMatch(
          new RegExp(
            `<td>#${p.snapshotId}(?:<br /><span [^>]*>[^<]*</span>)?</td>\\s*<td>[^<]*</td>\\s*<td class="num">[^<]*</td>\\s*<td class="num">${formatInt(p.ready, lang)}</td>`,
          ),
        );
      }
    }
    expect(model.trends.some((p) => p.ready > 0 && p.ready < p.nodes)).toBe(true);
  });

  // Issue 27: the partial audit is marked in the history table, not joined silently.
  it('marks the partial audit in the history table with what it lacked', () => {
    const partial = model.trends.find((p) => p.status === 'partial')!;
    expect(partial.snapshotId).toBe(ids[2]);
    expect(ja).toContain(
      `<td>#${ids[2]}<br /><span class="muted small partial-note">× 部分的: アカウント × リージョン 5 件中 1 件は監査できず</span></td>`,
    );
    expect(en).toContain(
      `<td>#${ids[2]}<br /><span class="muted small partial-note">× partial: 1 of 5 account × region scopes not audited</span></td>`,
    );
    expect(en).toContain(`<td>#${ids[0]}</td>`);
  });

  // Issue 27: one baseline per report, named the same in the executive summary and the comparison section.
  it('names one baseline in the executive summary and the comparison section', () => {
    const section = (doc: string, id: string) => doc.slice(doc.indexOf(`id="${id}"`), doc.indexOf('</section>', doc.indexOf(`id="${id}"`)));
    for (const [doc, lang] of [
      [ja, 'ja'],
      [en, 'en'],
    ] as const) {
      const naming = labelsFor(lang)('baselineAsked', { snapshot: '@' }).split('@')[0]!;
      const named = describeSnapshot(model.comparison!.fromSnapshot, lang, formatDate).replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      expect(named).toMatch(new RegExp(`^#${ids[0]} · `));
      expect(section(doc, 'summary')).toContain(`${naming}${named}`);
      expect(section(doc, 'comparison')).toContain(`${naming}${named}`);
      expect(section(doc, 'summary')).not.toMatch(new RegExp(`#${ids[1]} · `));
    }
    // Asked for none: the newest earlier complete audit of the same areas, said to be chosen so.
    const automatic = buildReportModel(store, ids[1]!, { lang: 'en' });
    expect(automatic.comparison).toMatchObject({ chosen: 'automatic', fromSnapshot: { id: ids[0] } });
    const doc = renderReportHtml(automatic, { lang: 'en', paper: 'a4' });
    expect(section(doc, 'summary')).toContain('the latest earlier complete audit of the same accounts and regions');
    expect(section(doc, 'comparison')).toContain(`data-baseline="${ids[0]}"`);
    // The partial audit has a scope the others lack: no earlier audit covers the same areas.
    const none = buildReportModel(store, ids[2]!, { lang: 'en' });
    expect(none.comparison).toBeNull();
    expect(section(renderReportHtml(none, { lang: 'en', paper: 'a4' }), 'summary')).toContain(labelsFor('en')('baselineNone'));
  });

  // Issue 27: a snapshot judged under an older edition says so first, with the current page's readiness beside it.
  it('says in the executive summary that the snapshot was judged under an older edition', () => {
    expect(model.snapshot.catalogEdition).toBe('seed-2022');
    const e = model.editions!;
    for (const doc of [ja, en]) expect(doc).toContain('data-testid="edition-notice"');
    expect(en).toContain(
      'Judged under an older edition, Japanese page, 2022 (source document). Under the current AWS page, November 2026:',
    );
    expect(en).toContain(`(${formatInt(e.totals.readyAfter, 'en')} of ${formatInt(e.totals.nodes, 'en')} nodes)`);
    expect(ja).toContain('古い版「日本語のページ（2022年、原資料）」');
    const current = renderReportHtml({ ...model, editions: null }, { lang: 'en', paper: 'a4' });
    expect(current).not.toContain('data-testid="edition-notice"');
  });

  it('says so when only one audit is recorded instead of drawing empty charts', () => {
    const single = renderReportHtml(buildReportModel(store, ids[0]!, { lang: 'en' }), { lang: 'en', paper: 'a4' });
    expect(single).toContain(labelsFor('en')('trendsSingle'));
    expect(single).not.toContain('<svg');
  });
});
