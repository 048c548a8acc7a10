/**
 * The audit under the faults AWS really produces: each run is compared with the fault-free
 * audit of the same fleet: no node lost, none duplicated, every gap recorded.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { scopeErrorText } from '../../../shared/scopeErrors';
import { audit, fleetNodes } from './auditHarness';

const REGIONS = ['us-east-1', 'eu-west-1'];

describe('audit under faults', () => {
  let sim: Simulator;
  let baseline: Set<string>;

  const nodeKeys = (store: Awaited<ReturnType<typeof audit>>['store'], snapshotId: number) => {
    const rows = store.queryNodes(snapshotId, { limit: 100_000 }).rows;
    const keys = rows.map((r) => `${r.accountId}/${r.region}/${r.instanceId}`);
    expect(new Set(keys).size).toBe(keys.length);
    return new Set(keys);
  };

  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'faults', accounts: 1, regions: REGIONS, nodesPerRegion: 150 } });
    const { outcome, store } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    baseline = nodeKeys(store, outcome.snapshotId!);
    expect(baseline.size).toBe(REGIONS.reduce((n, r) => n + fleetNodes(sim, 0, r), 0));
  });
  afterEach(() => sim.setFaults([]));
  afterAll(async () => sim?.close());

  it('survives a throttling storm through adaptive retry and loses no node', async () => {
    // The storm starts with buckets that never refill, so it bites however fast the calls go;
    // once it has, the buckets refill at 40 calls a second and the retries must get through.
    sim.setFaults([{ match: { action: 'SSM.*' }, throttle: { ratePerSecond: 0, burst: 3 } }]);
    sim.resetCounters();
    const run = audit(sim, { regions: REGIONS, targets: { kind: 'self' }, concurrency: 2 });
    await expect.poll(() => sim.counters().throttled, { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
    sim.setFaults([{ match: { action: 'SSM.*' }, throttle: { ratePerSecond: 40, burst: 3 } }]);
    const { outcome, store, progress } = await run;
    expect(sim.counters().throttled).toBeGreaterThan(0);
    expect(outcome.status).toBe('complete');
    expect(nodeKeys(store, outcome.snapshotId!)).toEqual(baseline);
    expect(progress.at(-1)!.throttles).toBeGreaterThan(0);
  });

  it('retries 500/503 answers and loses no node', async () => {
    sim.setFaults([{ serverErrorRate: 0.2 }]);
    sim.resetCounters();
    const { outcome, store } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    expect(sim.counters().serverErrors).toBeGreaterThan(0);
    expect(outcome.status).toBe('complete');
    expect(nodeKeys(store, outcome.snapshotId!)).toEqual(baseline);
  });

  it('retries timeouts and loses no node', async () => {
    // A held call gets no answer and is dropped by the simulator after 200 ms; the client's own
    // timeout is far above any real answer time, so no call that gets an answer times out,
    // however loaded the machine. Every call is held until one has been, then the fault is lifted
    // (as the throttling storm is): a fraction drawn over the scope's few DescribeInstancePatchStates
    // calls could draw none, depending on how many draws the seeded fault generator made before.
    sim.setFaults([{ match: { action: 'SSM.DescribeInstancePatchStates' }, timeout: { holdMs: 200 } }]);
    sim.resetCounters();
    const run = audit(
      sim,
      { regions: ['us-east-1'], targets: { kind: 'self' } },
      { deps: { clientOptions: { endpoint: sim.url, maxAttempts: 8, requestTimeoutMs: 10_000 } } },
    );
    await expect.poll(() => sim.counters().timeouts, { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
    sim.setFaults([]);
    const { outcome, store } = await run;
    expect(sim.counters().timeouts).toBeGreaterThan(0);
    expect(outcome.status).toBe('complete');
    const keys = nodeKeys(store, outcome.snapshotId!);
    expect([...baseline].filter((k) => k.includes('/us-east-1/')).every((k) => keys.has(k))).toBe(true);
  });

  it('turns a denied optional API into unknown checks and a recorded gap', async () => {
    sim.setFaults([
      {
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'ssm:GetInventory' },
          ],
        },
      },
    ]);
    const { outcome, store } = await audit(sim, { regions: ['us-east-1'], targets: { kind: 'self' } });
    expect(outcome.status).toBe('complete');
    expect(outcome.scopes[0]!.gaps).toEqual(['ssm:GetInventory']);
    const summary = store.ruleSummary(outcome.snapshotId!);
    const python = summary.find((row) => row.rule === 'python.version')!;
    expect(python.pass).toBe(0);
    expect(python.fail).toBe(0);
    expect(python.unknown).toBeGreaterThan(0);
    expect(python.unknown + python.not_applicable).toBe(fleetNodes(sim, 0, 'us-east-1'));
  });

  // Issue 19: the patch detail is optional; denied, it is unknown for the nodes that needed it and nothing else changes.
  it('leaves the patch detail unknown when DescribeInstancePatches is denied, and every check as it was', async () => {
    const allowed = await audit(sim, { regions: ['us-east-1'], targets: { kind: 'self' } });
    sim.setFaults([
      {
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'ssm:DescribeInstancePatches' },
          ],
        },
      },
    ]);
    const { outcome, store } = await audit(sim, { regions: ['us-east-1'], targets: { kind: 'self' } });
    expect(outcome.status).toBe('complete');
    expect(outcome.scopes[0]!.gaps).toEqual(['ssm:DescribeInstancePatches']);
    expect(outcome.scopes[0]!.gapErrors?.['ssm:DescribeInstancePatches']).toMatchObject({ errorCode: 'access_denied' });
    expect(store.ruleSummary(outcome.snapshotId!)).toEqual(allowed.store.ruleSummary(allowed.outcome.snapshotId!));
    const facts = store.loadSnapshotInput(outcome.snapshotId!).input.nodes.map((node) => node.facts);
    const needed = facts.filter(
      (f) => (f.patchState?.missingCount ?? 0) + (f.patchState?.failedCount ?? 0) + (f.patchState?.installedPendingRebootCount ?? 0) > 0,
    );
    expect(needed.length).toBeGreaterThan(0);
    for (const f of needed) expect([f.sources.patches, f.patches]).toEqual(['denied', undefined]);
    // A node with nothing open needed no call: its (empty) detail is known.
    const clean = facts.filter((f) => f.patchState && !needed.includes(f));
    expect(clean.length).toBeGreaterThan(0);
    expect(clean.every((f) => f.sources.patches === 'ok' && f.patches?.length === 0)).toBe(true);
  });

  it('fails a denied region alone with a message naming the permission; the snapshot is partial', async () => {
    sim.setFaults([{ match: { region: 'eu-west-1' }, policy: { Statement: [{ Effect: 'Deny', Action: '*' }] } }]);
    const { outcome, store } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    expect(outcome.status).toBe('partial');
    const denied = outcome.scopes.find((s) => s.region === 'eu-west-1')!;
    expect(denied.status).toBe('failed');
    expect(denied.error).toContain('ssm:DescribeInstanceInformation');
    expect(outcome.scopes.find((s) => s.region === 'us-east-1')!.status).toBe('ok');
    const saved = store.getSnapshot(outcome.snapshotId!)?.scopes?.find((s) => s.region === 'eu-west-1');
    expect(saved?.error).toContain('Access denied');
    expect(saved).toMatchObject({ errorCode: 'access_denied', errorParams: { action: 'ssm:DescribeInstanceInformation' } });
    expect(scopeErrorText(saved!, 'ja')).toMatch(/^ssm:DescribeInstanceInformation へのアクセスが拒否されました/);
  });

  it('records a region that is not enabled as failed with its reason', async () => {
    sim.setFaults([{ match: { region: 'eu-west-1' }, regionDisabled: true }]);
    const { outcome } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    const off = outcome.scopes.find((s) => s.region === 'eu-west-1')!;
    expect(off.status).toBe('failed');
    expect(off.error).toMatch(/not enabled/);
  });

  it('records a session that expires mid-run and keeps what was collected before', async () => {
    sim.setFaults([{ match: { region: 'eu-west-1', action: 'SSM.*' }, expireSession: { afterCalls: 3 } }]);
    const { outcome } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' }, concurrency: 1 });
    const expired = outcome.scopes.find((s) => s.region === 'eu-west-1')!;
    expect(expired.status).toBe('failed');
    expect(expired.error).toMatch(/expired/i);
    expect(outcome.scopes.find((s) => s.region === 'us-east-1')).toMatchObject({ status: 'ok', nodes: fleetNodes(sim, 0, 'us-east-1') });
  });

  it('cancels: stops calls, marks unfinished scopes cancelled, saves the finished ones', async () => {
    sim.resetCounters();
    const controller = new AbortController();
    // Cancelled the moment the first scope is reported done, before the second one starts.
    const { outcome, progress } = await audit(
      sim,
      { regions: REGIONS, targets: { kind: 'self' }, concurrency: 1 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.scopes.find((s) => s.region === 'us-east-1')?.state === 'done') controller.abort();
        },
      },
    );
    expect(outcome.status).toBe('partial');
    expect(outcome.scopes.find((s) => s.region === 'us-east-1')).toMatchObject({ status: 'ok', nodes: fleetNodes(sim, 0, 'us-east-1') });
    expect(outcome.scopes.find((s) => s.region === 'eu-west-1')!.status).toBe('cancelled');
    expect(progress.at(-1)!.phase).toBe('cancelled');
    // No call went out for the scope that had not started.
    expect(sim.counters().scopes[`${sim.credentials[0]!.accountId}/eu-west-1`] ?? 0).toBe(0);
  });

  it('cancels a scope with calls in flight: it ends cancelled, not failed or done', async () => {
    // Every eu-west-1 answer waits 150 ms in the simulator; the test's poll runs on the same
    // event loop with a shorter timer, so it sees the first calls arrive while they still wait,
    // however slow the machine: the cancel always lands mid-scope.
    sim.setFaults([{ match: { region: 'eu-west-1' }, latencyMs: 150 }]);
    sim.resetCounters();
    const controller = new AbortController();
    const run = audit(sim, { regions: REGIONS, targets: { kind: 'self' }, concurrency: 1 }, { signal: controller.signal });
    const euWest = `${sim.credentials[0]!.accountId}/eu-west-1`;
    await expect.poll(() => sim.counters().scopes[euWest] ?? 0, { timeout: 30_000, interval: 5 }).toBeGreaterThan(0);
    controller.abort();
    const { outcome, progress } = await run;
    expect(outcome.status).toBe('partial');
    expect(outcome.scopes.find((s) => s.region === 'us-east-1')!.status).toBe('ok');
    expect(outcome.scopes.find((s) => s.region === 'eu-west-1')!.status).toBe('cancelled');
    expect(progress.at(-1)!.phase).toBe('cancelled');
  });
});
