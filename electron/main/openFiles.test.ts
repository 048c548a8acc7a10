import { describe, expect, it, vi } from 'vitest';
import {
  drainPendingImports,
  importOpenedFile,
  isSnapshotFile,
  listenForOpenFile,
  PendingImports,
  snapshotPathsFromArgv,
} from './openFiles';

describe('snapshotPathsFromArgv', () => {
  it('keeps .patchaudit arguments, resolved against the launch directory', () => {
    expect(snapshotPathsFromArgv(['/opt/pa/patch-auditor', 'client.patchaudit', '/data/b.PATCHAUDIT'], '/home/u')).toEqual([
      '/home/u/client.patchaudit',
      '/data/b.PATCHAUDIT',
    ]);
  });

  it('ignores the executable, Chromium switches and other files', () => {
    expect(
      snapshotPathsFromArgv(['x.patchaudit', '--allow-file-access-from-files=a.patchaudit', '.', 'notes.txt', 'evil.patchaudit.exe'], '/'),
    ).toEqual([]);
  });

  it('recognises the extension in any case', () => {
    expect(isSnapshotFile('A.PatchAudit')).toBe(true);
    expect(isSnapshotFile('a.patchaudit.json')).toBe(false);
  });
});

describe('PendingImports', () => {
  it('queues in order without duplicates and empties on take', () => {
    const queue = new PendingImports();
    queue.push('/a.patchaudit', '/b.patchaudit', '/a.patchaudit');
    expect(queue.take()).toEqual(['/a.patchaudit', '/b.patchaudit']);
    expect(queue.take()).toEqual([]);
  });

  it('tells the consumer about files that arrived before it and after it subscribed', () => {
    const queue = new PendingImports();
    queue.push('/early.patchaudit');
    const listener = vi.fn();
    queue.onAvailable(listener);
    expect(listener).toHaveBeenCalledTimes(1);
    queue.push('/late.patchaudit');
    expect(listener).toHaveBeenCalledTimes(2);
    queue.push();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('listenForOpenFile', () => {
  it('takes macOS open-file events for snapshots and queues them', () => {
    let handler: ((event: { preventDefault(): void }, path: string) => void) | undefined;
    const app = { on: (_name: string, listener: typeof handler) => ((handler = listener), app) };
    const queue = new PendingImports();
    listenForOpenFile(app as never, queue);
    const event = { preventDefault: vi.fn() };
    handler!(event, '/Users/u/Downloads/acme.patchaudit');
    handler!({ preventDefault: vi.fn() }, '/Users/u/notes.txt');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(queue.take()).toEqual(['/Users/u/Downloads/acme.patchaudit']);
  });
});

describe('drainPendingImports', () => {
  it('imports every queued file and reports failures without stopping', async () => {
    const queue = new PendingImports();
    queue.push('/bad.patchaudit', '/good.patchaudit');
    const imported: string[] = [];
    const failed: string[] = [];
    await drainPendingImports(
      queue,
      async (path) => {
        if (path === '/bad.patchaudit') throw new Error('damaged');
        imported.push(path);
      },
      (path) => failed.push(path),
    );
    expect(imported).toEqual(['/good.patchaudit']);
    expect(failed).toEqual(['/bad.patchaudit']);
    expect(queue.take()).toEqual([]);
  });
});

describe('importOpenedFile', () => {
  const steps = (answer: boolean) => {
    const done: string[] = [];
    return {
      done,
      steps: {
        describe: async (path: string) => (done.push(`describe ${path}`), { snapshots: 4 }),
        confirm: async (path: string, snapshots: number) => (done.push(`confirm ${path} ${snapshots}`), answer),
        importFile: async (path: string) => void done.push(`import ${path}`),
      },
    };
  };

  it('asks with the header’s snapshot count before importing', async () => {
    const { done, steps: yes } = steps(true);
    expect(await importOpenedFile('/d/acme.patchaudit', yes)).toBe(true);
    expect(done).toEqual(['describe /d/acme.patchaudit', 'confirm /d/acme.patchaudit 4', 'import /d/acme.patchaudit']);
  });

  it('imports nothing when the user cancels', async () => {
    const { done, steps: no } = steps(false);
    expect(await importOpenedFile('/d/acme.patchaudit', no)).toBe(false);
    expect(done).not.toContain('import /d/acme.patchaudit');
  });

  it('asks nothing about a file whose header cannot be read', async () => {
    const { done, steps: some } = steps(true);
    const damaged = { ...some, describe: async () => Promise.reject(new Error('not a gzip file')) };
    await expect(importOpenedFile('/d/bad.patchaudit', damaged)).rejects.toThrow('not a gzip file');
    expect(done).toEqual([]);
  });
});
