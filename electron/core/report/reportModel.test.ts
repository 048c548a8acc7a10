import { afterAll, describe, expect, it } from 'vitest';
import { reportStore } from '../../../test/integration/report/reportStore';
import { getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import { PREREQUISITE_RULE_IDS } from '../../../shared/readiness';
import { makeSnapshot } from '../../../test/fixtures/makeSnapshot';
import { openStore, reevaluate } from '../store';
import { scopeRegionText } from '../../../shared/scopeErrors';
import { labelsFor } from './labels';
import { buildReportModel, ReportInputError, verdictOf } from './reportModel';
import { renderReportHtml } from './renderReportHtml';

describe('buildReportModel', () => {
  const { store, ids } = reportStore(60);
  const [first, second, last] = ids as [number, number, number];
  afterAll(() => store.close());
  const model = buildReportModel(store, last, { lang: 'en', compareTo: first, now: () => new Date('2026-04-01T00:00:00Z') });

  it('takes every figure from the store for the chosen snapshot', () => {
    const areas = store.scopeSummary(last);
    expect(model.snapshot.id).toBe(last);
    expect(model.generatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(model.totals.nodes).toBe(store.getSnapshot(last)!.nodeCount);
    expect(model.totals.compliant).toBe(areas.reduce((n, a) => n + a.compliant, 0));
    expect(
      model.rules.map(({ rule, pass, fail, warn, unknown, not_applicable }) => ({ rule, pass, fail, warn, unknown, not_applicable })),
    ).toEqual(store.ruleSummary(last));
    expect(model.nodes).toHaveLength(model.totals.nodes);
    expect(model.accounts.reduce((n, a) => n + a.nodes, 0)).toBe(model.totals.nodes);
  });

  it('counts nodes not ready as those failing at least one prerequisite rule', () => {
    const failing = model.nodes.filter((n) => PREREQUISITE_RULE_IDS.some((rule) => n.statuses[rule] === 'fail')).length;
    expect(model.totals.notReady).toBe(failing);
    expect(model.areas.reduce((n, a) => n + a.notReady, 0)).toBe(failing);
    expect(model.totals.nodesMissingCritical).toBe(model.nodes.filter((n) => (n.missingCritical ?? 0) > 0).length);
  });

  it('reports the failed scope with its reason and the denied data source', () => {
    expect(model.failedScopes).toEqual([
      expect.objectContaining({
        accountId: '333333333333',
        region: 'eu-west-1',
        status: 'failed',
        error: expect.stringContaining('Cannot assume'),
      }),
    ]);
    expect(model.gaps).toEqual([{ accountId: '111111111111', region: 'ap-northeast-1', gaps: ['ssm:GetInventory'], gapErrors: {} }]);
    expect(model.totals.scopesFailed).toBe(1);
  });

  it('cites the catalog source of each prerequisite rule and none for operational checks', () => {
    const rule = (id: string) => model.rules.find((r) => r.rule === id)!;
    expect(rule('agent.version').sources).toEqual([expect.objectContaining({ rule: 'P1', quote: expect.stringContaining('2.0.834.0') })]);
    expect(rule('os.greengrass').sources.map((s) => s.rule)).toEqual(['P5', 'P7']);
    expect(rule('network.patch-source').sources.map((s) => s.rule)).toEqual(['P3', 'P3']);
    expect(rule('patch.compliant').sources).toEqual([]);
    expect(model.rules.filter((r) => r.prerequisite).map((r) => r.rule)).toEqual(PREREQUISITE_RULE_IDS);
  });

  it('gives at most five examples per rule, failures before warnings and unknowns, with localized messages', () => {
    for (const r of model.rules) {
      expect(r.examples.length).toBeLessThanOrEqual(5);
      const order = r.examples.map((e) => ['fail', 'warn', 'unknown'].indexOf(e.status));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      if (r.fail > 0) expect(r.examples[0]?.status).toBe('fail');
    }
    const agent = model.rules.find((r) => r.rule === 'agent.version')!;
    expect(agent.examples[0]?.message).toMatch(/^SSM Agent .* older than the minimum 2\.0\.834\.0\.$/);
    const ja = buildReportModel(store, last, { lang: 'ja' });
    expect(ja.rules.find((r) => r.rule === 'agent.version')!.examples[0]?.message).toContain('最低バージョン');
  });

  it('orders top findings by severity then by nodes affected, each with remediation', () => {
    expect(model.topFindings.length).toBeGreaterThan(0);
    const key = (f: (typeof model.topFindings)[number]) => [f.status === 'fail' ? 0 : 1, -f.nodes] as const;
    for (let i = 1; i < model.topFindings.length; i++) {
      const [a, b] = [key(model.topFindings[i - 1]!), key(model.topFindings[i]!)];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])).toBe(true);
    }
    expect(model.topFindings.every((f) => f.example.remediation)).toBe(true);
  });

  it('has the history up to this snapshot and the comparison with the chosen one', () => {
    expect(model.trends.map((p) => p.snapshotId)).toEqual([first, second, last]);
    expect(buildReportModel(store, second, { lang: 'en' }).trends.map((p) => p.snapshotId)).toEqual([first, second]);
    const compared = store.compare(first, last);
    expect(model.comparison?.totals).toEqual(compared.totals);
    expect(model.comparison?.fromSnapshot.id).toBe(first);
    expect(model.comparison?.fromCompliancePct).toBeCloseTo(model.trends[0]!.compliancePct!, 6);
    expect(buildReportModel(store, last, { lang: 'en' }).comparison).toBeNull();
  });

  // The in-memory readiness of the editions section and the store's SQL readiness must agree.
  it('judges the same facts under the current AWS page, with ready counts the store confirms after re-evaluation', () => {
    const editions = model.editions!;
    expect(editions).toMatchObject({ snapshotId: last, from: 'seed-2022', to: 'aws-2026-11' });
    expect(editions.totals.nodes).toBe(model.totals.nodes);
    expect(editions.totals.readyBefore).toBe(model.totals.ready);
    expect(model.totals.ready + model.totals.notReady + model.totals.unverified).toBe(model.totals.nodes);
    expect(editions.totals.changedNodes).toBeGreaterThan(0);
    const current = getCatalog('aws-2026-11')!;
    const derived = reevaluate(store, last, { catalogEdition: current.id, scanAgeDays: 7, normalize: platformOf }, (facts, opts) =>
      evaluateNode(facts, { catalog: current, now: opts.now, scanAgeDays: opts.scanAgeDays }),
    );
    try {
      const under = buildReportModel(store, derived, { lang: 'ja' });
      expect(under.editions).toBeNull();
      expect(under.totals.ready).toBe(editions.totals.readyAfter);
    } finally {
      store.deleteSnapshot(derived);
    }
  });

  it('lists every node in the appendix by default, only those not ready or not verified under not-ready, none under none', () => {
    const prerequisites = (n: (typeof model.nodes)[number]) => PREREQUISITE_RULE_IDS.map((rule) => n.statuses[rule]);
    const attention = model.nodes.filter((n) => prerequisites(n).some((s) => s === 'fail' || s === 'unknown'));
    const key = (n: (typeof model.nodes)[number]) => `${n.accountId}/${n.region}/${n.instanceId}`;
    expect(model.appendix).toBe('all');
    // The fixture has both kinds, and nodes with neither, so the filter is seen to keep and to drop.
    expect(model.totals.notReady).toBeGreaterThan(0);
    expect(model.totals.unverified).toBeGreaterThan(0);
    expect(attention.length).toBeLessThan(model.nodes.length);

    const short = buildReportModel(store, last, { lang: 'en', compareTo: first, appendix: 'not-ready' });
    expect(short.appendix).toBe('not-ready');
    expect(short.nodes.map(key)).toEqual(attention.map(key));
    expect(short.nodes).toHaveLength(model.totals.notReady + model.totals.unverified);
    // A node kept only for an unknown prerequisite is there: unknown is never dropped as if it passed.
    expect(short.nodes.some((n) => !prerequisites(n).includes('fail') && prerequisites(n).includes('unknown'))).toBe(true);

    const none = buildReportModel(store, last, { lang: 'en', compareTo: first, appendix: 'none' });
    expect(none.appendix).toBe('none');
    expect(none.nodes).toEqual([]);

    // Everything but the appendix stays whole-fleet.
    for (const other of [short, none]) {
      expect(other.totals).toEqual(model.totals);
      expect(other.rules).toEqual(model.rules);
      expect(other.areas).toEqual(model.areas);
      expect(other.accounts).toEqual(model.accounts);
      expect(other.topFindings).toEqual(model.topFindings);
      expect(other.missingPatches).toEqual(model.missingPatches);
      expect(other.editions).toEqual(model.editions);
    }
  });

  it('refuses a snapshot that does not exist and a comparison with itself', () => {
    expect(() => buildReportModel(store, 999, { lang: 'en' })).toThrow(ReportInputError);
    expect(() => buildReportModel(store, last, { lang: 'en', compareTo: 998 })).toThrow(/998/);
    expect(() => buildReportModel(store, last, { lang: 'en', compareTo: last })).toThrow(ReportInputError);
  });
});

