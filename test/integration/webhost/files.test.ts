import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { HostFiles } from '../../../electron/core/files';
import { startWebHost, type WebHost } from '../../../electron/webhost/server';
import { WEB_FILES_FOLDER, WebFiles } from '../../../electron/webhost/webFiles';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';
import { openSession } from '../../support/webHostSession';

describe('web host uploads and downloads', () => {
  let host: WebHost;
  let core: Core;
  let session: Record<string, string> = {};
  const dataDir = tempDir('pa-webfiles-data-');
  const files = new WebFiles(dataDir);

  beforeAll(async () => {
    core = createCore({
      dataDir,
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
    });
    const rendererDir = tempDir('pa-webfiles-r-');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startWebHost({ core, rendererDir, files });
    session = await openSession(host);
  });
  afterAll(async () => {
    await host?.close();
    await core?.close();
    files.dispose();
  });

  it('stores an upload under an opaque id that the import can take once', async () => {
    const response = await fetch(`${host.origin}/upload`, {
      method: 'POST',
      headers: { ...session, Origin: host.origin },
      body: 'archive bytes',
    });
    const { uploadId } = (await response.json()) as { uploadId: string };
    expect(uploadId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const path = await files.chooseImportFile(uploadId);
    expect(readFileSync(path!, 'utf8')).toBe('archive bytes');
    expect(await files.chooseImportFile(uploadId)).toBeNull();
    expect(await files.chooseImportFile('../../etc/passwd')).toBeNull();
  });

  it('removes an upload as soon as the import that named it has ended, imported or refused', async () => {
    const id = core.services.snapshots.save(makeSnapshot({ nodes: 3, seed: 7, startedAt: '2026-10-01T09:00:00.000Z' }));
    const archive = join(tempDir('pa-webfiles-export-'), 'one.patchaudit');
    core.services.snapshots.exportTo([id], archive);
    const upload = async (body: Uint8Array | string) => {
      const response = await fetch(`${host.origin}/upload`, { method: 'POST', headers: { ...session, Origin: host.origin }, body });
      return ((await response.json()) as { uploadId: string }).uploadId;
    };
    const importUpload = async (uploadId: string) => {
      const response = await fetch(`${host.origin}/api/snapshots:import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
        body: JSON.stringify({ input: { uploadId } }),
      });
      return response.json();
    };
    const uploads = () => readdirSync(files.dir).filter((name) => name.startsWith('upload-'));
    const before = uploads();

    const good = await upload(readFileSync(archive));
    expect(uploads()).toHaveLength(before.length + 1);
    expect(await importUpload(good)).toMatchObject({ ok: true, value: { alreadyPresent: [id] } });
    expect(uploads()).toEqual(before);

    const bad = await upload('not an archive');
    expect(await importUpload(bad)).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(uploads()).toEqual(before);
    // Gone with its file: the id opens nothing now.
    expect(await importUpload(bad)).toMatchObject({ ok: true, value: { cancelled: true } });
  });

  it("removes a crashed run's files at the next start, and leaves a running host's", () => {
    const dataDir = tempDir('pa-webfiles-left-');
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const crashed = join(dataDir, WEB_FILES_FOLDER, `run-${ended}-abc123`);
    const running = join(dataDir, WEB_FILES_FOLDER, `run-${process.pid}-def456`);
    for (const dir of [crashed, running]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'upload-x'), 'a client archive');
    }
    const next = new WebFiles(dataDir);
    try {
      expect(existsSync(crashed)).toBe(false);
      expect(existsSync(join(running, 'upload-x'))).toBe(true);
      expect(readdirSync(join(dataDir, WEB_FILES_FOLDER)).sort()).toEqual([running, next.dir].map((dir) => basename(dir)).sort());
    } finally {
      next.dispose();
    }
    // Its own folder only: the data folder stays.
    expect(existsSync(next.dir)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });

  // Issue 27: an imported snapshot names the file it came from; the browser's name is kept, made safe.
  it('keeps the name of the uploaded file, without a folder or anything but word characters, dots and dashes', async () => {
    const upload = async (name: string) => {
      const response = await fetch(`${host.origin}/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...session, Origin: host.origin },
        body: 'archive bytes',
      });
      const { uploadId } = (await response.json()) as { uploadId: string };
      return (await files.chooseImportFile(uploadId))!;
    };
    for (const [name, kept] of [
      ['snapshot-4.patchaudit', 'snapshot-4.patchaudit'],
      ['../../etc/passwd', 'passwd'],
      ['週次 監査.patchaudit', '_____.patchaudit'],
      ['..', 'upload'],
      ['', 'upload'],
    ] as const) {
      const path = await upload(name);
      expect(basename(path)).toBe(kept);
      expect(dirname(dirname(path))).toBe(files.dir);
      expect(readFileSync(path, 'utf8')).toBe('archive bytes');
    }
  });

  it('refuses uploads without the session or from another origin', async () => {
    expect((await fetch(`${host.origin}/upload`, { method: 'POST', headers: { Origin: host.origin }, body: 'x' })).status).toBe(401);
    expect(
      (await fetch(`${host.origin}/upload`, { method: 'POST', headers: { ...session, Origin: 'https://evil.example' }, body: 'x' })).status,
    ).toBe(403);
  });

  it('serves a saved file once as a download with a safe name', async () => {
    const target = (await files.chooseSaveTarget('csv', '../nodes "x".csv'))!;
    writeFileSync(target.path, 'a,b\n');
    const { fileName, downloadUrl } = await target.done();
    expect(fileName).toBe('nodes__x_.csv');
    // Asked for without the session, it is refused and stays on offer.
    expect((await fetch(`${host.origin}${downloadUrl}`)).status).toBe(401);
    const first = await fetch(`${host.origin}${downloadUrl}`, { headers: session });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="nodes__x_.csv"');
    expect(await first.text()).toBe('a,b\n');
    expect((await fetch(`${host.origin}${downloadUrl}`, { headers: session })).status).toBe(404);
    // Sent once, kept nowhere: the file is removed once the answer is complete.
    await expect.poll(() => existsSync(target.path)).toBe(false);
  });
});

