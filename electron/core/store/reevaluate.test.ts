import { afterEach, describe, expect, it } from 'vitest';
import type { Check, NodeFacts } from '../../../shared/model';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { makeSnapshot } from '../../../test/fixtures/makeSnapshot';
import { loadSnapshotInput, SnapshotNotFoundError } from './loadSnapshotInput';
import { databaseOf } from './handle';
import { openStore } from './openStore';
import type { Store } from './openStore';
import { reevaluate } from './reevaluate';
import type { EvaluateOptions } from './reevaluate';

let store: Store;
afterEach(() => store.close());

describe('reevaluate', () => {
  it('evaluates the stored facts again and saves a derived snapshot', () => {
    store = openStore({ path: ':memory:' });
    const input = makeSnapshot({ nodes: 20 });
    const source = store.saveSnapshot(input);
    const seen: Array<[NodeFacts, EvaluateOptions]> = [];
    // A stand-in rules engine: only agent.version, judged against the edition's minimum.
    const evaluate = (facts: NodeFacts, opts: EvaluateOptions): Check[] => {
      seen.push([facts, opts]);
      const ok = (facts.agentVersion ?? '').startsWith('3.');
      return [
        {
          rule: 'agent.version',
          status: ok ? 'pass' : 'fail',
          code: ok ? 'agent.version.ok' : 'agent.version.old',
          params: { edition: opts.catalogEdition },
          evidence: { agentVersion: facts.agentVersion ?? null },
        },
      ];
    };
    const derived = reevaluate(store, source, { catalogEdition: 'aws-2025', scanAgeDays: 14 }, evaluate);

    expect(seen.map(([f]) => f)).toEqual(input.nodes.map((n) => n.facts));
    expect(seen[0]?.[1]).toEqual({ catalogEdition: 'aws-2025', scanAgeDays: 14, now: new Date(input.finishedAt) });
    expect(store.getSnapshot(derived)).toMatchObject({
      derivedFrom: source,
      catalogEdition: 'aws-2025',
      scanAgeDays: 14,
      toolVersion: TOOL_VERSION,
      startedAt: input.startedAt,
      nodeCount: 20,
    });
    const back = loadSnapshotInput(databaseOf(store), derived).input;
    expect(back.nodes.map((n) => n.facts)).toEqual(input.nodes.map((n) => n.facts));
    expect(back.nodes.map((n) => n.platform)).toEqual(input.nodes.map((n) => n.platform));
    expect(back.nodes[0]?.checks).toEqual(
      evaluate(input.nodes[0]!.facts, { catalogEdition: 'aws-2025', scanAgeDays: 14, now: new Date() }),
    );
    const failing = input.nodes.filter((n) => !(n.facts.agentVersion ?? '').startsWith('3.')).length;
    expect(store.ruleSummary(derived).find((r) => r.rule === 'agent.version')).toMatchObject({ fail: failing, pass: 20 - failing });
    // The source is untouched.
    expect(loadSnapshotInput(databaseOf(store), source).input.nodes[0]?.checks).toEqual(input.nodes[0]?.checks);
  });

  it('measures scan age from a given moment and re-normalizes platforms on request', () => {
    store = openStore({ path: ':memory:' });
    const source = store.saveSnapshot(makeSnapshot({ nodes: 2 }));
    const now = new Date('2026-06-01T00:00:00Z');
    let given: Date | undefined;
    const derived = reevaluate(
      store,
      source,
      { catalogEdition: 'x', scanAgeDays: 7, now, normalize: () => ({ type: 'Linux', family: 'renamed' }) },
      (_f, o) => {
        given = o.now;
        return [];
      },
    );
    expect(given).toEqual(now);
    expect(store.queryNodes(derived).rows.map((r) => r.platform?.family)).toEqual(['renamed', 'renamed']);
  });

  it('keeps the source’s unmanaged EC2 instances and coverage: the facts do not change, the causes are derived on read', () => {
    store = openStore({ path: ':memory:' });
    const input = makeSnapshot({ nodes: 12, unmanaged: { perScope: 7, hostManagement: 'off', notReadRegions: ['us-east-1'] } });
    const source = store.saveSnapshot(input);
    const derived = reevaluate(store, source, { catalogEdition: 'aws-2025', scanAgeDays: 30 }, () => []);
    const back = loadSnapshotInput(databaseOf(store), derived).input;
    expect(back.unmanaged).toEqual(loadSnapshotInput(databaseOf(store), source).input.unmanaged);
    expect(back.unmanaged).toHaveLength(3 * 7);
    expect(back.scopes.map((s) => s.coverage)).toEqual(input.scopes.map((s) => s.coverage));
    expect(store.unmanagedInstances(derived, { limit: 100 })).toEqual(store.unmanagedInstances(source, { limit: 100 }));
    expect(store.scopeSummary(derived).map((r) => [r.ec2Instances, r.unmanaged])).toEqual(
      store.scopeSummary(source).map((r) => [r.ec2Instances, r.unmanaged]),
    );
  });

  it('refuses a snapshot that does not exist', () => {
    store = openStore({ path: ':memory:' });
    expect(() => reevaluate(store, 42, { catalogEdition: 'x', scanAgeDays: 7 }, () => [])).toThrow(SnapshotNotFoundError);
  });
});