describe('verdictOf', () => {
  const base = { nodes: 100, compliancePct: 97, notReady: 2, nodesMissingCritical: 0 };
  it('is good only with high compliance, few unready nodes and no missing critical patch', () => {
    expect(verdictOf(base)).toBe('good');
    expect(verdictOf({ ...base, nodesMissingCritical: 1 })).toBe('fair');
    expect(verdictOf({ ...base, notReady: 6 })).toBe('fair');
    expect(verdictOf({ ...base, compliancePct: 94.9 })).toBe('fair');
  });
  it('is poor under 80 % compliance or over 20 % unready nodes', () => {
    expect(verdictOf({ ...base, compliancePct: 79.9 })).toBe('poor');
    expect(verdictOf({ ...base, notReady: 21 })).toBe('poor');
    expect(verdictOf({ ...base, nodes: 0, compliancePct: null })).toBe('poor');
  });
  it('is unknown when no node’s patch state could be read: no compliance to judge by', () => {
    expect(verdictOf({ ...base, compliancePct: null })).toBe('unknown');
  });
});

// Issue 28: an account never reached under all regions is one account-level scope, region null.
describe('buildReportModel with an account-level failure', () => {
  const store = openStore({ path: ':memory:' });
  afterAll(() => store.close());
  const input = makeSnapshot({ nodes: 8, accounts: ['111111111111'], regions: ['ap-northeast-1', 'us-east-1'] });
  const id = store.saveSnapshot({
    ...input,
    status: 'partial',
    scopes: [
      ...input.scopes,
      {
        accountId: '123456789012',
        region: null,
        status: 'failed',
        error: 'Cannot assume the role',
        nodes: 0,
        calls: 1,
        throttles: 0,
        gaps: [],
      },
    ],
  });

  it('lists it with the failed scopes, counts it as a scope but not as a region or an area, and says why', () => {
    const model = buildReportModel(store, id, { lang: 'en', now: () => new Date('2026-04-01T00:00:00Z') });
    expect(model.failedScopes).toEqual([expect.objectContaining({ accountId: '123456789012', region: null, status: 'failed' })]);
    expect(model.totals).toMatchObject({ scopes: 3, scopesFailed: 1, regions: 2, accounts: 2 });
    expect(model.areas.map((a) => a.region)).toEqual(['ap-northeast-1', 'us-east-1']);
    const html = { en: renderReportHtml(model, { lang: 'en', paper: 'a4' }), ja: renderReportHtml(model, { lang: 'ja', paper: 'a4' }) };
    for (const lang of ['en', 'ja'] as const) {
      const t = labelsFor(lang);
      expect(html[lang]).toContain(`<td class="mono">${scopeRegionText(null, lang)}</td>`);
      expect(html[lang]).toContain(t('scopeAccountLevelNote'));
      expect(html[lang]).not.toContain('>null<');
    }
    expect(html.en).toContain('all regions (account not reached)');
    expect(html.ja).toContain('全リージョン (アカウントに到達できず)');
  });
});
