/**
 * Issue 28 items 6 and 7: one error path for the CLI. Whatever a user can cause (a truncated or
 * damaged database, one from a newer version, a read-only one, bad arguments) ends in one line
 * `patch-audit: <message>` and exit 2, never a stack trace or client data; with `--json`, one JSON
 * document with the error. A read-only database is read (list, show, report, export), never changed.
 */
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { runCli, type CliRun } from '../../support/runCli';
import { runMain } from '../../support/runMain';
import { tempDir } from '../../support/tempDir';

const PAGE = 4096;
let dir: string;
let good: string;
let instanceIds: string[];

/** A copy of the good database under `name`, changed by `damage`. */
function variant(name: string, damage: (file: string) => void = () => {}): string {
  const file = join(dir, name);
  copyFileSync(good, file);
  damage(file);
  return file;
}

/** Pages of these tables (SQLite's dbstat), for damage that lands where the snapshots are. */
function pagesOf(file: string, tables: readonly string[]): number[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT pageno FROM dbstat WHERE name IN (${tables.map(() => '?').join(', ')}) ORDER BY pageno`)
      .all(...tables) as Array<{ pageno: number }>;
    return rows.map((r) => r.pageno);
  } finally {
    db.close();
  }
}

interface PageDamage {
  page: number;
  offset: number;
  bytes: Uint8Array;
}

function writeDamage(file: string, damage: readonly PageDamage[]): void {
  const bytes = readFileSync(file);
  for (const { page, offset, bytes: junk } of damage) bytes.set(junk, (page - 1) * PAGE + offset);
  writeFileSync(file, bytes);
}

/** The one-line error: no stack frame, no node of the client's, nothing but the message. */
function expectCleanFailure(run: CliRun, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^patch-audit: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const id of instanceIds) expect(run.stderr + run.stdout).not.toContain(id);
}

beforeAll(() => {
  dir = tempDir('pa-cli-failures-');
  good = join(dir, 'good.sqlite');
  const store = openStore({ path: good });
  const first = makeSnapshot({ nodes: 60, label: 'first' });
  store.saveSnapshot(first);
  store.saveSnapshot(makeSnapshot({ nodes: 60, seed: 2, label: 'second', startedAt: '2026-01-22T09:00:00.000Z' }));
  store.checkpoint();
  store.close();
  instanceIds = first.nodes.map((n) => n.facts.instanceId);
});

describe('patch-audit on a database it cannot use', () => {
  const damaged = /^patch-audit: The database .* is damaged and was not read\. Restore it from a backup/;

  it('refuses a truncated database, and a damaged header, with exit 2 and one line', async () => {
    const truncated = variant('truncated.sqlite', (file) => writeFileSync(file, readFileSync(file).subarray(0, 5 * PAGE)));
    expectCleanFailure(await runCli(['snapshots', 'list', '--db', truncated]), damaged);
    const header = variant('header.sqlite', (file) => writeDamage(file, [{ page: 1, offset: 0, bytes: Buffer.alloc(16, 0x41) }]));
    expectCleanFailure(await runMain('report', '1', '--html', '-o', join(dir, 'r.html'), '--db', header), damaged);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('refuses a database from a newer version, and says so in the JSON document too', async () => {
    const newer = variant('newer.sqlite', (file) => {
      const db = new Database(file);
      db.pragma('user_version = 99');
      db.close();
    });
    const run = await runCli(['export', '1', '-o', join(dir, 'x.patchaudit'), '--db', newer, '--json']);
    expectCleanFailure(run, /written by a newer Patch Auditor \(schema v99/);
    expect(JSON.parse(run.stdout)).toEqual({ error: expect.stringMatching(/^This database was written by a newer Patch Auditor/) });
  });

  it('refuses to export or report a snapshot whose pages are damaged, without printing its nodes', async () => {
    const prng = fc.sample(fc.integer(), { numRuns: 1, seed: 28 })[0]!;
    const file = variant('pages.sqlite', (f) => {
      const pages = pagesOf(f, ['node_detail']);
      writeDamage(
        f,
        [0, 1, 2, 3, 4].map((i) => ({ page: pages[(prng + i * 7) % pages.length]!, offset: 200 + i * 500, bytes: Buffer.alloc(64, 0xa5) })),
      );
    });
    const refused = /^patch-audit: (Snapshot [12] is damaged|The database .* is damaged)/;
    expectCleanFailure(await runCli(['export', '1', '2', '-o', join(dir, 'pages.patchaudit'), '--db', file]), refused);
    // The rest in this process: the same main(), without another start of the CLI on two busy cores.
    expectCleanFailure(await runMain('report', '1', '--html', '-o', join(dir, 'pages.html'), '--db', file), refused);
  });
});

describe('patch-audit on a read-only database', () => {
  it('lists, shows, reports and exports a 0444 file, and refuses to change it', async () => {
    const file = variant('readonly.sqlite');
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const list = await runCli(['snapshots', 'list', '--db', file, '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as Array<{ label: string }>).map((s) => s.label)).toEqual(['second', 'first']);
    expect((await runMain('snapshots', 'show', '1', '--db', file)).code).toBe(0);
    const report = await runMain('report', '1', '--html', '-o', join(dir, 'readonly.html'), '--db', file);
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'readonly.html'), 'utf8')).toContain('<html');
    expect((await runMain('export', '1', '-o', join(dir, 'readonly.patchaudit'), '--db', file)).code).toBe(0);
    expectCleanFailure(await runMain('snapshots', 'delete', '1', '--db', file), /^patch-audit: The database .* is read-only/);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a read-only database that would need an upgrade, saying how to read it', async () => {
    const older = variant('older.sqlite', (file) => {
      const db = new Database(file);
      db.pragma('user_version = 5');
      db.close();
    });
    chmodSync(older, 0o444);
    expectCleanFailure(
      await runMain('snapshots', 'list', '--db', older),
      /^patch-audit: The database .* is read-only and was written by an older Patch Auditor \(schema v5\).*Copy it to a folder you can write to/,
    );
  });

  it('reads a database in a folder without write access, leaving the folder as it was', async () => {
    const folder = tempDir('pa-cli-readonly-folder-');
    const file = join(folder, 'db.sqlite');
    copyFileSync(good, file);
    chmodSync(folder, 0o555);
    try {
      const list = await runMain('snapshots', 'list', '--db', file);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/second[\s\S]*first/);
      expect(readdirSync(folder)).toEqual(['db.sqlite']);
    } finally {
      chmodSync(folder, 0o700);
    }
  });
});

describe('patch-audit with bad arguments', () => {
  it('prints the same one-line error for commander’s refusals and its own, and a JSON document with --json', async () => {
    expectCleanFailure(await runCli(['snapshots', 'list', '--bogus', '--db', good]), /^patch-audit: unknown option '--bogus'/);
    expectCleanFailure(
      await runMain('snapshots', 'show', 'abc', '--db', good),
      /^patch-audit: snapshot id must be a positive whole number/,
    );
    const missing = await runMain('snapshots', 'show', '1', '--db', join(dir, 'nothing.sqlite'), '--json');
    expectCleanFailure(missing, /^patch-audit: no database at /);
    expect(JSON.parse(missing.stdout)).toEqual({ error: expect.stringMatching(/^no database at /) });
  });
});

describe('patch-audit on databases with random bytes in random pages', () => {
  it('lists, shows, reports and exports, or refuses in one line: never a stack trace or a node', async () => {
    const pageCount = statSync(good).size / PAGE;
    const damage = fc.array(
      fc.record({
        page: fc.integer({ min: 1, max: pageCount }),
        offset: fc.integer({ min: 0, max: PAGE - 64 }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
      { minLength: 5, maxLength: 5 },
    );
    let run = 0;
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (pages) => {
        const file = variant(`random-${run++}.sqlite`, (f) => writeDamage(f, pages));
        for (const args of [
          ['snapshots', 'list'],
          ['snapshots', 'show', '1'],
          ['report', '1', '--html', '-o', join(dir, 'random.html')],
          ['export', '1', '2', '-o', join(dir, 'random.patchaudit')],
        ]) {
          const result = await runMain(...args, '--db', file);
          expect([0, 2]).toContain(result.code);
          if (result.code === 2) {
            refusals++;
            expect(result.stderr).toMatch(/^patch-audit: [^\n]+\n$/);
          }
          for (const id of instanceIds) expect(result.stderr).not.toContain(id);
        }
      }),
      { numRuns: 40, seed: 28 },
    );
    // The damage reached what the commands read: refusals were tested, not only successes.
    expect(refusals).toBeGreaterThan(0);
  });
});
