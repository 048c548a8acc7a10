import Database from 'better-sqlite3';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

let dir: string;
beforeEach(() => (dir = tempDir('pa-file-')));
const mode = (p: string): number => statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

describe('the database file', () => {
  it.runIf(posix)('is created owner-only, with its WAL and shared-memory files, in a new folder', () => {
    const path = join(dir, 'nested', 'data', 'patch-auditor.sqlite');
    const store = openStore({ path });
    store.saveSnapshot(makeSnapshot({ nodes: 5 }));
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    expect(mode(`${path}-shm`)).toBe(0o600);
    store.close();
  });

  it.runIf(posix)('is made owner-only when it already existed with wider permissions', () => {
    const path = join(dir, 'old.sqlite');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    openStore({ path }).close();
    expect(mode(path)).toBe(0o600);
  });

  it('runs in WAL mode with foreign keys, NORMAL sync and incremental vacuum', () => {
    const store = openStore({ path: join(dir, 'db.sqlite') });
    expect(store.connectionSettings()).toEqual({ journalMode: 'wal', foreignKeys: 1, synchronous: 1, autoVacuum: 2 });
    store.close();
  });

  it('keeps snapshots across reopen and gives space back after a delete', () => {
    const path = join(dir, 'db.sqlite');
    let store = openStore({ path });
    const keep = store.saveSnapshot(makeSnapshot({ nodes: 20 }));
    const big = store.saveSnapshot(makeSnapshot({ nodes: 3000, seed: 2 }));
    store.close();
    const full = statSync(path).size;
    store = openStore({ path });
    expect(store.listSnapshots().map((s) => s.id)).toEqual([big, keep].sort((a, b) => b - a));
    store.deleteSnapshot(big);
    store.close();
    expect(statSync(path).size).toBeLessThan(full / 4);
  });

  it('has no column that could hold a credential', () => {
    // The schema as the file holds it, read through a connection of our own (the store's is sealed).
    const store = openStore({ path: join(dir, 'schema.sqlite') });
    const file = new Database(store.path, { readonly: true });
    const columns = file
      .prepare("SELECT m.name || '.' || p.name FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table'")
      .pluck()
      .all() as string[];
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => /secret|password|token|credential|session|access_?key/i.test(c))).toEqual([]);
    file.close();
    store.close();
  });
});
