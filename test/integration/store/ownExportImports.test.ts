/**
 * The promise of docs/reliability.md "the app's own export always imports" (issue 28 item 1):
 * whatever an audit can save, saved → exported → imported into an empty database gives the same
 * snapshot back. Real audits against the simulator with an account that cannot be reached, then
 * generated audits over what runAudit can produce (fast-check; PROPERTY_TEST_RUNS runs
 * more of them locally).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportSnapshots,
  importArchive,
  importSnapshots,
  openStore,
  SnapshotNodes,
  reevaluate,
  type Store,
} from '../../../electron/core/store';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { countScopes } from '../../../shared/auditPlan';
import { CATALOG_EDITIONS, getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import type { NodeFacts, PatchDetail, ScopeResult, SnapshotInput } from '../../../shared/model';
import { SOURCE_GAPS } from '../../../shared/rules/sources';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import { UserText } from '../../../shared/userText';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';
import { audit } from '../audit/auditHarness';

const UNREACHABLE = '123456789012';
const ROLE = { roleName: 'PatchAuditRole', externalId: 'patch-audit-external-id' };

/** Exports snapshot `id` of `from` and imports it into a new, empty database; returns that database and the new id. */
async function roundTrip(from: Store, id: number): Promise<{ to: Store; id: number }> {
  const dir = tempDir('pa-own-export-');
  const file = join(dir, 'snapshot.patchaudit');
  exportSnapshots(from, [id], file);
  const to = openStore({ path: ':memory:' });
  const [imported] = await importSnapshots(to, file);
  return { to, id: imported! };
}

/** Everything a snapshot holds but its id and when it was saved here. */
function content(store: Store, id: number) {
  const { meta, input } = store.loadSnapshotInput(id);
  // Where a copy came from is the one thing an import adds: the restored snapshot says it was imported.
  const { id: _id, savedAt: _savedAt, importedFrom: _from, importedAt: _at, ...rest } = meta;
  return { meta: rest, input };
}

