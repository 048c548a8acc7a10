/**
 * Issue 30: a snapshot's unmanaged EC2 instances and its scopes' coverage survive export and
 * import (fast-check over generated snapshots: scopes read and not read, account-level failed
 * scopes, names in odd Unicode, every state, route and role policy), a file written before issue
 * 30 still imports, and a file whose instances disagree with its scopes is refused, changing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportSnapshots, ImportError, importArchive, importSnapshots, openStore, type Store } from '../../../electron/core/store';
import {
  EndpointRoute,
  HostManagement,
  INSTANCE_STATES,
  RolePolicy,
  UNMANAGED_CAUSES,
  type PlacedUnmanagedInstance,
} from '../../../shared/ec2Coverage';
import { figureValues } from '../../../shared/figures';
import type { ScopeResult, SnapshotInput } from '../../../shared/model';
import { makeSnapshot, testNode, testSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

// Not PATCH_AUDITOR_…: the test setup clears the app's own variables (test/support/isolatedHome.ts).
const RUNS = Number(process.env.PROPERTY_TEST_RUNS ?? 60);
const REGIONS = ['ap-northeast-1', 'eu-west-1', 'us-east-1'];
// Text the import accepts: no control characters but tab and line breaks (archiveSchema.ts).
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const oddText = fc
  .oneof(
    fc.string({ maxLength: 30, unit: 'grapheme' }),
    fc.string({ maxLength: 30, unit: 'binary' }),
    fc.constantFrom('Ｗｅｂ サーバー', 'e\u0301cole', '👩‍💻 build', 'مرحبا', '\u200b', ' padded ', 'İı', 'tab\there'),
  )
  .filter((s) => !CONTROL.test(s));
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));

const instance = fc.record(
  {
    instanceId: hex(17).map((h) => `i-${h}`),
    name: oddText,
    state: fc.constantFrom(...INSTANCE_STATES),
    platform: fc.constantFrom('Linux/UNIX', 'Windows', 'Red Hat Enterprise Linux', 'Windows with SQL Server Standard'),
    vpcId: hex(17).map((h) => `vpc-${h}`),
    subnetId: hex(17).map((h) => `subnet-${h}`),
    launchedAt: fc
      .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    instanceProfileArn: fc.constantFrom(
      'arn:aws:iam::111111111111:instance-profile/app',
      'arn:aws:iam::111111111111:instance-profile/a/b+c=d,e@f',
    ),
    route: fc.constantFrom(...EndpointRoute.options),
    rolePolicy: fc.constantFrom(...RolePolicy.options),
  },
  { requiredKeys: ['instanceId', 'state', 'route', 'rolePolicy'] },
);

/** One regional scope: read (with its unmanaged instances and managed ones beyond), not read, or failed. */
const regionalScope = fc.oneof(
  fc.record({
    kind: fc.constant('read' as const),
    hostManagement: fc.constantFrom(...HostManagement.options),
    nodes: fc.nat(2),
    extraManaged: fc.nat(3),
    unmanaged: fc.uniqueArray(instance, { maxLength: 5, selector: (u) => u.instanceId }),
  }),
  fc.record({ kind: fc.constant('notRead' as const), nodes: fc.nat(2) }),
  fc.record({ kind: fc.constantFrom('failed' as const, 'cancelled' as const) }),
);

const generated = fc.record({
  accounts: fc.uniqueArray(fc.stringMatching(/^\d{12}$/), { minLength: 1, maxLength: 3 }),
  scopes: fc.array(fc.array(regionalScope, { minLength: REGIONS.length, maxLength: REGIONS.length }), { minLength: 3, maxLength: 3 }),
  // An account never reached under all regions: one failed scope with no region.
  unreached: fc.option(fc.stringMatching(/^\d{12}$/), { nil: undefined }),
});
type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

function snapshotOf(g: Generated): SnapshotInput {
  const scopes: ScopeResult[] = [];
  const nodes: SnapshotInput['nodes'] = [];
  const unmanaged: PlacedUnmanagedInstance[] = [];
  g.accounts.forEach((accountId, a) =>
    REGIONS.forEach((region, r) => {
      const s = g.scopes[a]![r]!;
      const base = { accountId, region, calls: 3, throttles: 0, gaps: [] };
      if (s.kind !== 'read' && s.kind !== 'notRead') {
        scopes.push({ ...base, status: s.kind, nodes: 0 });
        return;
      }
      const held = Array.from({ length: s.nodes }, (_, i) =>
        testNode({ instanceId: `i-node${a}${r}${i}`, accountId, region, statuses: { 'node.online': 'pass', 'patch.scan-age': 'pass' } }),
      );
      nodes.push(...held);
      const scope: ScopeResult = { ...base, status: 'ok', nodes: held.length };
      if (s.kind === 'read') {
        scope.coverage = { ec2Instances: held.length + s.extraManaged + s.unmanaged.length, hostManagement: s.hostManagement };
        unmanaged.push(...s.unmanaged.map((u) => ({ ...u, accountId, region })));
      }
      scopes.push(scope);
    }),
  );
  if (g.unreached !== undefined && !g.accounts.includes(g.unreached))
    scopes.push({ accountId: g.unreached, region: null, status: 'failed', nodes: 0, calls: 1, throttles: 0, gaps: [] });
  const partial = scopes.some((s) => s.status !== 'ok');
  return testSnapshot(nodes, { scopes, unmanaged, status: partial ? 'partial' : 'complete' });
}

