/** The audit through the contract, as the renderer drives it: start, progress events, finish, cancel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core/createCore';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { tempDir } from '../../support/tempDir';

describe('audit over the contract', () => {
  let sim: Simulator;
  let core: Core;
  const events: { name: EventName; payload: unknown }[] = [];

  const finished = () =>
    new Promise<{ runId: string; outcome?: { snapshotId?: number; nodes: number }; error?: string }>((resolve) => {
      const off = core.events.subscribe((name, payload) => {
        if (name === 'audit:finished') {
          off();
          resolve(payload as never);
        }
      });
    });

  beforeAll(async () => {
    sim = await startSimulator({
      fleetOptions: { seed: 'contract', accounts: 1, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 80 },
    });
    const creds = sim.credentials[0]!;
    core = createCore({
      dataDir: tempDir('pa-contract-'),
      host: { host: 'web', versions: {}, openExternal: async () => {} },
      aws: {
        clientOptions: { endpoint: sim.url },
        credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      },
    });
    core.events.subscribe((name, payload) => events.push({ name, payload }));
  });
  afterAll(async () => {
    await core?.close();
    await sim?.close();
  });

  it('runs an audit, streams progress, and saves the snapshot', async () => {
    const done = finished();
    const started = await core.dispatch('audit:start', { regions: ['us-east-1', 'eu-west-1'], targets: { kind: 'self' }, label: 'first' });
    expect(started).toMatchObject({ ok: true, value: { runId: expect.any(String) } });
    const result = await done;
    expect(result.error).toBeUndefined();
    expect(result.outcome?.nodes).toBe(160);
    const progress = events.filter((e) => e.name === 'audit:progress').map((e) => e.payload as { phase: string; runId: string });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((p) => p.runId === (started as { value: { runId: string } }).value.runId)).toBe(true);
    expect(progress.at(-1)!.phase).toBe('done');
    expect(core.services.snapshots.list().map((s) => s.label)).toEqual(['first']);
    expect(await core.dispatch('audit:status', undefined)).toMatchObject({ ok: true, value: { phase: 'done' } });
  });

  it('refuses a second audit while one runs, and cancels', async () => {
    sim.setFaults([{ latencyMs: 100 }]);
    try {
      const done = finished();
      const first = (await core.dispatch('audit:start', {
        regions: ['us-east-1', 'eu-west-1'],
        targets: { kind: 'self' },
        concurrency: 1,
      })) as { ok: true; value: { runId: string } };
      const second = await core.dispatch('audit:start', { regions: ['us-east-1'], targets: { kind: 'self' } });
      expect(second).toMatchObject({ ok: false, error: { message: expect.stringContaining('already running') } });
      expect(await core.dispatch('audit:cancel', { runId: first.value.runId })).toEqual({ ok: true, value: { cancelled: true } });
      const result = await done;
      expect(result.runId).toBe(first.value.runId);
      expect(result.outcome === undefined || result.outcome.nodes < 160).toBe(true);
    } finally {
      sim.setFaults([]);
    }
  });

  it('judges under the plan’s catalog edition when it names one, and refuses an unknown one before starting', async () => {
    expect(core.services.settings.read().catalogEdition).toBe('aws-2026-11');
    const done = finished();
    const started = await core.dispatch('audit:start', {
      regions: ['us-east-1'],
      targets: { kind: 'self' },
      catalogEdition: 'seed-2022',
      label: '2022 page',
    });
    expect(started.ok).toBe(true);
    const result = await done;
    const snapshot = core.services.snapshots.get(result.outcome!.snapshotId!);
    expect(snapshot).toMatchObject({ label: '2022 page', catalogEdition: 'seed-2022' });
    const before = core.services.snapshots.list().length;
    const unknown = await core.dispatch('audit:start', { regions: ['us-east-1'], targets: { kind: 'self' }, catalogEdition: 'aws-1999' });
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringContaining('Unknown catalog edition "aws-1999"') } });
    expect(core.services.snapshots.list().length).toBe(before);
  });

  it('refuses an invalid plan without starting anything', async () => {
    const before = core.services.snapshots.list().length;
    for (const plan of [
      { regions: [], targets: { kind: 'self' } },
      { regions: ['us-east-1'], targets: { kind: 'accounts', accountIds: ['12345'], roleName: 'R' } },
      { regions: ['us-east-1'], targets: { kind: 'self' }, secretAccessKey: 'x' },
      { regions: ['us-east-1; DROP TABLE snapshot'], targets: { kind: 'self' } },
    ]) {
      expect(await core.dispatch('audit:start', plan)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(core.services.snapshots.list().length).toBe(before);
  });

  it('never sends a credential over the contract', () => {
    const wire = JSON.stringify(events);
    expect(wire).not.toContain(sim.credentials[0]!.secretAccessKey);
    expect(wire).not.toContain(sim.credentials[0]!.accessKeyId);
  });
});
