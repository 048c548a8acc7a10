/**
 * Maintenance and diagnostics on the store's own connection: some settings are per connection
 * (foreign keys, synchronous), so only this connection can report them truthfully.
 */
import type { Database } from 'better-sqlite3';
import type { ConnectionSettings } from './types';

/** Moves every committed page from the WAL into the database file and empties the WAL. */
export function checkpoint(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}

/** SQLite's integrity and foreign-key checks; an empty list means the database is sound. */
export function checkIntegrity(db: Database): string[] {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .filter((message) => message !== 'ok');
  const foreignKeys = (db.pragma('foreign_key_check') as ForeignKeyViolation[]).map(
    (v) => `foreign key: row ${String(v.rowid)} of ${v.table} points at a missing ${v.parent}`,
  );
  return [...integrity, ...foreignKeys];
}

export function connectionSettings(db: Database): ConnectionSettings {
  const get = (name: string): unknown => db.pragma(name, { simple: true });
  return {
    journalMode: String(get('journal_mode')),
    foreignKeys: Number(get('foreign_keys')),
    synchronous: Number(get('synchronous')),
    autoVacuum: Number(get('auto_vacuum')),
  };
}
