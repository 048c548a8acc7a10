/**
 * The demo and the report commands as a user runs them: separate processes of the real CLI.
 * The demo runs once with a small fleet; the report and export commands then work on its database.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DB } from '../../../electron/core/demo/runDemo';
import { openStore, type Store } from '../../../electron/core/store';
import { PREREQUISITE_RULE_IDS } from '../../../shared/readiness';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';

const run = (args: string[], cwd: string) => runCli(args, { cwd, env: { HOME: cwd, PATCH_AUDITOR_DATA_DIR: join(cwd, 'app-data') } });

describe('patch-audit demo, report, export-csv, export-json', () => {
  const dir = tempDir('pa-cli-report-');
  const out = join(dir, 'demo');
  let demo: { code: number; stdout: string; stderr: string };
  let store: Store;
  let ids: number[];

  beforeAll(async () => {
    demo = await run(['demo', '--out', out, '--nodes', '90'], dir);
    store = openStore({ path: join(out, DEMO_DB) });
    ids = store
      .listSnapshots()
      .map((s) => s.id)
      .sort((a, b) => a - b);
  }, 120_000);
  afterAll(() => store?.close());

  // The last audit judged again under the 2022 page, once: a snapshot of an older edition (issue 27).
  let seedCopy: Promise<number> | undefined;
  const underSeed = (): Promise<number> =>
    (seedCopy ??= run(['reevaluate', String(ids.at(-1)), '--catalog', 'seed-2022', '--db', join(out, DEMO_DB), '--json'], dir).then(
      (r) => (JSON.parse(r.stdout) as { snapshot: number }).snapshot,
    ));

  it('audits five simulated weeks into a fresh database in the output folder and writes the reports', () => {
    expect(demo.stderr).not.toMatch(/Error|Warning/);
    expect(demo.code).toBe(0);
    const snapshots = store.listSnapshots();
    expect(snapshots).toHaveLength(5);
    const times = snapshots.map((s) => Date.parse(s.startedAt)).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(Math.round((times[i]! - times[i - 1]!) / 86_400_000)).toBe(7);
    expect(snapshots.filter((s) => s.status === 'partial')).toHaveLength(1);
    expect(new Set(snapshots.map((s) => s.nodeCount)).size).toBeGreaterThan(1);
    for (const file of [
      'report-ja.pdf',
      'report-en.pdf',
      'nodes-ja.csv',
      'nodes-en.csv',
      'checks-ja.csv',
      'checks-en.csv',
      `snapshot-${ids.at(-1)}.json`,
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
      // Paths are printed relative to the working folder when they are inside it.
      expect(demo.stdout).toContain(join('demo', file));
    }
    expect(existsSync(join(dir, 'app-data'))).toBe(false);
  });

  it('reports the last audit with the figures of the store', () => {
    const last = store.getSnapshot(ids.at(-1)!)!;
    expect(last.scopes).toHaveLength(9);
    expect(last.scopes.some((s) => s.gaps.includes('ssm:GetInventory'))).toBe(true);
    const en = execFileSync('pdftotext', ['-layout', join(out, 'report-en.pdf'), '-'], { encoding: 'utf8' });
    expect(en).toContain(`of the ${last.nodeCount} managed nodes`);
    const ja = execFileSync('pdftotext', ['-layout', join(out, 'report-ja.pdf'), '-'], { encoding: 'utf8' });
    expect(ja).toContain(`マネージドノード ${last.nodeCount} 台のうち`);
    expect(ja).toContain('Example Holdings 株式会社');
    // Issue 27: the demo judges under the current page, and says which.
    expect(last.catalogEdition).toBe('aws-2026-11');
    expect(en).toContain('AWS page, November 2026 (aws-2026-11)');
    expect(en).not.toContain('Judged under an older edition');
  });

  // Issues 18 and 27: a snapshot of the 2022 page says so first, and what the current page changes.
  it('reports a snapshot judged under the 2022 page with its readiness under the current page', async () => {
    const id = await underSeed();
    const db = join(out, DEMO_DB);
    for (const lang of ['en', 'ja'] as const)
      expect(await run(['report', String(id), '--lang', lang, '--db', db, '-o', join(dir, `seed-${lang}.pdf`)], dir)).toMatchObject({
        code: 0,
      });
    const en = execFileSync('pdftotext', [join(dir, 'seed-en.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const ja = execFileSync('pdftotext', [join(dir, 'seed-ja.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(en).toContain(
      'Judged under an older edition, Japanese page, 2022 (source document). Under the current AWS page, November 2026:',
    );
    expect(en).toContain('Readiness under the current AWS page');
    expect(en).toContain('Ready under AWS page, November 2026');
    expect(ja).toContain('現行の AWS ページに照らした準備状況');
    const show = await run(['snapshots', 'show', String(id), '--db', db], dir);
    expect(show.stdout).toContain(`re-evaluated from #${ids.at(-1)} under Japanese page, 2022 (source document)`);
    expect(show.stdout).toContain('Judged under an older edition, Japanese page, 2022 (source document).');
  });

  it('writes a report comparing two snapshots as PDF, and as HTML with --html', async () => {
    const db = join(out, DEMO_DB);
    const pdf = await run(
      ['report', String(ids[4]), '--compare', String(ids[3]), '--lang', 'en', '--paper', 'letter', '--db', db, '-o', join(dir, 'r.pdf')],
      dir,
    );
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    expect(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    // Issue 27: the one baseline, named as asked for.
    expect(text.replace(/\s+/g, ' ')).toMatch(new RegExp(`Baseline: #${ids[3]} · [^,]*, as chosen for this report`));

    const html = await run(['report', String(ids[4]), '--db', db, '--html', '-o', join(dir, 'r.html')], dir);
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html><html lang="ja">/);
  });

  it('lists only the nodes not ready or not verified with --appendix not-ready, none with --appendix none, and says so', async () => {
    const db = join(out, DEMO_DB);
    // Under the 2022 page some of the demo's nodes are ready; under the current one few or none are.
    const id = await underSeed();
    const rows = store.queryNodes(id, { limit: 100_000 }).rows;
    const attention = rows
      .filter((r) => PREREQUISITE_RULE_IDS.some((rule) => r.statuses[rule] === 'fail' || r.statuses[rule] === 'unknown'))
      .map((r) => r.instanceId)
      .sort();
    expect(attention.length).toBeGreaterThan(0);
    expect(attention.length).toBeLessThan(rows.length);

    const html = await run(
      ['report', String(id), '--appendix', 'not-ready', '--lang', 'en', '--html', '--db', db, '-o', join(dir, 'a.html')],
      dir,
    );
    expect(html).toMatchObject({ code: 0, stderr: '' });
    const doc = readFileSync(join(dir, 'a.html'), 'utf8');
    const appendix = doc.slice(doc.indexOf('id="appendix"'), doc.indexOf('id="method"'));
    expect(appendix).toContain(`<h2>Appendix: ${attention.length} of ${rows.length} nodes — only those not ready or not verified</h2>`);
    expect([...appendix.matchAll(/<td class="mono">([^<]+)<\/td>/g)].map((m) => m[1]).sort()).toEqual(attention);

    const pdf = await run(['report', String(id), '--appendix', 'none', '--db', db, '-o', join(dir, 'a.pdf')], dir);
    expect(pdf).toMatchObject({ code: 0, stderr: '' });
    const ja = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    expect(ja).toContain('付録: ノード一覧 (省略)');
    expect(ja).toContain('この報告書ではノード一覧を省略しています。');
    // The appendix's legend of rule columns is printed with a node table only, as in the demo's full report.
    expect(ja).not.toContain('ルール列');
    expect(execFileSync('pdftotext', [join(out, 'report-ja.pdf'), '-'], { encoding: 'utf8' })).toContain('ルール列');

    const bad = await run(['report', String(id), '--appendix', 'failing', '--db', db, '-o', join(dir, 'b.pdf')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'failing' is invalid. Allowed choices are all, not-ready, none.");
    expect(existsSync(join(dir, 'b.pdf'))).toBe(false);
  });

  it('exports CSV for Excel and JSON', async () => {
    const db = join(out, DEMO_DB);
    const last = ids.at(-1)!;
    expect((await run(['export-csv', String(last), '--lang', 'en', '--db', db, '-o', join(dir, 'n.csv')], dir)).code).toBe(0);
    const csv = readFileSync(join(dir, 'n.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Issue 30: a row per node, then one per EC2 instance that is not a managed node.
    const unmanaged = store.unmanagedInstances(last, { filters: {}, offset: 0, limit: 1 }).total;
    expect(unmanaged).toBeGreaterThan(0);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(store.getSnapshot(last)!.nodeCount + unmanaged + 1);
    expect((await run(['export-json', String(last), '--db', db, '-o', join(dir, 'n.json')], dir)).code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'n.json'), 'utf8')) as { nodes: unknown[] }).nodes).toHaveLength(
      store.getSnapshot(last)!.nodeCount,
    );
  });

  it('exits 2 with a clear message for an unknown snapshot, a bad id or a missing database', async () => {
    const db = join(out, DEMO_DB);
    const unknown = await run(['report', '999', '--db', db, '-o', join(dir, 'x.pdf')], dir);
    expect(unknown).toMatchObject({ code: 2, stderr: 'patch-audit: Snapshot 999 does not exist (it may have been deleted).\n' });
    const bad = await run(['export-csv', 'latest', '--db', db, '-o', join(dir, 'x.csv')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('snapshot id must be a positive whole number');
    const missing = await run(['export-json', '1', '-o', join(dir, 'x.json')], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no database at');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
