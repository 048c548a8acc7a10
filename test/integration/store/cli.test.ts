import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { openStore } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

let dir: string;
let db: string;

beforeEach(() => {
  dir = tempDir('pa-cli-store-');
  db = join(dir, 'db.sqlite');
  const store = openStore({ path: db });
  store.saveSnapshot(makeSnapshot({ nodes: 12, label: 'first' }));
  store.saveSnapshot(makeSnapshot({ nodes: 14, seed: 2, startedAt: '2026-01-22T09:00:00.000Z', label: 'second' }));
  store.close();
});
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await main(['node', 'patch-audit', ...args]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe('patch-audit history commands', () => {
  it('lists and shows snapshots', async () => {
    const list = await run('snapshots', 'list', '--db', db, '--json');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as Array<{ label: string }>).map((s) => s.label)).toEqual(['second', 'first']);
    const table = await run('snapshots', '--db', db);
    expect(table.stdout).toMatch(/^ID\s+STARTED/);
    const show = await run('snapshots', 'show', '1', '--db', db, '--json');
    const shown = JSON.parse(show.stdout) as { snapshot: { nodeCount: number }; rules: unknown[]; scopes: unknown[] };
    expect(shown.snapshot.nodeCount).toBe(12);
    expect(shown.rules).toHaveLength(12);
    expect(shown.scopes).toHaveLength(6);
  });

  it('diffs two snapshots and prints trends', async () => {
    const diff = await run('diff', '1', '2', '--db', db, '--json');
    expect(JSON.parse(diff.stdout)).toMatchObject({ from: 1, to: 2, totals: { added: 2, removed: 0 } });
    const trends = await run('trends', '--db', db, '--json', '--group-by', 'account', '--rule', 'patch.compliant');
    const points = JSON.parse(trends.stdout) as Array<{ snapshotId: number; accountId: string; rules: Record<string, unknown> }>;
    expect(points).toHaveLength(6);
    expect(Object.keys(points[0]!.rules)).toEqual(['patch.compliant']);
    expect((await run('trends', '--db', db, '--rule', 'nope')).code).toBe(2);
  });

  it('prints the ready nodes of each snapshot in the trends table', async () => {
    const store = openStore({ path: db });
    const ready = store.trends().map((p) => p.ready);
    store.close();
    const lines = (await run('trends', '--db', db)).stdout.trim().split('\n');
    // Cells are two spaces apart and numbers right-aligned; no cell before READY has a space.
    expect(lines[0]!.split(/\s{2,}/).slice(2, 4)).toEqual(['NODES', 'READY']);
    expect(lines.slice(1).map((line) => Number(line.trim().split(/\s+/)[3]))).toEqual(ready);
    expect(ready.some((n) => n > 0)).toBe(true);
    // Issue 19: these fixture snapshots hold no patch detail, so their CVE counts are unknown, not 0.
    expect(lines[0]).toMatch(/OPEN CVES\s+CRITICAL CVES$/);
    for (const line of lines.slice(1)) expect(line).toMatch(/unknown\s+unknown$/);
  });

  it('re-evaluates only with a whole number of days from 1 to 365, as the app does', async () => {
    for (const days of ['0.5', '0', '366', '1e2', '']) {
      const re = await run('reevaluate', '1', '--catalog', 'seed-2022', '--scan-age-days', days, '--db', db);
      expect(re.code).toBe(2);
      expect(re.stderr).toBe('patch-audit: --scan-age-days: must be a whole number of days from 1 to 365\n');
    }
    const late = await run('reevaluate', '1', '--catalog', 'seed-2022', '--now', 'Dec 1 2026', '--db', db);
    expect(late).toMatchObject({ code: 2, stderr: expect.stringMatching(/--now must be an ISO 8601 time/) });
    const store = openStore({ path: db });
    expect(store.listSnapshots()).toHaveLength(2);
    store.close();
  });

  it('re-evaluates with the real rules engine, exports and imports', async () => {
    const re = await run('reevaluate', '1', '--catalog', 'seed-2022', '--scan-age-days', '30', '--db', db, '--json');
    expect(re.code).toBe(0);
    expect(JSON.parse(re.stdout)).toEqual({ snapshot: 3, derivedFrom: 1 });
    const aws = await run('reevaluate', '1', '--catalog', 'aws-2026-11', '--db', db, '--json');
    expect(JSON.parse(aws.stdout)).toEqual({ snapshot: 4, derivedFrom: 1 });
    const source = openStore({ path: db });
    expect(source.getSnapshot(4)).toMatchObject({ catalogEdition: 'aws-2026-11', derivedFrom: 1 });
    source.close();
    const help = await run('reevaluate', '--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'catalog edition: aws-2026-11 (AWS page, November 2026), seed-2022 (Japanese page, 2022 (source document))',
    );
    const file = join(dir, 'out.pa-export');
    expect((await run('export', '1', '3', '-o', file, '--db', db)).code).toBe(0);
    const other = join(dir, 'other.sqlite');
    const imp = await run('import', file, '--db', other, '--json');
    expect(JSON.parse(imp.stdout)).toEqual({ imported: [1, 2], alreadyPresent: [], repeatedInFile: [] });
    // The same file again adds nothing: both snapshots are already there.
    const again = await run('import', file, '--db', other, '--json');
    expect(JSON.parse(again.stdout)).toEqual({ imported: [], alreadyPresent: [1, 2], repeatedInFile: [] });
    const store = openStore({ path: other });
    expect(store.getSnapshot(2)).toMatchObject({ derivedFrom: 1, scanAgeDays: 30, nodeCount: 12 });
    expect(store.nodeDetail(2, store.queryNodes(2).rows[0]!.instanceId, '111111111111', 'ap-northeast-1')?.checks).toHaveLength(12);
    store.close();
  });

  it('deletes and prunes', async () => {
    expect((await run('snapshots', 'delete', '9', '--db', db)).stderr).toMatch(/Snapshot 9 does not exist/);
    expect((await run('snapshots', 'delete', '1', '--db', db)).stdout).toMatch(/Deleted #1/);
    expect(JSON.parse((await run('prune', '--keep-last', '1', '--db', db, '--json')).stdout)).toEqual({ deleted: [] });
    expect((await run('prune', '--keep-last', '0', '--db', db)).code).toBe(2);
  });

  it('prunes the snapshots beyond the newest n or older than d days, and keeps the others', async () => {
    const labels = async (file: string) =>
      (JSON.parse((await run('snapshots', 'list', '--db', file, '--json')).stdout) as Array<{ label: string }>).map((s) => s.label);
    const byCount = await run('prune', '--keep-last', '1', '--db', db, '--json');
    expect(byCount.code).toBe(0);
    expect(JSON.parse(byCount.stdout)).toEqual({ deleted: [1] });
    expect(await labels(db)).toEqual(['second']);

    // Ages count back from the real clock, so these snapshots are dated from today.
    const aged = join(dir, 'aged.sqlite');
    const store = openStore({ path: aged });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const [old, month, week, recent] = [100, 40, 5, 2].map((days) =>
      store.saveSnapshot(makeSnapshot({ nodes: 3, startedAt: daysAgo(days), label: `${days} days ago` })),
    );
    store.close();
    const byAge = await run('prune', '--max-age-days', '30', '--db', aged, '--json');
    expect(byAge.code).toBe(0);
    expect((JSON.parse(byAge.stdout) as { deleted: number[] }).deleted.sort()).toEqual([old, month].sort());
    expect(await labels(aged)).toEqual(['2 days ago', '5 days ago']);
    const both = await run('prune', '--keep-last', '1', '--max-age-days', '365', '--db', aged);
    expect(both.stdout).toBe(`Deleted #${week}.\n`);
    expect(await labels(aged)).toEqual(['2 days ago']);
    const reopened = openStore({ path: aged });
    expect(reopened.listSnapshots().map((s) => s.id)).toEqual([recent]);
    expect(reopened.queryNodes(recent!).total).toBe(3);
    reopened.close();
  });

  it('explains bad input with exit code 2', async () => {
    const bad = join(dir, 'bad.pa-export');
    writeFileSync(bad, 'not an export');
    const imp = await run('import', bad, '--db', db);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toMatch(/The file was not imported: .*not a gzip file/);
    const missing = await run('snapshots', '--db', join(dir, 'typo.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no database at/);
    expect((await run('snapshots', 'show', 'abc', '--db', db)).stderr).toMatch(/positive whole number/);
  });
});
