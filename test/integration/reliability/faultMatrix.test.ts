/**
 * The fault matrix: one simulated fleet audited under each fault AWS really produces, each run
 * compared with the fault-free audit of the same seed. For every fault: no node of a scope
 * that finished is lost or duplicated, and every scope that did not finish or missed a source
 * is recorded in the snapshot (status, error, gaps) and shown in the report. The single-fault
 * behaviours are pinned in test/integration/audit/auditFaults.test.ts; this suite runs them
 * side by side against the baseline and prints the table summarised in docs/reliability.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPlan, AuditProgress } from '../../../shared/auditPlan';
import type { ScopeErrorCode } from '../../../shared/scopeErrors';
import { buildReportModel, renderReportHtml } from '../../../electron/core/report';
import { escapeHtml } from '../../../electron/core/report/html';
import { startSimulator, type FaultRule, type Simulator } from '../../../electron/core/sim';
import type { Store } from '../../../electron/core/store';
import { audit, fleetNodes } from '../audit/auditHarness';
import { printTable } from './figures';

const REGIONS = ['us-east-1', 'eu-west-1'];
const PLAN: AuditPlan = { regions: REGIONS, targets: { kind: 'self' } };

interface FaultCase {
  name: string;
  faults: FaultRule[];
  plan?: Partial<AuditPlan>;
  clientOptions?: { maxAttempts: number; requestTimeoutMs: number };
  /** Cancels the run from the progress callback as soon as this region's scope is done. */
  cancelOnceDone?: string;
  /** Replace `faults` once `hit` shows they bit: a storm that lets up, whatever the machine's speed. */
  thenFaults?: FaultRule[];
  /** The scope status each region must end with, the gaps it must record and, if it failed, why. */
  expect: Record<
    string,
    { status: 'ok' | 'cancelled'; gaps?: string[] } | { status: 'failed'; gaps?: string[]; error: RegExp; errorCode: ScopeErrorCode }
  >;
  /** A sim counter that proves the fault was hit. */
  hit?: (sim: Simulator) => number;
}

const CASES: FaultCase[] = [
  {
    name: 'throttling storm',
    // Buckets that never refill, so the storm bites however fast the calls go; then 40 a second.
    faults: [{ match: { action: 'SSM.*' }, throttle: { ratePerSecond: 0, burst: 3 } }],
    thenFaults: [{ match: { action: 'SSM.*' }, throttle: { ratePerSecond: 40, burst: 3 } }],
    plan: { concurrency: 2 },
    expect: { 'us-east-1': { status: 'ok' }, 'eu-west-1': { status: 'ok' } },
    hit: (sim) => sim.counters().throttled,
  },
  {
    name: '500/503 answers',
    faults: [{ serverErrorRate: 0.2 }],
    expect: { 'us-east-1': { status: 'ok' }, 'eu-west-1': { status: 'ok' } },
    hit: (sim) => sim.counters().serverErrors,
  },
  {
    name: 'timeouts',
    faults: [{ match: { action: 'SSM.DescribeInstancePatchStates' }, timeout: { rate: 0.3, holdMs: 200 } }],
    // Held calls are dropped by the simulator; the client's timeout stays far above real answers.
    clientOptions: { maxAttempts: 8, requestTimeoutMs: 10_000 },
    expect: { 'us-east-1': { status: 'ok' }, 'eu-west-1': { status: 'ok' } },
    hit: (sim) => sim.counters().timeouts,
  },
  {
    name: 'region denied',
    faults: [{ match: { region: 'eu-west-1' }, policy: { Statement: [{ Effect: 'Deny', Action: '*' }] } }],
    expect: {
      'us-east-1': { status: 'ok' },
      'eu-west-1': { status: 'failed', error: /ssm:DescribeInstanceInformation/, errorCode: 'access_denied' },
    },
    hit: (sim) => sim.counters().denied,
  },
  {
    name: 'optional API denied',
    faults: [
      {
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'ssm:GetInventory' },
          ],
        },
      },
    ],
    expect: { 'us-east-1': { status: 'ok', gaps: ['ssm:GetInventory'] }, 'eu-west-1': { status: 'ok', gaps: ['ssm:GetInventory'] } },
    hit: (sim) => sim.counters().denied,
  },
  {
    name: 'session expires mid-run',
    faults: [{ match: { region: 'eu-west-1', action: 'SSM.*' }, expireSession: { afterCalls: 3 } }],
    plan: { concurrency: 1 },
    expect: { 'us-east-1': { status: 'ok' }, 'eu-west-1': { status: 'failed', error: /expired/i, errorCode: 'session_expired' } },
    hit: (sim) => sim.counters().expired,
  },
  {
    name: 'cancellation',
    faults: [],
    plan: { concurrency: 1 },
    cancelOnceDone: 'us-east-1',
    expect: { 'us-east-1': { status: 'ok' }, 'eu-west-1': { status: 'cancelled' } },
  },
];

