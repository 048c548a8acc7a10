import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../shared/model';
import { PREREQUISITE_RULE_IDS } from '../../../shared/readiness';
import { figureValues } from '../../../shared/figures';
import { makeSnapshot } from '../../../test/fixtures/makeSnapshot';
import { tempDir } from '../../../test/support/tempDir';
import { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError, migrate } from './migrations';
import { STATUS_CODES, rulePosition } from './codec';
import { databaseOf } from './handle';
import { openStore } from './openStore';

const open: Database.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));
const fresh = (): Database.Database => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
};
const schemaOf = (db: Database.Database): unknown[] => db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
const version = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * A database at an earlier schema version holding the same rows as `source`: each of that
 * version's tables gets the columns it had then, copied from the current database (so the
 * rows are those the current writer makes, cut to the old shape).
 */
function atVersion(v: number, source: Database.Database): Database.Database {
  const old = fresh();
  migrate(old, MIGRATIONS.slice(0, v));
  const tables = old.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  for (const table of tables) {
    const columns = (old.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[])
      .map((c) => `"${c}"`)
      .join(', ');
    const insert = old.prepare(
      `INSERT INTO "${table}" (${columns}) VALUES (${columns
        .split(', ')
        .map(() => '?')
        .join(', ')})`,
    );
    for (const row of source.prepare(`SELECT ${columns} FROM "${table}"`).raw().all() as unknown[][]) insert.run(...row);
  }
  return old;
}

