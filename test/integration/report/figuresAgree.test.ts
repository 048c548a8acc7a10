/**
 * Issue 27: each headline figure is the same wherever it appears. The demo's history is built
 * once (HTML reports, no browser needed); then its last snapshot's figures are read through
 * `patch-audit figures` (a process), the contract calls the Overview uses (over the web host),
 * the report model and its HTML, and the demo's CSV and JSON exports, and recounted node by
 * node from the export.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import { runDemo, type DemoResult } from '../../../electron/core/demo/runDemo';
import { formatInt, formatPct, labelsFor } from '../../../electron/core/report/labels';
import { renderReportHtml } from '../../../electron/core/report/renderReportHtml';
import { startWebHost, type WebHost } from '../../../electron/webhost/server';
import { FIGURE_IDS, FIGURES, figureShare, figureValues, type FigureValues, type SnapshotFigures } from '../../../shared/figures';
import type { Check, NodeFacts } from '../../../shared/model';
import { TO_INSTALL_STATES } from '../../../shared/missingPatches';
import { columnTitle } from '../../../shared/nodeColumns';
import { readinessClass } from '../../../shared/readiness';
import { parseCsv } from '../../support/csv';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';
import { openSession } from '../../support/webHostSession';

const REQUIRED = [
  'managedNodes',
  'readyNodes',
  'notReadyNodes',
  'unverifiedNodes',
  'reportedPatchStateNodes',
  'compliantNodes',
  'nodesMissingCritical',
  'missingCriticalPatches',
  'nodesPendingReboot',
] as const;

describe('one definition per headline figure, equal on every surface', () => {
  const dir = tempDir('pa-figures-');
  let demo: DemoResult;
  let last: number;
  let cli: SnapshotFigures;
  let values: FigureValues;
  let core: Core;
  let host: WebHost;
  let session: Record<string, string>;

  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const response = await fetch(`${host.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
      body: JSON.stringify({ input }),
    });
    const answer = (await response.json()) as { ok: boolean; value: T };
    expect(answer.ok).toBe(true);
    return answer.value;
  };

  beforeAll(async () => {
    demo = await runDemo({ outDir: join(dir, 'demo'), nodes: 300, printer: null });
    last = demo.audits.at(-1)!.snapshotId;
    const run = await runCli(['figures', String(last), '--json', '--db', demo.dbPath], { cwd: dir });
    expect(run.stderr).toBe('');
    cli = JSON.parse(run.stdout) as SnapshotFigures;
    values = figureValues(cli.figures);

    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>renderer</title>');
    core = createCore({
      dataDir: join(dir, 'data'),
      dbPath: demo.dbPath,
      host: { host: 'web', versions: {}, openExternal: async () => {} },
    });
    host = await startWebHost({ core, rendererDir });
    session = await openSession(host);
  }, 300_000);
  afterAll(async () => {
    await host?.close();
    await core?.close();
  });

  it('prints every figure with its unit, population and definition in both languages, as integers', () => {
    expect(cli).toMatchObject({ snapshot: last, edition: expect.any(String) });
    expect(cli.figures.map((f) => f.id)).toEqual([...FIGURE_IDS]);
    for (const id of REQUIRED) expect(Number.isInteger(values[id]), id).toBe(true);
    for (const f of cli.figures) {
      expect(Object.keys(f).sort()).toEqual(['definition', 'id', 'label', 'population', 'unit', 'value']);
      expect(f.definition).toEqual(FIGURES[f.id].definition);
    }
    // The demo has something in every part, so each equality below is seen to hold over a count.
    expect(values.readyNodes).toBeGreaterThan(0);
    expect(values.notReadyNodes).toBeGreaterThan(0);
    expect(values.nodesMissingCritical).toBeGreaterThan(0);
    expect(values.missingCriticalPatches).toBeGreaterThan(values.nodesMissingCritical!);
    expect(values.nodesPendingReboot).toBeGreaterThan(0);
  });

  it('prints the definitions in Japanese with --lang ja', async () => {
    const run = await runCli(['figures', String(last), '--lang', 'ja', '--db', demo.dbPath], { cwd: dir });
    expect(run.code).toBe(0);
    for (const id of REQUIRED) expect(run.stdout).toContain(FIGURES[id].definition.ja);
  });

  it('answers the same figures over the web host, and the readiness and summary calls agree with them', async () => {
    expect(await call<SnapshotFigures>('figures:get', { id: last })).toEqual(cli);
    const readiness = await call<{ nodes: number; ready: number; unverified: number }>('readiness:summary', { id: last });
    expect(readiness).toMatchObject({ nodes: values.managedNodes, ready: values.readyNodes, unverified: values.unverifiedNodes });
    const summary = await call<{ scopes: Array<{ compliant: number; patchReported: number; missingCritical: number | null }> }>(
      'snapshots:summary',
      { id: last },
    );
    const sum = (pick: (s: (typeof summary.scopes)[number]) => number | null) => summary.scopes.reduce((n, s) => n + (pick(s) ?? 0), 0);
    expect(sum((s) => s.compliant)).toBe(values.compliantNodes);
    expect(sum((s) => s.patchReported)).toBe(values.reportedPatchStateNodes);
    expect(sum((s) => s.missingCritical)).toBe(values.missingCriticalPatches);
  });

  it('counts the same missing patches on the Missing patches page (its default filter) and in the report', async () => {
    const page = await call<{ totals: { affected: number; patches: number; cves: number } }>('patches:summary', {
      snapshotId: last,
      filters: { states: [...TO_INSTALL_STATES] },
      limit: 1,
    });
    const report = core.services.reports.model({ snapshotId: last, lang: 'en' });
    expect(page.totals.affected).toBe(report.missingPatches.totals.affected);
    expect(page.totals.patches).toBe(report.missingPatches.totals.patches);
    expect(page.totals.cves).toBe(values.openCves);
  });

  it('puts the same figures in the report model and its HTML, each with its unit', () => {
    for (const lang of ['en', 'ja'] as const) {
      const model = core.services.reports.model({ snapshotId: last, lang });
      expect(figureValues(model.figures)).toEqual(values);
      expect(model.totals).toMatchObject({
        nodes: values.managedNodes,
        ready: values.readyNodes,
        notReady: values.notReadyNodes,
        unverified: values.unverifiedNodes,
        patchReported: values.reportedPatchStateNodes,
        compliant: values.compliantNodes,
        nodesMissingCritical: values.nodesMissingCritical,
        missingCritical: values.missingCriticalPatches,
        pendingReboot: values.nodesPendingReboot,
      });
      const html = renderReportHtml(model, { lang, paper: 'a4' });
      const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('</section>', html.indexOf('id="summary"')));
      const critical = formatInt(values.nodesMissingCritical!, lang);
      const patches = formatInt(values.missingCriticalPatches!, lang);
      expect(summary).toContain(lang === 'en' ? `${critical} nodes` : `${critical} 台`);
      expect(summary).toContain(lang === 'en' ? `${patches} critical patches` : `重要パッチ ${patches} 件`);
      expect(summary).toContain(formatPct(figureShare(values, 'compliantNodes'), lang));
      expect(summary).toContain(formatPct(figureShare(values, 'readyNodes'), lang));
    }
  });

  it('agrees with the JSON export, and with its nodes counted one by one', () => {
    const json = JSON.parse(readFileSync(demo.files.json, 'utf8')) as {
      snapshot: { id: number };
      figures: SnapshotFigures['figures'];
      nodes: Array<{ facts: NodeFacts; checks: Check[] }>;
    };
    expect(json.snapshot.id).toBe(last);
    expect(json.figures).toEqual(cli.figures);
    const status = (checks: Check[], rule: Check['rule']) => checks.find((c) => c.rule === rule)?.status;
    const count = (keep: (n: (typeof json.nodes)[number]) => boolean) => json.nodes.filter(keep).length;
    const readiness = (n: (typeof json.nodes)[number]) => readinessClass((rule) => status(n.checks, rule));
    expect(json.nodes).toHaveLength(values.managedNodes!);
    expect(count((n) => readiness(n) === 'ready')).toBe(values.readyNodes);
    expect(count((n) => readiness(n) === 'notReady')).toBe(values.notReadyNodes);
    expect(count((n) => readiness(n) === 'unverified')).toBe(values.unverifiedNodes);
    expect(count((n) => Boolean(n.facts.patchState))).toBe(values.reportedPatchStateNodes);
    // AWS's rule, recounted from the patch state's own counts.
    const awsCompliant = (n: (typeof json.nodes)[number]) => {
      const s = n.facts.patchState;
      if (!s || (s.missingCount === undefined && s.failedCount === undefined)) return false;
      return (s.missingCount ?? 0) + (s.failedCount ?? 0) + (s.installedPendingRebootCount ?? 0) + (s.installedRejectedCount ?? 0) === 0;
    };
    expect(count(awsCompliant)).toBe(values.compliantNodes);
    expect(count((n) => (n.facts.patchState?.criticalNonCompliantCount ?? 0) > 0)).toBe(values.nodesMissingCritical);
    expect(json.nodes.reduce((sum, n) => sum + (n.facts.patchState?.criticalNonCompliantCount ?? 0), 0)).toBe(
      values.missingCriticalPatches,
    );
    expect(count((n) => (n.facts.patchState?.installedPendingRebootCount ?? 0) > 0)).toBe(values.nodesPendingReboot);
  });

  it('agrees with the CSV export: one row per managed node and per unmanaged instance, the critical column adding up to the figures', () => {
    for (const lang of ['en', 'ja'] as const) {
      const file = demo.files.csv.find((f) => f.endsWith(`nodes-${lang}.csv`))!;
      const [head, ...all] = parseCsv(readFileSync(file, 'utf8').slice(1)).filter((r) => r.length > 1);
      // Issue 30: the unmanaged instances follow the nodes, told apart by the "managed" column.
      const t = labelsFor(lang);
      const managedAt = head!.indexOf(t('managedBySsm'));
      expect(managedAt).toBeGreaterThanOrEqual(0);
      const rows = all.filter((r) => r[managedAt] === t('yes'));
      expect(rows).toHaveLength(values.managedNodes!);
      expect(all.length - rows.length).toBe(values.unmanagedInstances);
      expect(values.unmanagedInstances).toBeGreaterThan(0);
      const at = head!.indexOf(columnTitle('missingCritical', lang));
      expect(at).toBeGreaterThanOrEqual(0);
      const critical = rows.map((r) => Number(r[at])).filter(Number.isFinite);
      expect(critical.filter((n) => n > 0)).toHaveLength(values.nodesMissingCritical!);
      expect(critical.reduce((a, b) => a + b, 0)).toBe(values.missingCriticalPatches);
    }
  });
});