describe('an audit with an account that cannot be reached', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      fleetOptions: { seed: 'own-export', accounts: 2, regions: ['eu-west-1', 'us-east-1'], nodesPerRegion: 20 },
    });
  });
  afterAll(async () => sim?.close());

  const targets = () => ({ kind: 'accounts' as const, accountIds: [sim.credentials[0]!.accountId, UNREACHABLE], ...ROLE });

  it('with a region list: one failed scope per listed region, and the snapshot survives its own export', async () => {
    const { outcome, store } = await audit(sim, { regions: ['eu-west-1', 'us-east-1'], targets: targets() });
    const unreached = outcome.scopes.filter((s) => s.accountId === UNREACHABLE);
    expect(unreached.map((s) => [s.region, s.status, s.errorCode])).toEqual([
      ['eu-west-1', 'failed', 'role_not_assumable'],
      ['us-east-1', 'failed', 'role_not_assumable'],
    ]);
    expect(outcome.scopeCounts).toEqual({ total: 4, collected: 2, failed: 2, cancelled: 0, accountLevel: 0 });
    const restored = await roundTrip(store, outcome.snapshotId!);
    expect(content(restored.to, restored.id)).toEqual(content(store, outcome.snapshotId!));
  });

  it('with all regions: one account-level scope (region null), and the snapshot survives its own export', async () => {
    const { outcome, store } = await audit(sim, { regions: 'all', targets: targets() });
    const unreached = outcome.scopes.filter((s) => s.accountId === UNREACHABLE);
    expect(unreached).toMatchObject([{ region: null, status: 'failed', errorCode: 'role_not_assumable', nodes: 0 }]);
    expect(outcome.scopeCounts).toMatchObject({ failed: 1, cancelled: 0, accountLevel: 1 });
    expect(outcome.scopeCounts.collected).toBe(outcome.scopeCounts.total - 1);
    const restored = await roundTrip(store, outcome.snapshotId!);
    expect(content(restored.to, restored.id)).toEqual(content(store, outcome.snapshotId!));
    expect(restored.to.getSnapshot(restored.id)!.scopes.filter((s) => s.region === null)).toHaveLength(1);
  });

  it('with the wall clock stepped back during the audit: saved as ending when it started, and the snapshot survives its own export', async () => {
    const start = Date.parse('2026-12-01T10:00:00.000Z');
    let reads = 0;
    // The first reading is the start; every later one is an hour earlier.
    const now = () => new Date(reads++ === 0 ? start : start - 3_600_000);
    const { outcome, store } = await audit(sim, { regions: ['eu-west-1'], targets: targets() }, { deps: { now } });
    const saved = store.getSnapshot(outcome.snapshotId!)!;
    expect([saved.startedAt, saved.finishedAt]).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z']);
    const restored = await roundTrip(store, outcome.snapshotId!);
    expect(content(restored.to, restored.id)).toEqual(content(store, outcome.snapshotId!));
  });

  it('cancelled before an account is reached under all regions: one cancelled account-level scope, and the snapshot survives its own export', async () => {
    const [first, second] = sim.credentials.map((c) => c.accountId) as [string, string];
    // The second account's region list does not come until the cancel ends the call.
    sim.setFaults([{ match: { accountId: second, action: 'EC2.DescribeRegions' }, timeout: { holdMs: 10_000 } }]);
    const controller = new AbortController();
    try {
      const { outcome, store } = await audit(
        sim,
        { regions: 'all', targets: { kind: 'accounts', accountIds: [first, second], ...ROLE } },
        {
          signal: controller.signal,
          onProgress: (p) => {
            const firsts = p.scopes.filter((s) => s.accountId === first);
            if (firsts.length > 0 && firsts.every((s) => s.state === 'done')) controller.abort();
          },
        },
      );
      expect(outcome.scopes.filter((s) => s.accountId === second)).toEqual([
        { accountId: second, region: null, status: 'cancelled', nodes: 0, calls: 0, throttles: 0, gaps: [] },
      ]);
      expect(outcome.scopeCounts).toMatchObject({ failed: 0, cancelled: 1, accountLevel: 1 });
      const restored = await roundTrip(store, outcome.snapshotId!);
      expect(content(restored.to, restored.id)).toEqual(content(store, outcome.snapshotId!));
    } finally {
      sim.setFaults([]);
    }
  });
});

/** Rewrites the one snapshot of an export file, with a header (size, SHA-256) that matches, as a hostile file would. */
function rewritten(file: string, change: (scopes: Array<Record<string, unknown>>) => void): string {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const nl = text.indexOf('\n');
  const payload = JSON.parse(text.slice(nl + 1)) as { snapshots: Array<{ scopes: Array<Record<string, unknown>> }> };
  change(payload.snapshots[0]!.scopes);
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
  const header = {
    ...(JSON.parse(text.slice(0, nl)) as object),
    payloadBytes: bytes.length,
    payloadSha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const out = `${file}.changed`;
  writeFileSync(out, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes])));
  return out;
}

describe('an account-level scope in an export file', () => {
  it('is refused when it claims to be collected or to hold nodes: an account never reached has nothing', async () => {
    const store = openStore({ path: ':memory:' });
    const input = makeSnapshot({ nodes: 4, accounts: ['111111111111'], regions: ['eu-west-1'] });
    const unreached = { accountId: '123456789012', region: null, status: 'failed' as const, nodes: 0, calls: 1, throttles: 0, gaps: [] };
    const id = store.saveSnapshot({ ...input, status: 'partial', scopes: [...input.scopes, unreached] });
    const file = join(tempDir('pa-own-export-bad-'), 'snapshot.patchaudit');
    exportSnapshots(store, [id], file);
    store.close();
    const accountLevel = (scopes: Array<Record<string, unknown>>) => scopes.find((s) => s.region === null)!;
    for (const change of [(s: Record<string, unknown>) => (s.status = 'ok'), (s: Record<string, unknown>) => (s.nodes = 3)]) {
      const empty = openStore({ path: ':memory:' });
      await expect(
        importSnapshots(
          empty,
          rewritten(file, (scopes) => change(accountLevel(scopes))),
        ),
      ).rejects.toThrow(/scopes\[1\]\.region: an account-level scope \(region null\) must be failed or cancelled and hold no nodes/);
      expect(empty.listSnapshots()).toEqual([]);
      empty.close();
    }
  });
});