describe('two imports naming the same upload', () => {
  it('the second, ending first, leaves the file to the one still reading it; the file goes when both have ended', async () => {
    const dataDir = tempDir('pa-webfiles-twice-');
    const files = new WebFiles(dataDir);
    // The first import holds its file until the second call has ended: no timing, events only.
    let taken!: () => void;
    const tookFile = new Promise<void>((resolve) => (taken = resolve));
    let secondEnded!: () => void;
    const afterSecond = new Promise<void>((resolve) => (secondEnded = resolve));
    const gated: HostFiles = {
      chooseImportFile: async (uploadId) => {
        const path = await files.chooseImportFile(uploadId);
        if (path === null) return null;
        taken();
        await afterSecond;
        return path;
      },
      chooseSaveTarget: (kind, name) => files.chooseSaveTarget(kind, name),
    };
    const core = createCore({ dataDir, host: { host: 'web', versions: {}, openExternal: async () => {}, files: gated } });
    const rendererDir = tempDir('pa-webfiles-twice-r-');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ core, rendererDir, files });
    try {
      const session = await openSession(host);
      const archive = join(tempDir('pa-webfiles-twice-export-'), 'one.patchaudit');
      const source = createCore({
        dataDir: tempDir('pa-webfiles-twice-src-'),
        host: { host: 'web', versions: {}, openExternal: async () => {} },
      });
      source.services.snapshots.exportTo([source.services.snapshots.save(makeSnapshot({ nodes: 3, seed: 11 }))], archive);
      await source.close();
      const uploaded = await fetch(`${host.origin}/upload`, {
        method: 'POST',
        headers: { ...session, Origin: host.origin },
        body: readFileSync(archive),
      });
      const { uploadId } = (await uploaded.json()) as { uploadId: string };
      const importUpload = async () =>
        (
          await fetch(`${host.origin}/api/snapshots:import`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: host.origin, ...session },
            body: JSON.stringify({ input: { uploadId } }),
          })
        ).json();
      const uploads = () => readdirSync(files.dir).filter((name) => name.startsWith('upload-'));

      const first = importUpload();
      await tookFile;
      expect(await importUpload()).toMatchObject({ ok: true, value: { cancelled: true } });
      expect(uploads()).toHaveLength(1);
      secondEnded();
      expect(await first).toMatchObject({ ok: true, value: { imported: [1] } });
      expect(uploads()).toEqual([]);
    } finally {
      await host.close();
      await core.close();
      files.dispose();
    }
  });
});
