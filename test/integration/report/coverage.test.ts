/**
 * Issue 30: the coverage funnel of one snapshot is the same in `patch-audit figures` (a process),
 * the report's executive summary and coverage section, the node CSV and the JSON export; the
 * unmanaged instances are listed by cause with what to do, escaped, cut with a pointer to the
 * exports; a snapshot whose EC2 instances were not read says "unknown", never 0.
 *
 * The tests marked "store query" read the instances through the store's `unmanagedInstances`,
 * which lands with the store's part of the issue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/core/store';
import { exportCsv, exportJson } from '../../../electron/core/report/exports';
import { escapeHtml } from '../../../electron/core/report/html';
import { formatInt, formatPct, labelsFor } from '../../../electron/core/report/labels';
import { buildReportModel } from '../../../electron/core/report/reportModel';
import { nodeCsvHeader, writeNodesCsv } from '../../../electron/core/report/nodesCsv';
import { renderReportHtml } from '../../../electron/core/report/renderReportHtml';
import { coverageCsvHeader } from '../../../electron/core/report/unmanagedRows';
import { COVERAGE_ROWS_PER_CAUSE, FUNNEL_FIGURES } from '../../../electron/core/report/sections/coverage';
import { CAUSE_TEXT, UNCHECKED_TEXT, userGuideUrl, type UnmanagedRow } from '../../../shared/ec2Coverage';
import { FIGURES, figureShare, figureValues, shareText, withUnit, type FigureValues, type SnapshotFigures } from '../../../shared/figures';
import type { Lang } from '../../../shared/model';
import { parseCsv } from '../../support/csv';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';
import { HOSTILE_INSTANCE_NAME, NOT_DETERMINED_INSTANCES, reportStore, unmanagedFixture } from './reportStore';

const UNMANAGED = unmanagedFixture();
const count = (lang: Lang, n: number | null, id: (typeof FUNNEL_FIGURES)[number]): string =>
  n === null ? labelsFor(lang)('unknownValue') : withUnit(formatInt(n, lang), n, FIGURES[id].unit, lang);

describe('EC2 coverage in figures, the report and the exports', () => {
  const dir = tempDir('pa-coverage-');
  const db = join(dir, 'audit.db');
  let store: Store;
  let ids: number[];
  let last: number;
  let values: FigureValues;
  const html: Partial<Record<Lang, string>> = {};

  beforeAll(async () => {
    const built = reportStore(30, db);
    ids = built.ids;
    last = ids[2]!;
    built.store.close();
    const run = await runCli(['figures', String(last), '--json', '--db', db], { cwd: dir });
    expect(run.stderr).toBe('');
    values = figureValues((JSON.parse(run.stdout) as SnapshotFigures).figures);
    store = openStore({ path: db });
    for (const lang of ['en', 'ja'] as const)
      html[lang] = renderReportHtml(buildReportModel(store, last, { lang, appendix: 'none' }), { lang, paper: 'a4' });
  }, 120_000);
  afterAll(() => store?.close());

  const section = (lang: Lang, id: string): string => {
    const doc = html[lang]!;
    const start = doc.indexOf(`<section class="page" id="${id}">`);
    expect(start, id).toBeGreaterThan(-1);
    return doc.slice(start, doc.indexOf('</section>', start));
  };

  it('counts every EC2 instance read and the unmanaged ones, in the figures a process prints', () => {
    expect(values.unmanagedInstances).toBe(UNMANAGED.length);
    expect(values.ec2Instances).toBeGreaterThan(values.unmanagedInstances!);
    expect(values.scannedRecentlyNodes).toBeGreaterThan(0);
  });

  it('says in the executive summary, from the figures, how many EC2 instances Patch Manager cannot patch', () => {
    for (const lang of ['en', 'ja'] as const) {
      const sentence = labelsFor(lang)('coverageUnmanaged', {
        unmanaged: formatInt(values.unmanagedInstances!, lang),
        total: formatInt(values.ec2Instances!, lang),
        pct: formatPct(figureShare(values, 'unmanagedInstances'), lang),
      });
      expect(section(lang, 'summary')).toContain(sentence);
    }
  });

  it('prints the funnel with each count in its unit and each share with its population, in the summary and the section', () => {
    for (const lang of ['en', 'ja'] as const)
      for (const where of ['summary', 'coverage'])
        for (const id of FUNNEL_FIGURES) {
          const row = new RegExp(`<tr data-figure="${id}">([\\s\\S]*?)</tr>`).exec(section(lang, where))?.[1];
          expect(row, `${where} ${id}`).toContain(`>${count(lang, values[id], id)}</td>`);
          const share = figureShare(values, id);
          if (share !== null) expect(row).toContain(shareText(formatPct(share, lang), FIGURES[id].population, lang));
        }
  });

  it('adds the per-account funnel up to the figures, and the JSON export too', () => {
    const model = buildReportModel(store, last, { lang: 'en', appendix: 'none' });
    const sum = (pick: (a: (typeof model.accounts)[number]) => number | null) => model.accounts.reduce((n, a) => n + (pick(a) ?? 0), 0);
    expect(sum((a) => a.ec2Instances)).toBe(values.ec2Instances);
    expect(sum((a) => a.unmanaged)).toBe(values.unmanagedInstances);
    expect(sum((a) => a.scannedRecently)).toBe(values.scannedRecentlyNodes);
    const doc = JSON.parse(exportJson(store, last)) as {
      figures: Array<{ id: string; value: number | null }>;
      coverage: Array<{ ec2Instances: number | null; unmanaged: number | null; nodes: number; online: number; scannedRecently: number }>;
    };
    expect(figureValues(doc.figures as never)).toEqual(values);
    const total = (pick: (a: (typeof doc.coverage)[number]) => number | null) => doc.coverage.reduce((n, a) => n + (pick(a) ?? 0), 0);
    expect(total((a) => a.ec2Instances)).toBe(values.ec2Instances);
    expect(total((a) => a.unmanaged)).toBe(values.unmanagedInstances);
    expect(total((a) => a.nodes)).toBe(values.managedNodes);
    expect(total((a) => a.online)).toBe(values.onlineNodes);
    expect(total((a) => a.scannedRecently)).toBe(values.scannedRecentlyNodes);
  });

  it('says "unknown", not 0, for an audit whose EC2 instances were not read, and leaves the section out by default', async () => {
    const first = ids[0]!;
    const run = await runCli(['figures', String(first), '--db', db], { cwd: dir });
    expect(run.stdout).toContain(`${FIGURES.ec2Instances.label.en}: unknown`);
    expect(run.stdout).toContain(`${FIGURES.unmanagedInstances.label.en}: unknown`);
    for (const lang of ['en', 'ja'] as const) {
      const doc = renderReportHtml(buildReportModel(store, first, { lang, appendix: 'none' }), { lang, paper: 'a4' });
      expect(doc).toContain(labelsFor(lang)('coverageUnknown'));
      expect(doc).not.toContain('id="coverage"');
      expect(doc).toContain(`<td class="num unknown">${labelsFor(lang)('unknownValue')}</td>`);
    }
    // No coverage columns in an export of a snapshot that has no coverage.
    const header = parseCsv(exportCsv(store, first, { lang: 'en' }).slice(1))[0]!;
    expect(header).not.toContain(labelsFor('en')('managedBySsm'));
  });

  // Store query: the rows below come from the store's `unmanagedInstances`.
  it('lists the unmanaged instances by cause, with what to do and AWS’s page, escaped, cut with a pointer to the exports', () => {
    for (const lang of ['en', 'ja'] as const) {
      const t = labelsFor(lang);
      const part = section(lang, 'coverage');
      expect(part).not.toContain('<img');
      expect(part).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
      for (const cause of ['stopped', 'noProfile', 'roleWithoutPolicy', 'noRoute', 'notDetermined'] as const) {
        const group = new RegExp(`<div class="cause-group" data-cause="${cause}">([\\s\\S]*?)</div>`).exec(part)?.[1];
        expect(group, cause).toBeDefined();
        expect(group).toContain(escapeHtml(CAUSE_TEXT[cause].todo[lang]));
        for (const page of CAUSE_TEXT[cause].docs) expect(group).toContain(userGuideUrl(page, lang));
      }
      // The batch instances and the one whose route is unchecked: nothing else tells why.
      const notDetermined = NOT_DETERMINED_INSTANCES + 1;
      expect(part).toContain(t('coverageMore', { count: formatInt(notDetermined - COVERAGE_ROWS_PER_CAUSE, lang) }));
      expect(part).toContain(escapeHtml(UNCHECKED_TEXT.route[lang]));
      expect(section(lang, 'summary')).toContain(t('coverageStopped', { count: formatInt(1, lang) }));
    }
  });

  it('writes each unmanaged instance as a CSV row with its causes, defused, and as JSON with its causes', () => {
    const rows = parseCsv(exportCsv(store, last, { lang: 'en' }).slice(1));
    const t = labelsFor('en');
    const unmanaged = rows.filter((r) => r.at(-4) === t('no'));
    expect(unmanaged).toHaveLength(UNMANAGED.length);
    expect(rows.filter((r) => r.at(-4) === t('yes'))).toHaveLength(values.managedNodes!);
    const formula = unmanaged.find((r) => r[2] === 'i-0a00000000000002')!;
    expect(formula[3]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formula.at(-2)).toBe(CAUSE_TEXT.noProfile.label.en);
    const stopped = unmanaged.find((r) => r[2] === 'i-0a00000000000001')!;
    expect(stopped.at(-3)).toBe('stopped');
    expect(stopped.at(-2)).toBe(`${CAUSE_TEXT.stopped.label.en}; ${CAUSE_TEXT.noProfile.label.en}`);
    const doc = JSON.parse(exportJson(store, last)) as { unmanagedInstances: UnmanagedRow[] };
    expect(doc.unmanagedInstances).toHaveLength(UNMANAGED.length);
    expect(doc.unmanagedInstances.find((u) => u.instanceId === 'i-0a00000000000004')).toMatchObject({ causes: ['noRoute'], unchecked: [] });
  });

  it('writes the node table’s CSV the same way: its columns, then the coverage columns; unmanaged rows after the nodes', () => {
    const t = labelsFor('ja');
    const file = join(dir, 'table.csv');
    const written = writeNodesCsv(store, last, { sort: { key: 'name', dir: 'asc' } }, ['instanceId', 'name', 'agent.version'], 'ja', file);
    const rows = parseCsv(readFileSync(file, 'utf8').slice(1));
    expect(rows[0]).toEqual([...nodeCsvHeader(['instanceId', 'name', 'agent.version'], 'ja'), ...coverageCsvHeader('ja')]);
    expect(written).toBe(rows.length - 1);
    const managed = rows.slice(1).filter((r) => r[3] === t('yes'));
    expect(managed).toHaveLength(values.managedNodes!);
    // Store query: the unmanaged rows.
    const unmanaged = rows.slice(1).filter((r) => r[3] === t('no'));
    expect(unmanaged).toHaveLength(UNMANAGED.length);
    expect(rows.findIndex((r) => r[3] === t('no'))).toBe(managed.length + 1);
    expect(unmanaged.find((r) => r[0] === 'i-0a00000000000003')).toEqual([
      'i-0a00000000000003',
      '',
      '',
      t('no'),
      'running',
      CAUSE_TEXT.roleWithoutPolicy.label.ja,
      '',
    ]);
  });

  it('answers only the filters that apply to an unmanaged instance: account and search, not a rule or status', () => {
    const t = labelsFor('en');
    const unmanagedOf = (filters: Parameters<typeof exportCsv>[2]['filters']) =>
      parseCsv(exportCsv(store, last, { lang: 'en', filters }).slice(1)).filter((r) => r.at(-4) === t('no'));
    expect(unmanagedOf({ rule: 'agent.version', statuses: ['fail'] })).toHaveLength(0);
    expect(unmanagedOf({ statuses: ['fail'] })).toHaveLength(0);
    expect(unmanagedOf({ accountIds: ['222222222222'] })).toHaveLength(NOT_DETERMINED_INSTANCES);
    expect(unmanagedOf({ search: HOSTILE_INSTANCE_NAME.slice(1, 8) }).map((r) => r[2])).toEqual(['i-0a00000000000001']);
  });
});
