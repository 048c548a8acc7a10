/**
 * The core in a worker thread, as the desktop app and the web host run it: contract calls,
 * events, the host's dialogs and printer reached from the worker, the shell's own queries, and
 * what a call gets once the core has stopped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { UserFacingError } from '../../../electron/core/errors';
import type { HostFiles, SaveKind } from '../../../electron/core/files';
import { lazyChromiumPrinter } from '../../../electron/core/report/chromiumPrinter';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { startCoreWorker, type CoreWorker } from '../../../electron/core/worker/startCoreWorker';
import { tempDir } from '../../support/tempDir';

describe('the core in a worker thread', () => {
  const dir = tempDir('pa-core-worker-');
  const printing = lazyChromiumPrinter();
  const saved: { kind: SaveKind; path: string; done: boolean }[] = [];
  const opened: string[] = [];
  const files: HostFiles = {
    chooseImportFile: async (uploadId) => (uploadId ? join(dir, uploadId) : null),
    chooseSaveTarget: async (kind, name) => {
      const entry = { kind, path: join(dir, name), done: false };
      saved.push(entry);
      return { path: entry.path, done: () => ((entry.done = true), { fileName: name, downloadUrl: `/downloads/${name}` }) };
    },
  };
  const events: EventName[] = [];
  const lines: string[] = [];
  let sim: Simulator;
  let core: CoreWorker;

  beforeAll(async () => {
    sim = await startSimulator({ fleetOptions: { seed: 'worker', accounts: 1, regions: ['us-east-1'], nodesPerRegion: 60 } });
    const creds = sim.credentials[0]!;
    core = await startCoreWorker({
      dataDir: join(dir, 'data'),
      log: (line) => lines.push(line),
      host: { host: 'web', versions: { node: process.versions.node }, openExternal: async (url) => void opened.push(url), files },
      printer: printing.printer,
      aws: {
        clientOptions: { endpoint: sim.url },
        credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      },
    });
    core.events.subscribe((name) => events.push(name));
  });
  afterAll(async () => {
    await core?.close();
    await printing.close();
    await sim?.close();
  });

  const finished = () =>
    new Promise<{ outcome?: { snapshotId?: number; nodes: number }; error?: string }>((resolve) => {
      const off = core.events.subscribe((name, payload) => {
        if (name === 'audit:finished') {
          off();
          resolve(payload as never);
        }
      });
    });

  it('answers contract calls, validated in the worker', async () => {
    expect(await core.dispatch('app:info', undefined)).toMatchObject({ ok: true, value: { host: 'web', name: 'Patch Auditor' } });
    expect(await core.dispatch('nope:never', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('snapshots:get', { id: 'one' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Refused before the copy to the worker, whose structured clone would overflow the stack.
    const deep: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(await core.dispatch('settings:set', { theme: deep })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('app:openExternal', { url: 'https://docs.aws.amazon.com/systems-manager/' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual(['https://docs.aws.amazon.com/systems-manager/']);
  });

  it('runs an audit against AWS from the worker and streams its events to the host', async () => {
    const done = finished();
    expect(await core.dispatch('audit:start', { regions: ['us-east-1'], targets: { kind: 'self' }, label: 'worker' })).toMatchObject({
      ok: true,
    });
    const result = await done;
    expect(result.error).toBeUndefined();
    expect(result.outcome?.nodes).toBe(60);
    expect(events).toContain('audit:progress');
    expect(events).toContain('snapshots:changed');
    expect(await core.shell.recentSnapshotIds(10)).toEqual([result.outcome?.snapshotId]);
    expect(lines.some((line) => line.includes('saved snapshot'))).toBe(true);
  });

  it("prints a report through the host's printer and writes it where the host's dialog chose", async () => {
    const [id] = await core.shell.recentSnapshotIds(1);
    const result = await core.dispatch('report:create', { snapshotId: id, lang: 'en', paper: 'a4', format: 'pdf' });
    expect(result).toEqual({
      ok: true,
      value: { saved: true, fileName: `patch-audit-report-${id}-en.pdf`, downloadUrl: expect.any(String) },
    });
    const target = saved.find((s) => s.kind === 'report-pdf')!;
    expect(target.done).toBe(true);
    expect(readFileSync(target.path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports, describes and imports a snapshot file for the shell, and says why a bad file is refused', async () => {
    const [id] = await core.shell.recentSnapshotIds(1);
    expect(await core.dispatch('snapshots:export', { ids: [id!] })).toMatchObject({ ok: true, value: { saved: true } });
    const file = saved.find((s) => s.kind === 'snapshot-export')!.path;
    expect(await core.shell.describeFile(file)).toEqual({ snapshots: 1 });
    expect(await core.shell.importFile(file)).toMatchObject({ alreadyPresent: [id] });
    const bad = join(dir, 'bad.patchaudit');
    writeFileSync(bad, 'not a snapshot file');
    const refusal = await core.shell.describeFile(bad).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(UserFacingError);
    expect((refusal as Error).message).toMatch(/not a Patch Auditor export/);
    expect(['en', 'ja']).toContain(await core.shell.language());
  });

  it('answers every call once the core has stopped, without a worker to ask', async () => {
    const other = await startCoreWorker({
      dataDir: join(dir, 'stopped'),
      host: { host: 'web', versions: {}, openExternal: async () => {} },
    });
    expect(await other.dispatch('snapshots:list', undefined)).toEqual({ ok: true, value: [] });
    await other.close();
    expect(await other.dispatch('snapshots:list', undefined)).toMatchObject({ ok: false, error: { code: 'failed' } });
    await expect(other.shell.language()).rejects.toThrow(/stopped/);
  });
});