// ——— Generated audits: what runAudit can save, built from its own output types ———

const REGIONS = ['ap-northeast-1', 'eu-west-1', 'us-east-1', 'us-west-2', 'eu-central-1'];
const GAPS = Object.values(SOURCE_GAPS);
// Not PATCH_AUDITOR_…: the test setup clears the app's own variables (test/support/isolatedHome.ts).
const RUNS = Number(process.env.PROPERTY_TEST_RUNS ?? 200);

const regionList = fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 3 });
const userText = fc.string({ maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim() === s && s !== '' && UserText.safeParse(s).success);
const accessDenied = (action: string) => ({ errorCode: 'access_denied' as const, errorParams: { action } });
const ROLE_ARN = `arn:aws:iam::${UNREACHABLE}:role/PatchAuditRole`;
const roleRefused = {
  error: `Could not assume ${ROLE_ARN}: AccessDenied`,
  errorCode: 'role_not_assumable' as const,
  errorParams: { role: ROLE_ARN },
};

const nodeVariant = fc.record({
  platform: fc.constantFrom(
    { platformType: 'Linux', platformName: 'Ubuntu', platformVersion: '22.04' },
    { platformType: 'Linux', platformName: 'Amazon Linux', platformVersion: '2023' },
    { platformType: 'Windows', platformName: 'Microsoft Windows Server 2022 Datacenter', platformVersion: '10.0.20348' },
  ),
  missing: fc.nat(3),
  failed: fc.nat(1),
  pendingReboot: fc.nat(1),
  agentVersion: fc.constantFrom('3.3.40.0', '2.3.1644.0', '3.1.1188.0'),
  ping: fc.constantFrom('Online', 'ConnectionLost', 'Inactive'),
  reportsNoPatchState: fc.boolean(),
  name: fc.option(userText, { nil: undefined }),
});
type NodeVariant = typeof nodeVariant extends fc.Arbitrary<infer T> ? T : never;

/** How one account of a generated audit went: reached (each region ending its own way), or never reached. */
const accountRun = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reached' as const),
      // The regions DescribeRegions lists under 'all'; a region list stands instead otherwise.
      regions: regionList,
      ends: fc.array(fc.constantFrom('ok' as const, 'ok' as const, 'failed' as const, 'cancelled' as const), {
        minLength: 5,
        maxLength: 5,
      }),
      gaps: fc.subarray(GAPS),
      nodes: fc.array(nodeVariant, { maxLength: 3 }),
      patching: fc.option(fc.record({ baselines: fc.nat(5), patchGroups: fc.nat(5) }), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('unreached' as const, 'cancelledBeforeReached' as const) }) },
);
type AccountRun = typeof accountRun extends fc.Arbitrary<infer T> ? T : never;