describe('migrate', () => {
  it('keeps migrations as an ordered list numbered from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('reaches the same schema from an empty database and from every earlier version', () => {
    const target = fresh();
    expect(migrate(target)).toBe(0);
    expect(version(target)).toBe(SCHEMA_VERSION);
    for (let v = 1; v < SCHEMA_VERSION; v++) {
      const db = fresh();
      migrate(db, MIGRATIONS.slice(0, v));
      expect(version(db)).toBe(v);
      expect(migrate(db)).toBe(v);
      expect(schemaOf(db)).toEqual(schemaOf(target));
    }
  });

  it('backfills the summary rows of a v1 database that holds snapshots', () => {
    const inputs = [makeSnapshot({ nodes: 120 }), makeSnapshot({ nodes: 90, seed: 3, startedAt: '2026-01-22T09:00:00.000Z' })];
    const current = openStore({ path: ':memory:' });
    open.push(databaseOf(current));
    for (const input of inputs) current.saveSnapshot(input);
    const v1 = atVersion(1, databaseOf(current));
    migrate(v1);

    for (const table of ['rule_summary', 'area_summary']) {
      const rows = (db: Database.Database): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`).all();
      expect(rows(v1).length).toBeGreaterThan(0);
      expect(rows(v1)).toEqual(rows(databaseOf(current)));
    }
    // Every count the migrations backfill is one the save writes too: none is left at its default.
    for (const column of ['ready', 'unverified', 'patch_reported', 'nodes_pending_reboot', 'scanned_recently'])
      expect(v1.prepare(`SELECT sum(${column}) FROM area_summary`).pluck().get()).toBeGreaterThan(0);
  });

  it('gives a v10 database with snapshots the funnel’s counts: scanned recently from the statuses, EC2 instances unknown', () => {
    const current = openStore({ path: ':memory:' });
    open.push(databaseOf(current));
    current.saveSnapshot(makeSnapshot({ nodes: 120 }));
    current.saveSnapshot(makeSnapshot({ nodes: 60, seed: 4, startedAt: '2026-01-22T09:00:00.000Z' }));
    const v10 = atVersion(10, databaseOf(current));
    const scanAge = rulePosition('patch.scan-age');
    const fromStatuses = v10
      .prepare(
        `SELECT snapshot_id, account_id, region, sum(substr(statuses, ${scanAge}, 1) = '${STATUS_CODES.pass}') AS n
         FROM node GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all();
    migrate(v10);

    expect(v10.prepare('SELECT snapshot_id, account_id, region, scanned_recently AS n FROM area_summary ORDER BY 1, 2, 3').all()).toEqual(
      fromStatuses,
    );
    expect(v10.prepare('SELECT sum(scanned_recently) FROM area_summary').pluck().get()).toBeGreaterThan(0);
    expect(v10.prepare('SELECT count(*) FROM area_summary WHERE ec2_instances IS NOT NULL OR unmanaged IS NOT NULL').pluck().get()).toBe(0);
    expect(v10.prepare('SELECT count(*) FROM scope WHERE coverage IS NOT NULL').pluck().get()).toBe(0);
    expect(v10.prepare('SELECT count(*) FROM unmanaged_instance').pluck().get()).toBe(0);
  });

  it('opens a v10 file as a store whose EC2 figures are unknown, never 0, and whose scopes were not read', () => {
    const current = openStore({ path: ':memory:' });
    open.push(databaseOf(current));
    const id = current.saveSnapshot(makeSnapshot({ nodes: 30 }));
    const path = join(tempDir('pa-v10-'), 'v10.sqlite');
    writeFileSync(path, atVersion(10, databaseOf(current)).serialize());
    const store = openStore({ path });
    try {
      const figures = figureValues(store.figureInput(id));
      expect([figures.ec2Instances, figures.unmanagedInstances]).toEqual([null, null]);
      expect(figures.scannedRecentlyNodes).toBe(figureValues(current.figureInput(id)).scannedRecentlyNodes);
      expect(figures.scannedRecentlyNodes).toBeGreaterThan(0);
      expect(store.unmanagedInstances(id)).toMatchObject({ total: 0, scopesRead: 0, scopesNotRead: 6 });
      expect(store.scopeSummary(id).every((r) => r.ec2Instances === null && r.unmanaged === null)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('gives a v4 database ready counts per area and keeps its rows', () => {
    const current = openStore({ path: ':memory:' });
    open.push(databaseOf(current));
    current.saveSnapshot(makeSnapshot({ nodes: 150 }));
    current.saveSnapshot(makeSnapshot({ nodes: 80, seed: 5, startedAt: '2026-01-22T09:00:00.000Z' }));
    const v4 = atVersion(4, databaseOf(current));
    const kept = (db: Database.Database): unknown[] => [
      db.prepare('SELECT * FROM node ORDER BY 1, 2').all(),
      db
        .prepare('SELECT snapshot_id, account_id, region, nodes, online, compliant, non_compliant FROM area_summary ORDER BY 1, 2, 3')
        .all(),
    ];
    const before = kept(v4);
    migrate(v4);

    expect(kept(v4)).toEqual(before);
    const ready = (db: Database.Database): unknown[] =>
      db.prepare('SELECT snapshot_id, account_id, region, ready FROM area_summary ORDER BY 1, 2, 3').all();
    expect(ready(v4)).toEqual(ready(databaseOf(current)));
    expect(v4.prepare('SELECT sum(ready) FROM area_summary').pluck().get()).toBeGreaterThan(0);
  });

  it('backfills ready nodes from exactly the positions of today’s prerequisites', () => {
    // One area per rule, holding one node that fails that rule and passes every other.
    const db = fresh();
    migrate(db, MIGRATIONS.slice(0, 4));
    db.exec(`INSERT INTO snapshot (id, started_at, finished_at, saved_at, status, catalog_edition, scan_age_days, tool_version, node_count)
      VALUES (1, 't', 't', 't', 'complete', 'seed-2022', 7, '0', ${RULE_IDS.length})`);
    const insertNode = db.prepare(
      "INSERT INTO node (snapshot_id, seq, account_id, region, instance_id, statuses) VALUES (1, ?, 'a', ?, ?, ?)",
    );
    const insertArea = db.prepare("INSERT INTO area_summary VALUES (1, 'a', ?, 1, 0, 0, 0, 0, 0)");
    RULE_IDS.forEach((rule, seq) => {
      const statuses = RULE_IDS.map((r) => (r === rule ? STATUS_CODES.fail : STATUS_CODES.pass)).join('');
      expect(statuses.indexOf(STATUS_CODES.fail) + 1).toBe(rulePosition(rule));
      insertNode.run(seq, rule, `i-${seq}`, statuses);
      insertArea.run(rule);
    });
    migrate(db);

    const readyByRule = Object.fromEntries(db.prepare('SELECT region, ready FROM area_summary').raw().all() as Array<[string, number]>);
    expect(readyByRule).toEqual(Object.fromEntries(RULE_IDS.map((rule) => [rule, PREREQUISITE_RULE_IDS.includes(rule) ? 0 : 1])));
  });

  it('backfills v7 from statuses: verified ready, not verified, and AWS compliance with a pending reboot counted against it', () => {
    const db = fresh();
    migrate(db, MIGRATIONS.slice(0, 6));
    db.exec(`INSERT INTO snapshot (id, started_at, finished_at, saved_at, status, catalog_edition, scan_age_days, tool_version, node_count)
      VALUES (1, 't', 't', 't', 'complete', 'seed-2022', 7, '0', 4)`);
    const statuses = (set: Partial<Record<(typeof RULE_IDS)[number], string>>): string =>
      RULE_IDS.map((rule) => set[rule] ?? STATUS_CODES.pass).join('');
    const nodes = [
      // Compliant under the old rule, but a reboot is pending: NON_COMPLIANT by AWS's.
      statuses({ 'patch.pending-reboot': STATUS_CODES.warn }),
      // A prerequisite could not be checked: not verified, never ready.
      statuses({ 'python.version': STATUS_CODES.unknown }),
      statuses({ 'os.supported': STATUS_CODES.fail, 'agent.version': STATUS_CODES.unknown }),
      statuses({ 'patch.scanned': STATUS_CODES.fail, 'patch.compliant': STATUS_CODES.unknown }),
    ];
    const insert = db.prepare(
      "INSERT INTO node (snapshot_id, seq, account_id, region, instance_id, statuses, missing_critical) VALUES (1, ?, 'a', 'r', ?, ?, ?)",
    );
    nodes.forEach((s, seq) => insert.run(seq, `i-${seq}`, s, seq === 0 ? 2 : 0));
    db.exec("INSERT INTO area_summary VALUES (1, 'a', 'r', 4, 4, 3, 0, 2, 0, 2, 0)");
    migrate(db);

    expect(
      db
        .prepare(
          'SELECT ready, unverified, patch_reported, compliant, non_compliant, nodes_missing_critical, nodes_pending_reboot FROM area_summary',
        )
        .get(),
    ).toEqual({
      ready: 2,
      unverified: 1,
      patch_reported: 3,
      compliant: 2,
      non_compliant: 1,
      nodes_missing_critical: 1,
      nodes_pending_reboot: 1,
    });
  });

  // Issue 28: before v8 an account never reached was saved as one scope named by a placeholder.
  it('turns a v6 placeholder scope into what it was: one scope per listed region, or an account-level one', () => {
    const current = openStore({ path: ':memory:' });
    open.push(databaseOf(current));
    const input = makeSnapshot({ nodes: 20, accounts: ['111111111111'], regions: ['eu-west-1', 'us-east-1'] });
    const refused = {
      status: 'failed' as const,
      error: 'role refused',
      errorCode: 'role_not_assumable' as const,
      errorParams: { role: 'r' },
    };
    const empty = { nodes: 0, calls: 1, throttles: 0, gaps: [] };
    current.saveSnapshot({
      ...input,
      status: 'partial',
      scopes: [...input.scopes, { accountId: '222222222222', region: 'x', ...refused, ...empty }],
    });
    current.saveSnapshot({
      ...input,
      status: 'partial',
      scopes: [...input.scopes, { accountId: '333333333333', region: 'x', ...refused, ...empty }],
    });
    const v6 = atVersion(6, databaseOf(current));
    v6.prepare("UPDATE scope SET region = 'eu-west-1,us-east-1' WHERE account_id = '222222222222'").run();
    v6.prepare("UPDATE scope SET region = 'all' WHERE account_id = '333333333333'").run();
    const scopes = (db: Database.Database, account: string): unknown[] =>
      db
        .prepare('SELECT snapshot_id, region, status, error, error_code, error_params, calls FROM scope WHERE account_id = ? ORDER BY 1, 2')
        .all(account);
    const regional = scopes(v6, '111111111111');
    migrate(v6);

    expect(scopes(v6, '111111111111')).toEqual(regional);
    const failed = { status: 'failed', error: 'role refused', error_code: 'role_not_assumable', error_params: '{"role":"r"}', calls: 1 };
    expect(scopes(v6, '222222222222')).toEqual([
      { snapshot_id: 1, region: 'eu-west-1', ...failed },
      { snapshot_id: 1, region: 'us-east-1', ...failed },
    ]);
    expect(scopes(v6, '333333333333')).toEqual([{ snapshot_id: 2, region: null, ...failed }]);
    // A collected scope always names its region, and an account has one account-level scope at most.
    expect(() =>
      v6
        .prepare(
          "INSERT INTO scope (snapshot_id, account_id, region, status, nodes, calls, throttles, gaps) VALUES (2, 'a', NULL, 'ok', 0, 0, 0, '[]')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      v6
        .prepare(
          "INSERT INTO scope (snapshot_id, account_id, region, status, nodes, calls, throttles, gaps) VALUES (2, '333333333333', NULL, 'failed', 0, 0, 0, '[]')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('applies each migration in its own transaction: a failing one leaves the previous version', () => {
    const db = fresh();
    migrate(db);
    const broken = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        description: 'fails halfway',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(version(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer version', () => {
    const db = fresh();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(SchemaTooNewError);
    expect(() => migrate(db)).toThrow(/newer Patch Auditor/);
  });
});
