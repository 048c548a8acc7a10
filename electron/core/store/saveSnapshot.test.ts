import { afterEach, describe, expect, it } from 'vitest';
import { makeSnapshot, testNode, testSnapshot } from '../../../test/fixtures/makeSnapshot';
import { loadSnapshotInput } from './loadSnapshotInput';
import { databaseOf } from './handle';
import { openStore } from './openStore';
import type { Store } from './openStore';
import { InvalidSnapshotError, packNodes } from './saveSnapshot';

let store: Store;
afterEach(() => store.close());
const count = (table: string): number => (databaseOf(store).prepare(`SELECT count(*) AS c FROM ${table}`).get() as { c: number }).c;

describe('saveSnapshot', () => {
  it('stores everything needed to rebuild the input without AWS', () => {
    store = openStore({ path: ':memory:', clock: () => new Date('2026-03-01T00:00:00Z') });
    const input = makeSnapshot({ nodes: 60 });
    input.scopes.push({
      accountId: '444444444444',
      region: 'eu-west-1',
      status: 'failed',
      error: 'AccessDenied: sts:AssumeRole',
      nodes: 0,
      calls: 1,
      throttles: 2,
      gaps: ['ssm:GetInventory'],
    });
    input.status = 'partial';
    input.derivedFrom = undefined;
    const id = store.saveSnapshot(input);
    const { meta, input: back } = loadSnapshotInput(databaseOf(store), id);
    const { derivedFrom: _d, ...expected } = input;
    expect(back).toEqual({
      ...expected,
      scopes: [...input.scopes].sort((a, b) => a.accountId.localeCompare(b.accountId) || (a.region ?? '').localeCompare(b.region ?? '')),
    });
    expect(meta).toMatchObject({ id, savedAt: '2026-03-01T00:00:00.000Z', nodeCount: 60, status: 'partial' });
  });

  it('packs nodes by chunks and finds any node in them', () => {
    store = openStore({ path: ':memory:' });
    const input = makeSnapshot({ nodes: 150 });
    const id = store.saveSnapshot(input);
    expect(count('node_detail')).toBeGreaterThan(1);
    for (const i of [0, 63, 64, 127, 128, 149]) {
      const { facts, checks } = input.nodes[i]!;
      const d = store.nodeDetail(id, facts.instanceId, facts.accountId, facts.region);
      expect(d?.facts).toEqual(facts);
      expect(d?.checks).toEqual(checks);
    }
  });

  it('stores each distinct network and inventory once, across nodes and snapshots', () => {
    store = openStore({ path: ':memory:' });
    const input = makeSnapshot({ nodes: 400, regions: ['us-east-1'] });
    store.saveSnapshot(input);
    const distinct = new Set(input.nodes.flatMap((n) => [JSON.stringify(n.facts.network), JSON.stringify(n.facts.inventory)])).size;
    expect(count('fact_part')).toBe(distinct);
    store.saveSnapshot(input);
    expect(count('fact_part')).toBe(distinct);
    expect(count('node')).toBe(800);
  });

  it('refuses a node or a scope listed twice or a rule checked twice, writing nothing', () => {
    store = openStore({ path: ':memory:' });
    const twice = testSnapshot([testNode({ instanceId: 'i-1' }), testNode({ instanceId: 'i-1' })]);
    expect(() => store.saveSnapshot(twice)).toThrow(InvalidSnapshotError);
    const n = testNode({ instanceId: 'i-2', statuses: { 'agent.version': 'pass' } });
    n.checks.push(n.checks[0]!);
    expect(() => store.saveSnapshot(testSnapshot([n]))).toThrow(/more than one check/);
    const scopeTwice = makeSnapshot({ nodes: 2 });
    scopeTwice.scopes.push(scopeTwice.scopes[0]!);
    expect(() => store.saveSnapshot(scopeTwice)).toThrow(/scope \d{12}\/[a-z0-9-]+ appears twice/);
    expect(count('snapshot')).toBe(0);
    expect(count('node')).toBe(0);
  });

  it('rolls the whole snapshot back when a write fails midway', () => {
    store = openStore({ path: ':memory:' });
    store.saveSnapshot(makeSnapshot({ nodes: 10 }));
    databaseOf(store).exec("CREATE TRIGGER boom BEFORE INSERT ON area_summary BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => store.saveSnapshot(makeSnapshot({ nodes: 10, seed: 2 }))).toThrow(/disk full/);
    expect(count('snapshot')).toBe(1);
    expect(count('node')).toBe(10);
    expect(count('node_detail')).toBe(1);
    expect(databaseOf(store).prepare('SELECT count(*) FROM rule_summary WHERE snapshot_id <> 1').pluck().get()).toBe(0);
  });

  it('stores nodes packed in batches exactly as the same nodes saved whole, in batch order', () => {
    store = openStore({ path: ':memory:', clock: () => new Date('2026-03-01T00:00:00Z') });
    const input = makeSnapshot({ nodes: 230, regions: ['us-east-1', 'eu-west-1'], patches: {} });
    const { nodes, ...meta } = input;
    // Batch sizes off the 64-node chunks, so chunks end short inside the snapshot.
    const batches = [nodes.slice(0, 100), nodes.slice(100, 101), nodes.slice(101)].map((b) => packNodes(b));
    const whole = store.saveSnapshot(input);
    const packed = store.saveSnapshot({ ...meta, packed: batches });
    expect(loadSnapshotInput(databaseOf(store), packed).input).toEqual(loadSnapshotInput(databaseOf(store), whole).input);
    for (const i of [0, 99, 100, 101, 164, 165, 229]) {
      const { facts, checks } = nodes[i]!;
      expect(store.nodeDetail(packed, facts.instanceId, facts.accountId, facts.region)).toMatchObject({ facts, checks });
    }
    const table = (id: number, t: string): unknown[] =>
      (databaseOf(store).prepare(`SELECT * FROM ${t} WHERE snapshot_id = ?`).raw().all(id) as unknown[][])
        .map((r) => JSON.stringify(r.slice(1)))
        .sort();
    for (const t of ['rule_summary', 'area_summary', 'open_cve', 'snapshot_part']) expect(table(packed, t)).toEqual(table(whole, t));
    expect(table(packed, 'open_cve').length).toBeGreaterThan(0);
  });

  it('holds one part for the network facts that batches packed with one cache share', () => {
    // Node i and node i + 40 are in one subnet.
    const { nodes } = makeSnapshot({ nodes: 80 });
    const cache = new Map();
    const [first, second] = [nodes.slice(0, 40), nodes.slice(40)].map((b) => packNodes(b, cache));
    const key = (r: { network?: { json: string } | undefined }) => r.network?.json;
    const shared = first!.rows.find((a) => second!.rows.some((b) => key(a) !== undefined && key(a) === key(b)));
    expect(shared).toBeDefined();
    expect(second!.rows.find((b) => key(b) === key(shared!))!.network).toBe(shared!.network);
    const apart = [nodes.slice(0, 40), nodes.slice(40)].map((b) => packNodes(b));
    expect(apart[1]!.rows.find((b) => key(b) === key(shared!))!.network).not.toBe(
      apart[0]!.rows.find((a) => key(a) === key(shared!))!.network,
    );
  });

  it('refuses a node listed in two batches', () => {
    store = openStore({ path: ':memory:' });
    const { nodes, ...meta } = makeSnapshot({ nodes: 3 });
    expect(() => store.saveSnapshot({ ...meta, packed: [packNodes(nodes), packNodes(nodes.slice(2))] })).toThrow(/appears twice/);
    expect(count('snapshot')).toBe(0);
  });
});