const key = (r: { accountId: string; region: string; instanceId: string }) => `${r.accountId}/${r.region}/${r.instanceId}`;

function savedKeys(store: Store, snapshotId: number): string[] {
  return store.queryNodes(snapshotId, { limit: 100_000 }).rows.map(key);
}

describe('fault matrix', () => {
  let sim: Simulator;
  let baseline: string[];
  const table: Record<string, string | number | boolean>[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'fault-matrix', accounts: 1, regions: REGIONS, nodesPerRegion: 120 } });
    const { outcome, store } = await audit(sim, PLAN);
    expect(outcome.status).toBe('complete');
    baseline = savedKeys(store, outcome.snapshotId!);
    expect(new Set(baseline).size).toBe(REGIONS.reduce((n, r) => n + fleetNodes(sim, 0, r), 0));
    store.close();
  });
  afterAll(async () => {
    printTable('fault matrix (same seed as the fault-free audit)', table);
    await sim?.close();
  });

  it.each(CASES)('$name: loses and duplicates no node, records and reports every gap', async (fault) => {
    sim.setFaults(fault.faults);
    sim.resetCounters();
    const controller = new AbortController();
    const { cancelOnceDone, thenFaults, hit } = fault;
    let result: Awaited<ReturnType<typeof audit>>;
    try {
      const run = audit(
        sim,
        { ...PLAN, ...fault.plan },
        {
          signal: controller.signal,
          ...(fault.clientOptions ? { deps: { clientOptions: { endpoint: sim.url, ...fault.clientOptions } } } : {}),
          ...(cancelOnceDone
            ? {
                onProgress: (p: AuditProgress) => {
                  if (p.scopes.find((s) => s.region === cancelOnceDone)?.state === 'done') controller.abort();
                },
              }
            : {}),
        },
      );
      if (thenFaults && hit) {
        await expect.poll(() => hit(sim), { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
        sim.setFaults(thenFaults);
      }
      result = await run;
    } finally {
      sim.setFaults([]);
    }
    const { outcome, store } = result;
    if (fault.hit) expect(fault.hit(sim)).toBeGreaterThan(0);

    const scopes = store.getSnapshot(outcome.snapshotId!)!.scopes!;
    expect(scopes.map((s) => s.region).sort()).toEqual(Object.keys(fault.expect).sort());
    for (const [region, want] of Object.entries(fault.expect)) {
      const scope = scopes.find((s) => s.region === region)!;
      expect(scope.status).toBe(want.status);
      expect(scope.gaps).toEqual(want.gaps ?? []);
      if (want.status === 'failed') {
        expect(scope.error).toMatch(want.error);
        expect(scope.errorCode).toBe(want.errorCode);
      } else {
        // A finished or cancelled scope carries no error: the report would show it as a failure.
        expect(scope.error).toBeUndefined();
        expect(scope.errorCode).toBeUndefined();
      }
    }

    // Nodes of every scope that finished must all be there, exactly once.
    const okRegions = new Set(scopes.filter((s) => s.status === 'ok').map((s) => s.region));
    const expected = baseline.filter((k) => okRegions.has(k.split('/')[1]!));
    const saved = savedKeys(store, outcome.snapshotId!);
    const savedSet = new Set(saved);
    const lost = expected.filter((k) => !savedSet.has(k)).length;
    const duplicated = saved.length - savedSet.size;
    const unexpected = saved.filter((k) => !expected.includes(k)).length;
    expect({ lost, duplicated, unexpected }).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
    expect(outcome.status).toBe(okRegions.size === REGIONS.length ? 'complete' : 'partial');

    // Every failed or cancelled scope and every gap is recorded and shown in the report.
    const recorded = scopes.filter((s) => s.status !== 'ok' || s.gaps.length > 0);
    const reportHtml = renderReportHtml(buildReportModel(store, outcome.snapshotId!, { lang: 'en' }), { lang: 'en', paper: 'a4' });
    const shown = recorded.filter((s) =>
      s.status !== 'ok'
        ? reportHtml.includes(`<td class="mono">${s.region}</td>`) && (!s.error || reportHtml.includes(escapeHtml(s.error)))
        : s.gaps.every((gap) => reportHtml.includes(escapeHtml(gap))),
    );
    expect(shown.length).toBe(recorded.length);
    const wantRecorded = Object.values(fault.expect).filter((w) => w.status !== 'ok' || w.gaps?.length).length;
    expect(recorded.length).toBe(wantRecorded);
    if (recorded.some((s) => s.status !== 'ok')) expect(reportHtml).toContain('class="failed-scope"');

    table.push({
      fault: fault.name,
      'nodes expected': expected.length,
      'nodes saved': saved.length,
      lost,
      duplicated,
      'gaps recorded': recorded.length,
      'in report': shown.length,
      snapshot: outcome.status,
    });
    store.close();
  });
});
