/**
 * Issue 28 item 5: a full disk loses nothing that was collected. The disk fills through the
 * store's own connection (`capAtCurrentSize`: SQLite then reports SQLITE_FULL on the next page it
 * needs, as on a disk with no room), so the audit and the save run as they ship.
 */
import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotSpilledError } from '../../../electron/core/errors';
import { EventBus } from '../../../electron/core/events';
import { createServices } from '../../../electron/core/services';
import { SnapshotService } from '../../../electron/core/services/snapshots';
import { startSimulator } from '../../../electron/core/sim';
import { capAtCurrentSize, DatabaseError, importSnapshots, openStore, type Store } from '../../../electron/core/store';
import type { SnapshotInput } from '../../../shared/model';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

const defaults = () => ({ catalogEdition: 'seed-2022', scanAgeDays: 7 });

/** The snapshot as a store gives it back after a save: what a restore must equal. */
function asStored(input: SnapshotInput): SnapshotInput {
  const store = openStore({ path: ':memory:' });
  try {
    return store.loadSnapshotInput(store.saveSnapshot(input)).input;
  } finally {
    store.close();
  }
}

async function restored(file: string): Promise<SnapshotInput> {
  const store = openStore({ path: join(tempDir('pa-full-restore-'), 'restored.sqlite') });
  try {
    const [id] = await importSnapshots(store, file);
    return store.loadSnapshotInput(id!).input;
  } finally {
    store.close();
  }
}

function saveError(service: SnapshotService, input: SnapshotInput): unknown {
  try {
    service.save(input);
  } catch (err) {
    return err;
  }
  throw new Error('the save succeeded on a full disk');
}

describe('a full disk when a snapshot is saved', () => {
  let dir: string;
  let store: Store;
  let changes: unknown[];
  let service: SnapshotService;
  const tmp = process.env.TMPDIR;

  beforeEach(() => {
    dir = tempDir('pa-full-');
    store = openStore({ path: join(dir, 'db.sqlite') });
    store.saveSnapshot(makeSnapshot({ nodes: 5, label: 'before' }));
    capAtCurrentSize(store);
    const events = new EventBus();
    changes = [];
    events.subscribe((name, payload) => name === 'snapshots:changed' && changes.push(payload));
    service = new SnapshotService(store, events, defaults);
  });
  afterEach(() => {
    store.close();
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  });

  it('keeps the snapshot in an export file beside the database, which import restores whole', async () => {
    const input = makeSnapshot({ nodes: 300, seed: 3, label: 'collected' });
    const err = saveError(service, input);
    expect(err).toBeInstanceOf(SnapshotSpilledError);
    const { spillFile, message } = err as SnapshotSpilledError;
    expect(dirname(spillFile)).toBe(dir);
    expect(spillFile).toMatch(/\.patchaudit$/);
    expect(message).toContain(spillFile);
    expect(message).toContain('patch-audit import');
    // The database is as it was, and nobody was told a snapshot was added.
    expect(store.listSnapshots().map((s) => s.label)).toEqual(['before']);
    expect(changes).toEqual([]);
    expect(await restored(spillFile)).toEqual(asStored(input));
  });

  it('keeps it in the temp folder when the database folder takes nothing', async () => {
    const spillDir = tempDir('pa-full-spill-');
    process.env.TMPDIR = spillDir;
    // The open connection keeps writing to the moved file; the folder its path names is gone.
    renameSync(dir, `${dir}-moved`);
    const input = makeSnapshot({ nodes: 40, seed: 4 });
    const err = saveError(service, input) as SnapshotSpilledError;
    renameSync(`${dir}-moved`, dir);
    expect(err).toBeInstanceOf(SnapshotSpilledError);
    expect(dirname(err.spillFile)).toBe(spillDir);
    expect(await restored(err.spillFile)).toEqual(asStored(input));
  });

  it('says plainly that the audit is lost only when no place could keep it', () => {
    process.env.TMPDIR = join(dir, 'no-such-folder');
    renameSync(dir, `${dir}-moved`);
    const err = saveError(service, makeSnapshot({ nodes: 40, seed: 5 }));
    renameSync(`${dir}-moved`, dir);
    expect(err).toBeInstanceOf(DatabaseError);
    expect(err).toMatchObject({ fault: 'full', message: expect.stringMatching(/is full.*so it is lost/) });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});

describe('a full disk at the end of an audit', () => {
  it('keeps every node the audit collected, and the run says where', async () => {
    const sim = await startSimulator({ fleetOptions: { seed: 'disk-full', accounts: 1, regions: ['us-east-1'], nodesPerRegion: 120 } });
    const dir = tempDir('pa-full-audit-');
    const store = openStore({ path: join(dir, 'db.sqlite') });
    capAtCurrentSize(store);
    try {
      const creds = sim.credentials[0]!;
      const services = createServices({
        dataDir: dir,
        host: { host: 'cli', versions: {}, openExternal: async () => {} },
        store,
        events: new EventBus(),
        log: () => {},
        aws: {
          clientOptions: { endpoint: sim.url },
          credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
        },
      });
      const run = services.audits.run({ regions: ['us-east-1'], targets: { kind: 'self' }, concurrency: 4 });
      const err = (await run.then(
        () => undefined,
        (e: unknown) => e,
      )) as SnapshotSpilledError;
      expect(err).toBeInstanceOf(SnapshotSpilledError);
      expect(store.listSnapshots()).toEqual([]);
      const kept = await restored(err.spillFile);
      expect(kept.nodes).toHaveLength(120);
      expect(kept.scopes.map((s) => [s.region, s.status, s.nodes])).toEqual([['us-east-1', 'ok', 120]]);
    } finally {
      store.close();
      await sim.close();
    }
  });
});