const generatedAudit = fc.record({
  accounts: fc.uniqueArray(fc.stringMatching(/^\d{12}$/), { minLength: 1, maxLength: 4 }),
  runs: fc.array(accountRun, { minLength: 4, maxLength: 4 }),
  regions: fc.oneof(fc.constant('all' as const), regionList),
  catalogEdition: fc.constantFrom(...CATALOG_EDITIONS.map((e) => e.id)),
  scanAgeDays: fc.integer({ min: 1, max: 90 }),
  startedAt: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
  minutes: fc.integer({ min: 0, max: 600 }),
  plan: fc.record({ label: fc.option(userText, { nil: undefined }), client: fc.option(userText, { nil: undefined }) }),
  // Re-evaluations, each of the audit or of an earlier re-evaluation (`from` picks one of those
  // saved before it), under any edition and threshold: the same as the source's included.
  reevaluations: fc.array(
    fc.record({
      from: fc.nat(),
      catalogEdition: fc.constantFrom(...CATALOG_EDITIONS.map((e) => e.id)),
      scanAgeDays: fc.integer({ min: 1, max: 90 }),
    }),
    { maxLength: 3 },
  ),
  // Set after saving, as the app's annotate does (a blank one clears the field).
  annotation: fc.option(
    fc.record({ label: fc.option(userText, { nil: undefined }), engagement: fc.option(userText, { nil: undefined }) }),
    {
      nil: undefined,
    },
  ),
});
type GeneratedAudit = typeof generatedAudit extends fc.Arbitrary<infer T> ? T : never;

function nodeFacts(account: string, region: string, index: number, v: NodeVariant, gaps: readonly string[]): NodeFacts {
  const denied = (gap: string) => gaps.includes(gap);
  const state = v.reportsNoPatchState
    ? null
    : {
        operation: 'Scan',
        operationStartTime: '2026-11-30T01:00:00.000Z',
        operationEndTime: '2026-11-30T01:02:00.000Z',
        installedCount: 200,
        missingCount: v.missing,
        failedCount: v.failed,
        installedPendingRebootCount: v.pendingReboot,
        criticalNonCompliantCount: Math.min(v.missing + v.failed, 1),
        securityNonCompliantCount: v.missing + v.failed,
      };
  const patches = (n: number, patchState: PatchDetail['state']): PatchDetail[] =>
    Array.from({ length: n }, (_, k) => ({
      title: `kernel ${patchState} ${k}`,
      kbId: `kernel.x86_64:6.1.${k}-${patchState}`,
      classification: 'Security',
      severity: k === 0 ? 'Critical' : 'Important',
      state: patchState,
      cveIds: patchState === 'InstalledPendingReboot' ? [] : [`CVE-2026-${1000 + k}`],
    }));
  const patchStateRead = !denied(SOURCE_GAPS.patchState);
  // The detail is asked only for nodes whose state counts open patches (design §5).
  const detailAsked = patchStateRead && state !== null && v.missing + v.failed + v.pendingReboot > 0;
  const detailRead = detailAsked && !denied(SOURCE_GAPS.patches);
  const facts: NodeFacts = {
    accountId: account,
    region,
    instanceId: `i-0${(index + 1).toString(16).padStart(16, '0')}`,
    ...(v.name ? { name: v.name } : {}),
    resourceType: 'EC2Instance',
    pingStatus: v.ping,
    lastPingAt: '2026-11-30T02:00:00.000Z',
    agentVersion: v.agentVersion,
    ...v.platform,
    sources: {
      patchState: patchStateRead ? 'ok' : 'denied',
      inventory: denied(SOURCE_GAPS.inventory) ? 'denied' : 'ok',
      network: denied(SOURCE_GAPS.network) ? 'denied' : 'ok',
      patches: detailRead ? 'ok' : detailAsked ? 'denied' : 'not_collected',
    },
  };
  if (patchStateRead) facts.patchState = state;
  if (!denied(SOURCE_GAPS.inventory))
    facts.inventory = v.platform.platformType === 'Linux' ? [{ name: 'python3', version: '3.10.12' }] : [];
  if (!denied(SOURCE_GAPS.network))
    facts.network = { vpcId: 'vpc-1', subnetId: 'subnet-1', routeTableId: 'rtb-1', routes: [], vpcEndpoints: [] };
  if (detailRead)
    facts.patches = [
      ...patches(v.missing, 'Missing'),
      ...patches(v.failed, 'Failed'),
      ...patches(v.pendingReboot, 'InstalledPendingReboot'),
    ];
  return facts;
}

