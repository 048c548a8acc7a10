/**
 * Secrets never leak: a recognisable planted access key and secret, and the session keys the
 * simulator's AssumeRole issues during the audit, are looked for everywhere the product writes
 * or shows something after a full audit driven through the web UI in Chromium: the database
 * (raw files and every decoded snapshot), the data folder, the app log (createFileLog), the
 * exports (archive, CSV, JSON), the report (HTML and the PDF's text), the page's DOM on every
 * page, its storage (localStorage, sessionStorage, IndexedDB, cookies) and every message over
 * the contract (call inputs and results seen by the browser, every event the core emitted).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createFileLog } from '../../electron/core/log';
import { buildReportModel, exportCsv, exportJson, renderReportHtml, renderReportPdf } from '../../electron/core/report';
import { chromiumPrinter } from '../../electron/core/report/chromiumPrinter';
import { generateFleet, startSimulator, type Simulator } from '../../electron/core/sim';
import { DB_FILE } from '../../electron/core/paths';
import { exportSnapshots, openStore } from '../../electron/core/store';
import { startWebApp, type WebApp } from '../support/webApp';
import { tempDir } from '../support/tempDir';

const PLANTED = { accessKeyId: 'AKIAPLANTEDSECRET001', secretAccessKey: 'PlantedSecret/DoNotLeak+0123456789abcdef' };
const EXTERNAL_ID = 'patch-audit-external-id';
const REGION = 'us-east-1';

describe('planted secrets never leak', () => {
  let sim: Simulator;
  let app: WebApp;
  let page: Page;
  const scratch = tempDir('pa-secrets-');
  const logFile = join(scratch, 'logs', 'main.log');
  const messages: string[] = [];
  const events: string[] = [];
  const title = () => page.locator('#page-title').textContent();

  beforeAll(async () => {
    const fleet = generateFleet({ seed: 'secrets', accounts: 2, regions: [REGION], nodesPerRegion: 25 });
    Object.assign(fleet.accounts[0]!, PLANTED);
    expect(PLANTED.secretAccessKey).toHaveLength(40);
    sim = await startSimulator({ fleet });
    const log = createFileLog(logFile, 'main');
    app = await startWebApp({ aws: { clientOptions: { endpoint: sim.url }, credentials: PLANTED }, log });
    app.core.events.subscribe((name, payload) => void events.push(`${name} ${JSON.stringify(payload)}`));
    page = app.page;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) messages.push(`${request.url()} ${request.postData() ?? ''}`);
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/'))
        void response.text().then(
          (body) => messages.push(body),
          () => {},
        );
    });
    await page.goto(app.host.url);
  });
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('audits two accounts through AssumeRole from the UI, one of them refused', async () => {
    await page.click('nav a[data-page="accounts"]');
    await expect.poll(title).toBe('アカウントとリージョン');
    await page.check('input[name="targetKind"][value="accounts"]');
    await page.fill('textarea[name="accountIds"]', [...sim.credentials.map((c) => c.accountId), '999999999999'].join('\n'));
    await page.fill('input[name="roleName"]', 'PatchAuditRole');
    await page.fill('input[name="externalId"]', EXTERNAL_ID);
    await page.check(`input[name="region"][value="${REGION}"]`);
    await page.fill('input[name="planName"]', 'Secrets');
    await page.click('[data-action="save-plan"]');
    await expect.poll(() => page.locator('[data-plan="Secrets"]').count()).toBe(1);
    await page.click('[data-plan="Secrets"] button:has-text("実行")');
    await expect.poll(title).toBe('監査の実行');
    await page.fill('#run-external-id', EXTERNAL_ID);
    await page.click('[data-action="start"]');
    // A partial run stays on the run page with its result; a complete one opens the overview.
    const finished = async () => (await title()) === '概要' || (await page.locator('[data-testid="run-result"]').count()) > 0;
    await expect.poll(finished, { timeout: 60_000 }).toBe(true);
    const [snapshot] = app.core.services.snapshots.list();
    expect(snapshot).toMatchObject({ status: 'partial' });
    expect(sim.issuedSessions().length).toBeGreaterThanOrEqual(2);
  });

  it('finds none of them in the database, files, log, exports, report, page or contract messages', async () => {
    const sessions = sim.issuedSessions();
    const needles = new Map<string, string>([
      ['planted access key id', PLANTED.accessKeyId],
      ['planted secret key', PLANTED.secretAccessKey],
      ...sessions.flatMap((s, i): [string, string][] => [
        [`session ${i + 1} access key id`, s.accessKeyId],
        [`session ${i + 1} secret key`, s.secretAccessKey],
        [`session ${i + 1} token`, s.sessionToken],
        // A token cut short (a truncated log line, a CSV cell) must not appear either.
        [`session ${i + 1} token prefix`, s.sessionToken.slice(0, 24)],
      ]),
    ]);
    // A control: the planted key's account id is not secret and must be found where audit
    // results are, proving each search looked at the real content.
    const control = sim.credentials[0]!.accountId;
    const places: { place: string; size: number; leaks: string[]; control: boolean }[] = [];
    const look = (place: string, text: string | Buffer) => {
      const haystack = Buffer.isBuffer(text) ? text.toString('latin1') : text;
      const leaks = [...needles].filter(([, needle]) => haystack.includes(needle)).map(([name]) => name);
      places.push({ place, size: haystack.length, leaks, control: haystack.includes(control) });
    };
    const { snapshots, fleet } = app.core.services;
    const ids = snapshots.list().map((s) => s.id);

    // Visit every page so the DOM holds what each shows. Each is read once its own content is
    // there (its data, or its final empty state with a single snapshot), and that content must
    // be in the HTML searched: a half-rendered page would pass the search without a look.
    const [snapshotId] = ids;
    const nodeIds = new Set(fleet.queryNodes(snapshotId!, { limit: 100_000 }).rows.map((r) => r.instanceId));
    const firstNode = async () => {
      const shown = await page.locator('[role="grid"] [role="row"][data-instance]').first().getAttribute('data-instance');
      expect(nodeIds).toContain(shown);
      return `data-instance="${shown}"`;
    };
    const pages: { name: string; title: string; ready: string; shows: () => string | Promise<string> }[] = [
      { name: 'accounts', title: 'アカウントとリージョン', ready: '[data-plan="Secrets"]', shows: () => 'data-plan="Secrets"' },
      { name: 'run', title: '監査の実行', ready: '[data-testid="scope-table"] tr[data-state]', shows: () => control },
      { name: 'overview', title: '概要', ready: '[data-testid="area-table"] tbody tr', shows: () => control },
      { name: 'nodes', title: 'ノードと検出事項', ready: '[role="grid"] [role="row"][data-instance]', shows: firstNode },
      { name: 'trends', title: '推移', ready: '[role="status"] .title:has-text("履歴が足りません。")', shows: () => '履歴が足りません。' },
      {
        name: 'compare',
        title: '比較',
        ready: '[role="status"] .title:has-text("比較するものがありません。")',
        shows: () => '比較するものがありません。',
      },
      {
        name: 'snapshots',
        title: 'スナップショットとレポート',
        ready: `tr[data-snapshot="${snapshotId}"]`,
        shows: () => `data-snapshot="${snapshotId}"`,
      },
      { name: 'settings', title: '設定', ready: `dd code:has-text(${JSON.stringify(app.dataDir)})`, shows: () => app.dataDir },
    ];
    const dom: string[] = [];
    for (const { name, title: heading, ready, shows } of pages) {
      await page.locator(`nav a[data-page="${name}"]`).click();
      await expect.poll(title).toBe(heading);
      await page.locator(ready).first().waitFor();
      const html = await page.content();
      expect(html, `${name} page`).toContain(await shows());
      dom.push(html);
    }
    look('page DOM (every page)', dom.join('\n'));
    const storage = (await page.evaluate(`(async () => {
      const dump = { local: { ...localStorage }, session: { ...sessionStorage }, indexedDB: [] };
      for (const info of (await indexedDB.databases?.()) ?? []) {
        const db = await new Promise((resolve, reject) => { const r = indexedDB.open(info.name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
        for (const storeName of db.objectStoreNames) {
          const all = await new Promise((resolve) => { const r = db.transaction(storeName).objectStore(storeName).getAll(); r.onsuccess = () => resolve(r.result); });
          dump.indexedDB.push({ db: info.name, store: storeName, all });
        }
        db.close();
      }
      return JSON.stringify(dump);
    })()`)) as string;
    look('browser storage (local, session, IndexedDB)', storage);
    look('cookies', JSON.stringify(await page.context().cookies()));

    // Every snapshot decoded (node details are compressed on disk), then the raw files. A second
    // connection reads what the app's committed; the app's own store is sealed in its core.
    const store = openStore({ path: join(app.dataDir, DB_FILE) });
    onTestFinished(() => store.close());
    look('snapshots, decoded', JSON.stringify(ids.map((id) => store.loadSnapshotInput(id))));
    store.checkpoint();
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(app.dataDir);
    look(`data folder (${files.length} files, raw)`, Buffer.concat(files.map((f) => readFileSync(f))));
    look('app log (createFileLog)', readFileSync(logFile));

    const archive = join(scratch, 'all.patchaudit');
    exportSnapshots(store, ids, archive);
    look('export archive (gunzipped)', gunzipSync(readFileSync(archive)));
    look(
      'CSV exports (nodes, checks)',
      ids
        .map((id) => `${exportCsv(store, id, { kind: 'nodes', lang: 'en' })}${exportCsv(store, id, { kind: 'checks', lang: 'en' })}`)
        .join('\n'),
    );
    look('JSON export', ids.map((id) => exportJson(store, id)).join('\n'));
    const model = buildReportModel(store, ids[0]!, { lang: 'en' });
    look('report HTML', renderReportHtml(model, { lang: 'en', paper: 'a4' }));
    const pdf = join(scratch, 'report.pdf');
    writeFileSync(pdf, await renderReportPdf(model, chromiumPrinter(app.browser), { lang: 'en', paper: 'a4' }));
    look('report PDF (pdftotext)', execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    look(`contract calls seen by the browser (${messages.length} requests and answers)`, messages.join('\n'));
    look(`contract events emitted by the core (${events.length})`, events.join('\n'));

    console.log(`[reliability] secrets: ${needles.size} planted or issued secrets looked for after a full audit through the web UI`);
    for (const p of places)
      console.log(
        `[reliability]   ${p.place.padEnd(62)} ${String(p.size).padStart(9)} chars  leaks ${p.leaks.length}${p.leaks.length ? ` (${p.leaks.join(', ')})` : ''}${p.control ? '  (account id found: searched)' : ''}`,
      );
    expect(messages.length).toBeGreaterThan(10);
    for (const place of [
      'page DOM',
      'snapshots, decoded',
      'export archive',
      'CSV',
      'JSON export',
      'report HTML',
      'report PDF',
      'contract calls',
    ]) {
      expect(places.find((p) => p.place.startsWith(place))?.control, place).toBe(true);
    }
    expect(events.some((e) => e.startsWith('audit:progress'))).toBe(true);
    expect(places.flatMap((p) => p.leaks.map((leak) => `${p.place}: ${leak}`))).toEqual([]);
  });
});
