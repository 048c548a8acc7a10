import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import { TABLES } from './rows';

describe('the row map', () => {
  it('names every table of the schema, and each one’s columns in schema order', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all()
        .map((t) => t.name);
      expect(Object.keys(TABLES).sort()).toEqual(tables);
      for (const table of tables) {
        const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all();
        expect(Object.keys(TABLES[table as keyof typeof TABLES]), table).toEqual(columns.map((c) => c.name));
      }
    } finally {
      db.close();
    }
  });
});
