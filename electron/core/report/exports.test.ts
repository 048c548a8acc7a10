import { afterAll, describe, expect, it } from 'vitest';
import { ruleTitle } from '../../../shared/messages';
import { RULE_IDS } from '../../../shared/model';
import { reportStore } from '../../../test/integration/report/reportStore';
import { UTF8_BOM } from './csv';
import { labelsFor } from './labels';
import { coverageCsvHeader } from './unmanagedRows';
import { exportCsv, exportJson } from './exports';
import { ReportInputError } from './reportModel';
import { parseCsv } from '../../../test/support/csv';

describe('exports', () => {
  const { store, ids } = reportStore(30);
  const id = ids[2]!;
  afterAll(() => store.close());
  const nodeCount = store.getSnapshot(id)!.nodeCount;

  it('writes one CSV row per node with translated headers and statuses, BOM first', () => {
    for (const lang of ['ja', 'en'] as const) {
      const csv = exportCsv(store, id, { lang });
      expect(csv.startsWith(UTF8_BOM)).toBe(true);
      const rows = parseCsv(csv.slice(1));
      expect(rows).toHaveLength(nodeCount + store.unmanagedInstances(id).total + 1);
      expect(rows[0]![0]).toBe(lang === 'ja' ? 'アカウント' : 'Account');
      // The snapshot's EC2 instances were read: the rule columns are followed by the four coverage columns.
      expect(rows[0]!.slice(-RULE_IDS.length - 4, -4)).toEqual(RULE_IDS.map((rule) => `${ruleTitle(rule, lang)} (${rule})`));
      expect(rows[0]!.slice(-4)).toEqual(coverageCsvHeader(lang));
      expect(rows[1]!.at(-4)).toBe(labelsFor(lang)('yes'));
      expect(rows.slice(1).every((r) => r.length === rows[0]!.length)).toBe(true);
      expect(rows.flat()).toContain(lang === 'ja' ? '不合格' : 'Fail');
    }
  });

  it('defuses a formula in a node name and keeps markup as text', () => {
    const rows = parseCsv(exportCsv(store, id, { lang: 'en' }).slice(1));
    const names = rows.map((r) => r[3]);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(names).toContain('<script>alert("x")</script>');
    expect(names).toContain('本番ウェブサーバー 01');
  });

  it('writes one row per node and rule with message and remediation for the checks CSV', () => {
    const rows = parseCsv(exportCsv(store, id, { lang: 'ja', kind: 'checks' }).slice(1));
    expect(rows).toHaveLength(nodeCount * RULE_IDS.length + 1);
    const agent = rows.find((r) => r[4] === 'agent.version' && r[6] === '不合格')!;
    expect(agent[7]).toContain('最低バージョン');
    expect(agent[8]).toContain('AWS-UpdateSSMAgent');
  });

  it('filters like the node list', () => {
    const rows = parseCsv(exportCsv(store, id, { lang: 'en', filters: { accountIds: ['222222222222'] } }).slice(1));
    // The account's nodes, then its EC2 instances that are not managed nodes.
    const unmanaged = store.unmanagedInstances(id, { filters: { accountIds: ['222222222222'] } }).total;
    expect(rows.length - 1).toBe(store.queryNodes(id, { accountIds: ['222222222222'] }).total + unmanaged);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[0] === '222222222222')).toBe(true);
  });

  it('writes JSON with the snapshot, scopes, facts and checks with both languages', () => {
    const doc = JSON.parse(exportJson(store, id)) as {
      snapshot: { id: number; nodeCount: number };
      scopes: unknown[];
      rules: string[];
      nodes: Array<{
        instanceId: string;
        facts: { instanceId: string };
        checks: Array<{ rule: string; status: string; message: { ja: string; en: string }; remediation?: { ja: string; en: string } }>;
      }>;
    };
    expect(doc.snapshot).toMatchObject({ id, nodeCount });
    expect(doc.scopes).toHaveLength(store.getSnapshot(id)!.scopes.length);
    expect(doc.rules).toEqual([...RULE_IDS]);
    expect(doc.nodes).toHaveLength(nodeCount);
    const failing = doc.nodes.flatMap((n) => n.checks).find((c) => c.rule === 'agent.version' && c.status === 'fail')!;
    expect(failing.message.en).toContain('older than');
    expect(failing.message.ja).toContain('古い');
    expect(failing.remediation?.en).toContain('AWS-UpdateSSMAgent');
    expect(doc.nodes[0]!.facts.instanceId).toBe(doc.nodes[0]!.instanceId);
  });

  it("names the CVE ids and KB ids of each node's missing and failed patches, unknown where they were not read", () => {
    for (const lang of ['ja', 'en'] as const) {
      const [header, ...rows] = parseCsv(exportCsv(store, id, { lang }).slice(1));
      const cves = header!.indexOf(lang === 'ja' ? '未適用・失敗のパッチの CVE ID' : 'CVE ids of missing and failed patches');
      const kbs = header!.indexOf(lang === 'ja' ? '未適用・失敗のパッチ (KB / パッケージ)' : 'Missing and failed patches (KB / package)');
      expect(cves).toBeGreaterThan(0);
      const windows = rows.find((r) => /KB\d+/.test(r[kbs]!))!;
      expect(windows[cves]).toMatch(/^CVE-\d{4}-\d+(; CVE-\d{4}-\d+)*$/);
      const denied = rows.filter((r) => r[0] === '222222222222' && r[1] === 'us-east-1');
      expect(denied.length).toBeGreaterThan(0);
      expect(denied.every((r) => r[cves] === (lang === 'ja' ? '不明' : 'Unknown'))).toBe(true);
    }
  });

  it("carries each node's patches with their CVE ids in the JSON, and says where they were not read", () => {
    const doc = JSON.parse(exportJson(store, id)) as {
      nodes: Array<{
        accountId: string;
        region: string;
        facts: { patches?: Array<{ kbId: string; cveIds: string[] }>; sources: { patches?: string } };
      }>;
    };
    const cves = doc.nodes.flatMap((n) => n.facts.patches ?? []).flatMap((p) => p.cveIds);
    expect(cves.length).toBeGreaterThan(0);
    expect(cves.every((c) => /^CVE-\d{4}-\d+$/.test(c))).toBe(true);
    const denied = doc.nodes.filter((n) => n.accountId === '222222222222' && n.region === 'us-east-1');
    expect(denied.every((n) => n.facts.patches === undefined && n.facts.sources.patches === 'denied')).toBe(true);
  });

  it('refuses an unknown snapshot', () => {
    expect(() => exportCsv(store, 404, { lang: 'en' })).toThrow(ReportInputError);
    expect(() => exportJson(store, 404)).toThrow(ReportInputError);
  });
});
