/**
 * The audit's own clients give up on a call that an endpoint never answers: the SDK only logs a
 * breached requestTimeout unless told to throw, and a held call would then stall its scope.
 */
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCallStats } from '../../../electron/core/aws/callStats';
import { createClients } from '../../../electron/core/aws/clients';
import { startSimulator, type Simulator } from '../../../electron/core/sim';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: { seed: 'client-timeout', accounts: 1, regions: ['us-east-1'], nodesPerRegion: 3 } });
});
afterAll(() => sim.close());

describe('the audit clients and a call that is never answered', () => {
  it('reject it with a TimeoutError once requestTimeoutMs has passed, instead of waiting for good', async () => {
    // Held far longer than any run: only the client's own timeout can end the call.
    sim.setFaults([{ match: { action: 'SSM.DescribeInstanceInformation' }, timeout: { holdMs: 600_000 } }]);
    const creds = sim.credentials[0]!;
    const clients = createClients(
      'us-east-1',
      { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      { endpoint: sim.url, maxAttempts: 1, requestTimeoutMs: 1_000 },
      emptyCallStats(),
    );
    try {
      await expect(clients.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(sim.counters().timeouts).toBe(1);
    } finally {
      clients.destroy();
    }
  }, 30_000);
});
