/**
 * `ssm:DescribeInstancePatchStates` denied (the simulator enforcing a policy without it): no
 * figure without data. Compliance and missing patches are unknown, with the reason and over how
 * many nodes, in the store's summaries, the report, the CSV and `snapshots show --json`; the
 * report never states an absence of missing patches it did not observe.
 */
import { statusWord } from '../../../shared/statuses';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../../electron/core/report/exports';
import { buildReportModel } from '../../../electron/core/report/reportModel';
import { renderReportHtml } from '../../../electron/core/report/renderReportHtml';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { openStore, type Store } from '../../../electron/core/store';
import { runMain } from '../../support/runMain';
import { tempDir } from '../../support/tempDir';
import { audit, fleetNodes } from './auditHarness';

const REGIONS = ['us-east-1', 'eu-west-1'];
const DENY_PATCH_STATES = {
  policy: {
    Statement: [
      { Effect: 'Allow' as const, Action: '*' },
      // Only in one region, so the other shows the figures over the nodes that were read.
      { Effect: 'Deny' as const, Action: 'ssm:DescribeInstancePatchStates' },
    ],
  },
};

let sim: Simulator;
let store: Store;
let dbPath: string;
let snapshotId: number;

beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: { seed: 'denied-patch-states', accounts: 1, regions: REGIONS, nodesPerRegion: 40 } });
  dbPath = join(tempDir('pa-denied-'), 'audit.sqlite');
  store = openStore({ path: dbPath });
  sim.setFaults([{ match: { region: 'us-east-1' }, ...DENY_PATCH_STATES }]);
  const { outcome } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } }, { store });
  snapshotId = outcome.snapshotId!;
});
afterAll(async () => {
  store?.close();
  await sim?.close();
});

describe('patch states denied in one region', () => {
  it('leaves that region’s compliance unknown (null) over 0 nodes read, and the other over its own nodes', () => {
    const [eu, us] = store.scopeSummary(snapshotId);
    expect(us).toMatchObject({ region: 'us-east-1', nodes: fleetNodes(sim, 0, 'us-east-1'), patchRead: 0, compliancePct: null });
    expect(us!.missingCritical).toBeNull();
    expect(us!.scope?.gapErrors?.['ssm:DescribeInstancePatchStates']).toMatchObject({
      errorCode: 'access_denied',
      errorParams: { name: 'AccessDeniedException' },
    });
    expect(eu).toMatchObject({ region: 'eu-west-1', patchRead: fleetNodes(sim, 0, 'eu-west-1') });
    expect(eu!.compliancePct).not.toBeNull();
  });

  it('reports the figures over the nodes read, names the denied call, and asserts no absence it did not see', () => {
    const model = buildReportModel(store, snapshotId, { lang: 'en' });
    const read = fleetNodes(sim, 0, 'eu-west-1');
    const unknown = fleetNodes(sim, 0, 'us-east-1');
    expect(model.totals).toMatchObject({ nodes: read + unknown, patchRead: read });
    expect(model.patchUnknown).toEqual([
      expect.objectContaining({ region: 'us-east-1', nodes: unknown, reason: expect.objectContaining({ errorCode: 'access_denied' }) }),
    ]);
    const en = renderReportHtml(model, { lang: 'en', paper: 'a4' });
    // Compliance is over the nodes that reported a patch state, and the rest are said to have not (issue 27).
    const reported = model.totals.patchReported;
    expect(reported).toBeGreaterThan(0);
    expect(reported).toBeLessThanOrEqual(read);
    expect(en).toContain(`of the ${reported} nodes that reported a patch state`);
    expect(en).toContain(`${read + unknown - reported} of the ${read + unknown} managed nodes reported no patch state`);
    expect(en).not.toContain('No node misses a critical patch.');
    expect(en).toContain('Access denied for ssm:DescribeInstancePatchStates (AccessDeniedException: User: arn:aws:iam::');
    const ja = renderReportHtml(buildReportModel(store, snapshotId, { lang: 'ja' }), { lang: 'ja', paper: 'a4' });
    expect(ja).toContain(`パッチ状態を報告した ${reported} 台のうち`);
    expect(ja).toContain('ssm:DescribeInstancePatchStates へのアクセスが拒否されました');
  });

  it('writes "unknown" for a node’s missing patches in the CSV, not an empty 0', () => {
    const csv = exportCsv(store, snapshotId, { lang: 'en', filters: { regions: ['us-east-1'] } });
    const [, first] = csv.split('\r\n');
    const unknown = statusWord('unknown', 'en');
    expect(first).toContain(`,${unknown},${unknown},`);
  });

  it('says so in `patch-audit snapshots show --json`: null figures, the basis, and the reason', async () => {
    const { code, stdout } = await runMain('snapshots', 'show', String(snapshotId), '--json', '--db', dbPath);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      scopes: Array<{ region: string; patchRead: number; compliancePct: number | null; scope: { gapErrors?: object } }>;
    };
    const us = doc.scopes.find((s) => s.region === 'us-east-1')!;
    expect(us).toMatchObject({ patchRead: 0, compliancePct: null, missingCritical: null });
    expect(us.scope.gapErrors).toHaveProperty(['ssm:DescribeInstancePatchStates', 'errorParams', 'name'], 'AccessDeniedException');
    const text = await runMain('snapshots', 'show', String(snapshotId), '--db', dbPath);
    expect(text.stdout).toMatch(
      /us-east-1 +ok +40 +0\/40 +unknown +unknown +unknown +ssm:DescribeInstancePatchStates \(AccessDeniedException\)/,
    );
  });
});