/** One account's scopes as runAudit records them (its `addScopes` and scope results). */
function accountScopes(accountId: string, run: AccountRun, planRegions: GeneratedAudit['regions']): ScopeResult[] {
  const empty = { nodes: 0, calls: 0, throttles: 0, gaps: [] };
  if (run.kind !== 'reached') {
    // Never reached: one scope per listed region, or one account-level scope under 'all'.
    const regions = planRegions === 'all' ? [null] : planRegions;
    return regions.map((region) =>
      run.kind === 'unreached'
        ? { accountId, region, status: 'failed', ...roleRefused, ...empty }
        : { accountId, region, status: 'cancelled', ...empty },
    );
  }
  const regions = planRegions === 'all' ? run.regions : planRegions;
  return regions.map((region, i): ScopeResult => {
    const end = run.ends[i] ?? 'ok';
    if (end === 'failed')
      return {
        accountId,
        region,
        status: 'failed',
        error: 'AccessDeniedException',
        ...accessDenied('ssm:DescribeInstanceInformation'),
        ...empty,
        calls: 1,
      };
    if (end === 'cancelled') return { accountId, region, status: 'cancelled', ...empty };
    return {
      accountId,
      region,
      status: 'ok',
      nodes: run.nodes.length,
      calls: 3 + run.nodes.length,
      throttles: 0,
      gaps: run.gaps,
      ...(run.gaps.length ? { gapErrors: Object.fromEntries(run.gaps.map((gap) => [gap, accessDenied(gap)])) } : {}),
      ...(run.patching ? { patching: run.patching } : {}),
    };
  });
}

/** The snapshot runAudit would hand the store for this audit; undefined when no scope was collected (nothing is saved). */
function snapshotOf(g: GeneratedAudit): { input: SnapshotInput; nodes: SnapshotInput['nodes'] } | undefined {
  const catalog = getCatalog(g.catalogEdition)!;
  const finishedAt = new Date(g.startedAt.getTime() + g.minutes * 60_000);
  const scopes = g.accounts.flatMap((accountId, i) => accountScopes(accountId, g.runs[i]!, g.regions));
  if (!scopes.some((s) => s.status === 'ok')) return undefined;
  let index = 0;
  const nodes = scopes.flatMap((scope) => {
    if (scope.status !== 'ok' || scope.region === null) return [];
    const run = g.runs[g.accounts.indexOf(scope.accountId)] as Extract<AccountRun, { kind: 'reached' }>;
    return run.nodes.map((v) => {
      const facts = nodeFacts(scope.accountId, scope.region!, index++, v, scope.gaps);
      return { facts, checks: evaluateNode(facts, { catalog, now: finishedAt, scanAgeDays: g.scanAgeDays }), platform: platformOf(facts) };
    });
  });
  const input: SnapshotInput = {
    startedAt: g.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    status: scopes.every((s) => s.status === 'ok') ? 'complete' : 'partial',
    catalogEdition: g.catalogEdition,
    scanAgeDays: g.scanAgeDays,
    toolVersion: TOOL_VERSION,
    ...(g.plan.label ? { label: g.plan.label } : {}),
    ...(g.plan.client ? { client: g.plan.client } : {}),
    scopes,
    nodes: [],
  };
  return { input, nodes };
}

