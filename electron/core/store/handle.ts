/**
 * The seal (README): a store's database handle is kept here, keyed by the store object, not on
 * it. Functions of this folder that take a `Store` (import, the write probe) reach the handle;
 * index.ts does not export this file and lint forbids importing it from outside, so SQL against
 * the store's connection can only be written inside electron/core/store.
 */
import type { Database } from 'better-sqlite3';
import type { Store } from './openStore';

const handles = new WeakMap<Store, Database>();

export function sealHandle<S extends Store>(store: S, db: Database): S {
  handles.set(store, db);
  return store;
}

export function databaseOf(store: Store): Database {
  const db = handles.get(store);
  // A copy or a hand-made object has no connection behind it: fail loudly rather than guess.
  if (!db) throw new TypeError('not a store returned by openStore');
  return db;
}
