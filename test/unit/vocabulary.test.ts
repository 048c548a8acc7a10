/**
 * One vocabulary (issue 15): the report, both CSV writers and the CLI show a status, a rule and a
 * node column in the words and glyphs of shared/statuses.ts, shared/messages.ts and
 * shared/nodeColumns.ts. The renderer's side is checked in Chromium (test/e2e/findings.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { terminalValue } from '../../electron/cli/terminal';
import { nodeCsvHeader, nodeCsvValues } from '../../electron/core/report/nodesCsv';
import { exportCsv } from '../../electron/core/report/exports';
import { evaluationText } from '../../electron/core/services/evaluate';
import { buildReportModel } from '../../electron/core/report/reportModel';
import { renderReportHtml } from '../../electron/core/report/renderReportHtml';
import { NodeSortKey, type NodeRow } from '../../shared/history';
import { SOURCE_RULES } from '../../shared/catalog/schema';
import { ruleTitle, sourceRuleTitle } from '../../shared/messages';
import { CHECK_STATUSES, RULE_IDS, type Lang } from '../../shared/model';
import { columnShortTitle, columnTitle } from '../../shared/nodeColumns';
import { STATUS_TERMS, statusGlyph, statusWord, type StatusKey } from '../../shared/statuses';
import { reportStore } from '../integration/report/reportStore';

const LANGS: readonly Lang[] = ['ja', 'en'];
const headerOf = (csv: string) => csv.slice(1, csv.indexOf('\r\n')).split(',');

describe('one vocabulary for statuses, rules and node columns', () => {
  const { store, ids } = reportStore(30);
  const id = ids[2]!;
  afterAll(() => store.close());

  it('gives every status a distinct glyph and a word in both languages', () => {
    const keys = Object.keys(STATUS_TERMS) as StatusKey[];
    expect(new Set(keys.map(statusGlyph)).size).toBe(keys.length);
    for (const lang of LANGS) expect(new Set(keys.map((k) => statusWord(k, lang))).size).toBe(keys.length);
    expect(new Set(CHECK_STATUSES.map((s) => STATUS_TERMS[s].terminal)).size).toBe(CHECK_STATUSES.length);
  });

  it('the report shows each status with the shared glyph and word, rules and seed rules with the shared titles', () => {
    for (const lang of LANGS) {
      const model = buildReportModel(store, id, { lang, now: () => new Date('2026-04-01T00:00:00Z') });
      const html = renderReportHtml(model, { lang, paper: 'a4' });
      for (const s of CHECK_STATUSES) expect(html).toContain(`<b class="status-${s}">${statusGlyph(s)}</b> ${statusWord(s, lang)}`);
      // The node appendix marks a failed check with the fail glyph.
      expect(html).toContain(`<td class="mark status-fail">${statusGlyph('fail')}</td>`);
      for (const rule of RULE_IDS) expect(html).toContain(ruleTitle(rule, lang));
      for (const p of SOURCE_RULES) expect(html).toContain(sourceRuleTitle(p, lang));
      for (const column of ['instanceId', 'name', 'platform', 'agentVersion', 'pingStatus'] as const)
        expect(html).toContain(`${columnShortTitle(column, lang)}</th>`);
    }
  });

  it('both CSV writers word a column and a status alike', () => {
    const columns = NodeSortKey.options;
    for (const lang of LANGS) {
      const snapshotCsv = headerOf(exportCsv(store, id, { lang }));
      const tableCsv = nodeCsvHeader(columns, lang);
      expect(tableCsv).toEqual(columns.map((c) => columnTitle(c, lang)));
      // Every column the node table can export has the same header in the snapshot export.
      for (const header of tableCsv) expect(snapshotCsv).toContain(header);
      for (const rule of RULE_IDS) expect(snapshotCsv).toContain(`${ruleTitle(rule, lang)} (${rule})`);

      const row: NodeRow = {
        accountId: '111111111111',
        region: 'ap-northeast-1',
        instanceId: 'i-1',
        name: null,
        ipAddress: null,
        pingStatus: null,
        agentVersion: null,
        platform: null,
        statuses: { 'agent.version': 'fail', 'network.s3': 'warn' },
        failures: 1,
        missingCritical: null,
        missingSecurity: null,
      };
      expect(nodeCsvValues(row, ['agent.version', 'network.s3', 'os.supported'], lang)).toEqual([
        statusWord('fail', lang),
        statusWord('warn', lang),
        '',
      ]);
      const body = exportCsv(store, id, { lang });
      expect(body).toContain(`,${statusWord('fail', lang)},`);
      expect(body).not.toContain(',fail,');
    }
  });

  it('the CLI table marks statuses with the shared terminal marks and explains them with the shared words', () => {
    const nodes = [
      {
        instanceId: 'i-1',
        platform: { type: 'Linux' as const, family: 'ubuntu' as const, version: '22.04' },
        checks: RULE_IDS.map((rule, i) => ({
          rule,
          status: CHECK_STATUSES[i % CHECK_STATUSES.length]!,
          code: 'x',
          params: {},
          evidence: {},
        })),
      },
    ];
    for (const lang of LANGS) {
      const table = evaluationText('seed-2022', nodes, lang, terminalValue);
      for (const s of CHECK_STATUSES) expect(table).toContain(`${STATUS_TERMS[s].terminal} = ${statusWord(s, lang)}`);
      for (const rule of RULE_IDS) expect(table).toContain(ruleTitle(rule, lang));
    }
  });
});