/** Re-evaluates as SnapshotService does (store `reevaluate` with the rules engine); returns every snapshot now in `store`. */
function reevaluateAll(store: Store, audit: number, plans: GeneratedAudit['reevaluations']): number[] {
  const ids = [audit];
  for (const plan of plans) {
    const catalog = getCatalog(plan.catalogEdition)!;
    const id = reevaluate(
      store,
      ids[plan.from % ids.length]!,
      { catalogEdition: plan.catalogEdition, scanAgeDays: plan.scanAgeDays, normalize: platformOf },
      (facts, opts) => evaluateNode(facts, { catalog, now: opts.now, scanAgeDays: opts.scanAgeDays }),
    );
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Exports `ids` of `from` to one file (a backup) and imports it as the app does (duplicates skipped) into an empty database. */
async function restore(from: Store, ids: number[]): Promise<{ to: Store; ids: number[]; added: number[] }> {
  const file = join(tempDir('pa-own-backup-'), 'backup.patchaudit');
  exportSnapshots(from, ids, file);
  const to = openStore({ path: ':memory:' });
  const result = await importArchive(to, file, { skipDuplicates: true });
  return { to, ids: result.ids, added: result.added };
}

describe('re-evaluated snapshots', () => {
  it('a re-evaluation with the same content as its source, and one of it, each survive a backup and its restore', async () => {
    const store = openStore({ path: ':memory:' });
    const input = makeSnapshot({ nodes: 5 });
    const source = store.saveSnapshot(input);
    const same = { catalogEdition: input.catalogEdition, scanAgeDays: input.scanAgeDays };
    const sameChecks = (facts: NodeFacts) => input.nodes.find((n) => n.facts.instanceId === facts.instanceId)!.checks;
    const derived = reevaluate(store, source, same, sameChecks);
    const again = reevaluate(store, derived, same, sameChecks);
    expect(store.loadSnapshotInput(derived).input.nodes).toEqual(store.loadSnapshotInput(source).input.nodes);
    const restored = await restore(store, [source, derived, again]);
    expect(restored).toMatchObject({ ids: [1, 2, 3], added: [1, 2, 3] });
    const restoredIds = restored.to.listSnapshots().sort((a, b) => a.id - b.id);
    expect(restoredIds.map((s) => s.derivedFrom ?? null)).toEqual([null, 1, 2]);
    store.close();
    restored.to.close();
  });

  it('the same re-evaluation asked twice gives the snapshot saved the first time, not a copy', () => {
    const store = openStore({ path: ':memory:' });
    const source = store.saveSnapshot(makeSnapshot({ nodes: 3 }));
    const opts = { catalogEdition: 'aws-2025', scanAgeDays: 14 };
    const first = reevaluate(store, source, opts, () => []);
    expect(reevaluate(store, source, opts, () => [])).toBe(first);
    expect(reevaluate(store, source, { ...opts, scanAgeDays: 15 }, () => [])).not.toBe(first);
    expect(store.listSnapshots()).toHaveLength(3);
    store.close();
  });
});

describe('generated audits', () => {
  it(`survive their own export and import into an empty database (${RUNS} audits)`, async () => {
    await fc.assert(
      fc.asyncProperty(generatedAudit, async (g) => {
        const made = snapshotOf(g);
        fc.pre(made !== undefined);
        const store = openStore({ path: ':memory:' });
        try {
          // As runAudit saves: the nodes handed over as the store packs them, batch by batch.
          const { nodes: _none, ...meta } = made!.input;
          const id = store.saveSnapshot({ ...meta, packed: await new SnapshotNodes().add(made!.nodes, (node) => node) });
          if (g.annotation) store.annotateSnapshot(id, g.annotation);
          const saved = content(store, id);
          // What was saved is what the audit handed over (the store keeps scopes sorted by account and region).
          expect(saved.input.nodes).toHaveLength(made!.nodes.length);
          expect(countScopes(saved.input.scopes)).toEqual(countScopes(made!.input.scopes));
          const restored = await roundTrip(store, id);
          try {
            expect(content(restored.to, restored.id)).toEqual(saved);
          } finally {
            restored.to.close();
          }
          // A backup of the audit and its re-evaluations restores every one of them, each as itself.
          const all = reevaluateAll(store, id, g.reevaluations);
          const backup = await restore(store, all);
          try {
            expect(backup.added).toEqual(all);
            for (const [i, own] of all.entries()) expect(content(backup.to, backup.ids[i]!)).toEqual(content(store, own));
          } finally {
            backup.to.close();
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
