/** A scope with many patch-state batches must not pile listeners on the audit's abort signal. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { audit } from './auditHarness';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1'];
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: { seed: 'listeners', accounts: 1, regions: REGIONS, nodesPerRegion: 600 } });
});
afterAll(async () => sim?.close());

it('audits 12 patch-state batches per scope without a listener-leak warning', async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  try {
    const { outcome } = await audit(sim, { regions: REGIONS, targets: { kind: 'self' } });
    // Every batch of 50 was asked for; a call retried after a throttle or a timeout on a loaded machine counts again.
    expect(outcome.calls['SSM.DescribeInstancePatchStates']).toBeGreaterThanOrEqual(REGIONS.length * 12);
  } finally {
    process.off('warning', onWarning);
  }
  expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
});
