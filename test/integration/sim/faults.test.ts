/** Faults on request, as the SDK sees them: throttling (and its own retry), latency, 5xx, timeouts, denials, regions, expiry. */
import { DescribeInstancesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import {
  DescribeInstanceInformationCommand,
  GetInventoryCommand,
  DescribePatchBaselinesCommand,
  paginateDescribeInstanceInformation,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateFleet, startSimulator, type FaultRule, type Simulator } from '../../../electron/core/sim';
import { clients } from './clients';

let sim: Simulator;
const FLEET = { seed: 'faults-it', accounts: 2, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 60 };

beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: FLEET });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFaults([]);
  sim.resetCounters();
});

const account = (i: number) => sim.credentials[i]?.accountId ?? '';

describe('throttling', () => {
  it('answers each protocol’s throttling error once the token bucket is empty', async () => {
    sim.setFaults([{ throttle: { ratePerSecond: 0.001, burst: 1 } }]);
    const c = clients(sim);
    await c.ssm.send(new DescribeInstanceInformationCommand({}));
    await expect(c.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException' });
    await expect(c.ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
      $metadata: { httpStatusCode: 503 },
    });
    await expect(c.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'Throttling' });
    // Buckets are per account × region: another region still has its token.
    await clients(sim, { region: 'eu-west-1' }).ssm.send(new DescribeInstanceInformationCommand({}));
    const counters = sim.counters();
    expect(counters.throttled).toBe(3);
    expect(counters.throttledByAction['SSM.DescribeInstanceInformation']).toBe(1);
  });

  it('keeps a bucket per account × region × action when perAction is set, and one per account for STS', async () => {
    sim.setFaults([{ throttle: { ratePerSecond: 0.001, burst: 1, perAction: true } }]);
    const c = clients(sim);
    await c.ssm.send(new DescribeInstanceInformationCommand({}));
    await expect(c.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException' });
    // Each API is evaluated individually: another action of the same account and region still has its token.
    await c.ssm.send(new DescribePatchBaselinesCommand({}));
    await c.ec2.send(new DescribeRegionsCommand({}));
    await clients(sim, { region: 'eu-west-1' }).ssm.send(new DescribeInstanceInformationCommand({}));
    await clients(sim, { account: 1 }).ssm.send(new DescribeInstanceInformationCommand({}));
    // STS is global: the caller's bucket is the same whichever region signed the call.
    await c.sts.send(new GetCallerIdentityCommand({}));
    await expect(clients(sim, { region: 'eu-west-1' }).sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
    });
    expect(sim.counters().throttledByAction).toEqual({ 'SSM.DescribeInstanceInformation': 1, 'STS.GetCallerIdentity': 1 });
  });

  it('lets the SDK’s adaptive retry get through to the end, and counts the throttles', async () => {
    // A bucket that never refills by itself: the third page is throttled however fast the calls
    // go. Once it has been, a fresh bucket with room for the four pages left lets the retries in.
    const bucket = (burst: number): FaultRule[] => [
      { match: { action: 'SSM.DescribeInstanceInformation' }, throttle: { ratePerSecond: 0, burst } },
    ];
    sim.setFaults(bucket(2));
    const { ssm } = clients(sim, { retryMode: 'adaptive', maxAttempts: 10 });
    const listed = (async () => {
      let n = 0;
      for await (const page of paginateDescribeInstanceInformation({ client: ssm, pageSize: 10 }, {}))
        n += page.InstanceInformationList?.length ?? 0;
      return n;
    })();
    await expect.poll(() => sim.counters().throttled, { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
    sim.setFaults(bucket(4));
    expect(await listed).toBe(60);
    const counters = sim.counters();
    expect(counters.throttled).toBeGreaterThan(0);
    expect(counters.calls['SSM.DescribeInstanceInformation']).toBe(6 + counters.throttled);
  });
});

describe('latency, server errors and timeouts', () => {
  it('adds latency to the matching calls only', async () => {
    // The simulator runs in this process: with its timers faked, a delayed answer waits for the
    // test to move the clock, so what is delayed, and by how much, does not depend on speed.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      sim.setFaults([{ match: { action: 'SSM.*' }, latencyMs: 120 }]);
      const c = clients(sim);
      let answered = false;
      const delayed = c.ssm.send(new DescribePatchBaselinesCommand({})).then(() => (answered = true));
      while (!sim.counters().calls['SSM.DescribePatchBaselines']) await new Promise((resolve) => setImmediate(resolve));
      // Not matched: answered while the matching call still waits.
      await c.ec2.send(new DescribeRegionsCommand({}));
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(119);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await delayed;
      expect(answered).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 500 and 503 for the configured fraction', async () => {
    sim.setFaults([{ match: { region: 'us-east-1' }, serverErrorRate: 1 }]);
    const { ssm } = clients(sim);
    const errors = await Promise.all(
      [0, 1].map(() =>
        ssm
          .send(new DescribeInstanceInformationCommand({}))
          .catch((e: { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode),
      ),
    );
    expect(errors.sort()).toEqual([500, 503]);
    expect(sim.counters().serverErrors).toBe(2);
  });

  it('holds the socket without answering until the client gives up', async () => {
    // Held far longer than the test runs: a TimeoutError (not a dropped socket) shows the client
    // gave up first, and nothing else can answer a held call.
    sim.setFaults([{ match: { action: 'EC2.DescribeInstances' }, timeout: { holdMs: 600_000 } }]);
    const { ec2 } = clients(sim, { requestTimeout: 2_000 });
    await expect(ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sim.counters().timeouts).toBe(1);
  });
});

describe('IAM policy', () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow' as const, Action: ['ssm:Describe*', 'ec2:DescribeRegions', 'sts:GetCallerIdentity'], Resource: '*' },
      { Effect: 'Deny' as const, Action: 'ssm:DescribePatch*', Resource: '*' },
    ],
  };

  it('denies every action the policy does not allow, in each protocol’s terms, and counts them', async () => {
    sim.setFaults([{ match: { accountId: account(0) }, policy }]);
    const c = clients(sim);
    await c.ssm.send(new DescribeInstanceInformationCommand({}));
    await c.ec2.send(new DescribeRegionsCommand({}));
    await c.sts.send(new GetCallerIdentityCommand({}));
    await expect(c.ssm.send(new GetInventoryCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('ssm:GetInventory'),
    });
    await expect(c.ssm.send(new DescribePatchBaselinesCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(c.ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
      $metadata: { httpStatusCode: 403 },
    });
    // Another account is not under this policy.
    await clients(sim, { account: 1 }).ssm.send(new GetInventoryCommand({}));
    const counters = sim.counters();
    expect(counters.denied).toBe(3);
    expect(counters.deniedActions).toEqual({ 'ssm:GetInventory': 1, 'ssm:DescribePatchBaselines': 1, 'ec2:DescribeInstances': 1 });
  });

  it('answers STS AccessDenied', async () => {
    sim.setFaults([{ policy: { Statement: [{ Effect: 'Allow', Action: 'ssm:*' }] } }]);
    await expect(clients(sim).sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('regions that are not enabled', () => {
  it('refuses the credentials in an opt-in region the account has not enabled', async () => {
    const c = clients(sim, { region: 'ap-east-1' });
    await expect(c.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    await expect(c.ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({ name: 'AuthFailure' });
  });

  it('disables a region on request', async () => {
    sim.setFaults([{ match: { region: 'eu-west-1' }, regionDisabled: true }]);
    await expect(clients(sim, { region: 'eu-west-1' }).ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
    await clients(sim, { region: 'us-east-1' }).ssm.send(new DescribeInstanceInformationCommand({}));
  });
});

describe('sessions that expire mid-run', () => {
  it('expires after N calls, in each protocol’s terms', async () => {
    sim.setFaults([{ match: { accountId: account(1) }, expireSession: { afterCalls: 2 } }]);
    const c = clients(sim, { account: 1 });
    await c.ssm.send(new DescribeInstanceInformationCommand({}));
    await c.ssm.send(new DescribeInstanceInformationCommand({}));
    await expect(c.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    await expect(c.ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'RequestExpired' });
    await expect(c.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
    await clients(sim, { account: 0 }).ssm.send(new DescribeInstanceInformationCommand({}));
    expect(sim.counters().expired).toBe(3);
  });

  it('expires at a given time', async () => {
    sim.setFaults([{ expireSession: { atMs: Date.parse('2020-01-01T00:00:00Z') } }]);
    await expect(clients(sim).ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({
      name: 'ExpiredTokenException',
    });
  });
});

describe('run-time changes and counters', () => {
  it('serves a changed fleet to a second audit', async () => {
    const { ssm } = clients(sim);
    const before = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    const first = before.InstanceInformationList?.[0]?.InstanceId ?? '';
    sim.mutate((fleet) => {
      const nodes = fleet.accounts[0]?.regions['us-east-1']?.nodes ?? [];
      nodes.splice(0, 1);
      for (const n of nodes) n.pingStatus = 'ConnectionLost';
    });
    const after = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    expect(after.InstanceInformationList?.map((i) => i.InstanceId)).not.toContain(first);
    expect(after.InstanceInformationList?.length).toBeGreaterThan(0);
    expect(after.InstanceInformationList?.every((i) => i.PingStatus === 'ConnectionLost')).toBe(true);
    sim.setFleet(generateFleet(FLEET));
    const restored = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    expect(restored.InstanceInformationList?.[0]?.InstanceId).toBe(first);
  });

  it('counts calls per action and per account/region, and resets', async () => {
    sim.resetCounters();
    await clients(sim).ssm.send(new DescribeInstanceInformationCommand({}));
    await clients(sim, { region: 'eu-west-1', account: 1 }).ec2.send(new DescribeRegionsCommand({}));
    const counters = sim.counters();
    expect(counters.total).toBe(2);
    expect(counters.calls).toEqual({ 'SSM.DescribeInstanceInformation': 1, 'EC2.DescribeRegions': 1 });
    expect(counters.scopes).toEqual({ [`${account(0)}/us-east-1`]: 1, [`${account(1)}/eu-west-1`]: 1 });
    sim.resetCounters();
    expect(sim.counters().total).toBe(0);
  });
});