/** Everything issue 30 answers about a snapshot, as a reader sees it. */
function coverageView(store: Store, id: number) {
  const { input } = store.loadSnapshotInput(id);
  return {
    unmanaged: input.unmanaged ?? [],
    coverage: input.scopes.map((s) => [s.accountId, s.region, s.coverage]),
    figures: figureValues(store.figureInput(id)),
    scopes: store.scopeSummary(id),
    list: store.unmanagedInstances(id, { limit: 10_000 }),
    stoppedOrNoRoute: store.unmanagedInstances(id, { filters: { causes: ['stopped', 'noRoute'], search: 'i-' }, limit: 3, offset: 1 }),
  };
}

async function roundTrip(from: Store, id: number): Promise<{ to: Store; id: number }> {
  const file = join(tempDir('pa-ec2-archive-'), 'snapshot.patchaudit');
  exportSnapshots(from, [id], file);
  const to = openStore({ path: ':memory:' });
  const [imported] = await importSnapshots(to, file);
  return { to, id: imported! };
}

describe('EC2 coverage through export and import', () => {
  it('restores the same unmanaged instances, coverage, figures and list for any snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const from = openStore({ path: ':memory:' });
        const id = from.saveSnapshot(snapshotOf(g));
        const back = await roundTrip(from, id);
        try {
          expect(coverageView(back.to, back.id)).toEqual(coverageView(from, id));
          // The figures count what the list holds, and byCause what its rows say.
          const view = coverageView(back.to, back.id);
          expect(view.figures.unmanagedInstances ?? 0).toBe(view.list.total);
          for (const cause of UNMANAGED_CAUSES)
            expect(view.list.byCause[cause]).toBe(view.list.rows.filter((r) => r.causes.includes(cause)).length);
        } finally {
          from.close();
          back.to.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('imports a file written before issue 30 (format version 1, no coverage), its EC2 figures unknown', async () => {
    const from = openStore({ path: ':memory:' });
    const id = from.saveSnapshot(makeSnapshot({ nodes: 12 }));
    const file = join(tempDir('pa-ec2-archive-'), 'old.patchaudit');
    exportSnapshots(from, [id], file);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const nl = text.indexOf('\n');
    const header = { ...(JSON.parse(text.slice(0, nl)) as Record<string, unknown>), version: 1 };
    writeFileSync(file, gzipSync(`${JSON.stringify(header)}\n${text.slice(nl + 1)}`));
    const to = openStore({ path: ':memory:' });
    const [imported] = await importSnapshots(to, file);
    const figures = figureValues(to.figureInput(imported!));
    expect([figures.ec2Instances, figures.unmanagedInstances, figures.managedNodes]).toEqual([null, null, 12]);
    expect(to.unmanagedInstances(imported!)).toMatchObject({ total: 0, scopesRead: 0, scopesNotRead: 6 });
    from.close();
    to.close();
  });

  describe('refuses a file whose instances do not fit, saying why, and changes nothing', () => {
    const source = makeSnapshot({ nodes: 6, accounts: ['111111111111'], unmanaged: { perScope: 3, notReadRegions: ['us-east-1'] } });
    type Payload = { snapshots: Array<Record<string, unknown> & { scopes: ScopeResult[]; unmanaged: PlacedUnmanagedInstance[] }> };

    async function refusal(change: (p: Payload) => void): Promise<string> {
      const from = openStore({ path: ':memory:' });
      const file = join(tempDir('pa-ec2-archive-'), 'bad.patchaudit');
      exportSnapshots(from, [from.saveSnapshot(source)], file);
      from.close();
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      const nl = text.indexOf('\n');
      const payload = JSON.parse(text.slice(nl + 1)) as Payload;
      change(payload);
      const body = Buffer.from(JSON.stringify(payload), 'utf8');
      const header = {
        ...(JSON.parse(text.slice(0, nl)) as Record<string, unknown>),
        payloadBytes: body.length,
        payloadSha256: createHash('sha256').update(body).digest('hex'),
      };
      writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body])));
      const to = openStore({ path: ':memory:' });
      try {
        await importArchive(to, file);
        return '';
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
        expect(to.listSnapshots()).toEqual([]);
        return (err as Error).message;
      } finally {
        to.close();
      }
    }
    const first = (p: Payload) => p.snapshots[0]!;

    it.each<[string, (p: Payload) => void, RegExp]>([
      ['an unknown state', (p) => void (first(p).unmanaged[0]!.state = 'terminated' as never), /unmanaged\[0\]\.state/],
      ['an unknown route', (p) => void (first(p).unmanaged[0]!.route = 'maybe' as never), /unmanaged\[0\]\.route/],
      ['a name with a control character', (p) => void (first(p).unmanaged[1]!.name = 'a\u001bb'), /control characters/],
      ['a field instances do not have', (p) => void Object.assign(first(p).unmanaged[0]!, { causes: ['noRoute'] }), /unmanaged\[0\]/],
      [
        'an unknown host management',
        (p) => void (first(p).scopes[0]!.coverage = { ec2Instances: 9, hostManagement: 'maybe' as never }),
        /scopes\[0\]\.coverage\.hostManagement/,
      ],
      [
        'an instance in a region not read',
        (p) => void (first(p).unmanaged[0]!.region = 'us-east-1'),
        /in 111111111111\/us-east-1, whose EC2 instances were not read/,
      ],
      [
        'more instances than the scope counts',
        (p) => void (first(p).scopes[0]!.coverage!.ec2Instances = 1),
        /more unmanaged instances than the EC2 instances it counts/,
      ],
      [
        'an instance that is also a node',
        (p) => void (first(p).unmanaged[0]!.instanceId = (first(p).nodes as Array<{ facts: { instanceId: string } }>)[0]!.facts.instanceId),
        /both a managed node and an unmanaged instance/,
      ],
    ])('%s', async (_what, change, message) => {
      expect(await refusal(() => undefined)).toBe('');
      expect(await refusal(change)).toMatch(message);
    });
  });
});
