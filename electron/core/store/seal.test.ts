/** The store is sealed (README): its database handle is never a property of the `Store`. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseOf } from './handle';
import { openStore } from './openStore';

describe('a store', () => {
  it('hands out operations, not its database handle', () => {
    const store = openStore({ path: ':memory:' });
    try {
      const values = Reflect.ownKeys(store).map((key) => Reflect.get(store, key) as unknown);
      expect(Object.keys(store)).not.toContain('db');
      expect(values.filter((value) => value instanceof Database)).toEqual([]);
      expect(databaseOf(store)).toBeInstanceOf(Database);
    } finally {
      store.close();
    }
  });

  it('is the only kind of object its private functions accept', () => {
    const store = openStore({ path: ':memory:' });
    try {
      expect(() => databaseOf({ ...store })).toThrow(/not a store returned by openStore/);
    } finally {
      store.close();
    }
  });
});
