import { afterAll, describe, expect, it } from 'vitest';
import { nodeOrderBy, nodeWhere } from './nodeFilters';
import { databaseOf } from './handle';
import { openStore } from './openStore';
import { unmanagedWhere } from './unmanaged';

// The plans that keep 50,000-node snapshots fast: every per-snapshot query seeks the snapshot's
// slice of the clustered primary key, node history seeks the instance index, and nothing scans
// the whole node table (which holds every snapshot).
const store = openStore({ path: ':memory:' });
afterAll(() => store.close());
const plan = (sql: string, ...params: unknown[]): string =>
  (
    databaseOf(store)
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params) as Array<{ detail: string }>
  )
    .map((r) => r.detail)
    .join('\n');

describe('query plans', () => {
  it('node lists seek the snapshot in the primary key, even filtered, searched and sorted', () => {
    const w = nodeWhere(1, { accountIds: ['111111111111'], rule: 'agent.version', statuses: ['fail'], search: 'web' });
    const p = plan(
      `SELECT * FROM node n WHERE ${w.sql} ORDER BY ${nodeOrderBy({ key: 'agentVersion', dir: 'desc' })} LIMIT 100`,
      ...w.params,
    );
    expect(p).toMatch(/SEARCH n USING PRIMARY KEY \(snapshot_id=\?\)/);
    expect(p).not.toMatch(/SCAN n/);
  });

  it('node history uses the instance index', () => {
    const p = plan(
      'SELECT s.id, n.statuses FROM node n JOIN snapshot s ON s.id = n.snapshot_id WHERE n.instance_id = ? AND n.account_id = ? AND n.region = ?',
      'i-1',
      'a',
      'r',
    );
    expect(p).toMatch(/SEARCH n USING INDEX node_instance \(instance_id=\?\)/);
  });

  it('trends read summary rows, not nodes', () => {
    const p = plan(
      'SELECT s.id, sum(x.nodes) FROM snapshot s JOIN area_summary x ON x.snapshot_id = s.id WHERE s.derived_from IS NULL GROUP BY s.id',
    );
    expect(p).toMatch(/SEARCH x USING PRIMARY KEY \(snapshot_id=\?\)/);
  });

  it('unmanaged-instance lists seek the snapshot in the primary key, in its order: no sort', () => {
    for (const filters of [{}, { accountIds: ['111111111111', '222222222222'], regions: ['us-east-1'], states: ['stopped' as const] }]) {
      const w = unmanagedWhere(1, filters);
      const p = plan(`SELECT * FROM unmanaged_instance WHERE ${w.sql} ORDER BY account_id, region, instance_id`, ...w.params);
      expect(p).toMatch(/SEARCH unmanaged_instance USING PRIMARY KEY \(snapshot_id=\?/);
      expect(p).not.toMatch(/TEMP B-TREE|SCAN unmanaged_instance/);
    }
  });

  it('node detail seeks the node and the chunk of packed details holding it', () => {
    expect(
      plan('SELECT * FROM node n WHERE n.snapshot_id = ? AND n.instance_id = ? AND n.account_id = ? AND n.region = ?', 1, 'i', 'a', 'r'),
    ).toMatch(/SEARCH n USING INDEX node_instance \(instance_id=\? AND snapshot_id=\?\)/);
    expect(
      plan('SELECT first_seq, data FROM node_detail WHERE snapshot_id = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1', 1, 5),
    ).toMatch(/SEARCH node_detail USING PRIMARY KEY \(snapshot_id=\? AND first_seq<\?\)/);
  });
});
