/**
 * Issue 28 item 2: imports are bounded by work, not wall time. The review's inflating archives
 * (valid header and checksum, 42 MB and 100 MB of empty records) are refused from the shape of
 * what they inflate to, before JSON.parse builds anything; the process that asked carries on,
 * and the CLI exits 2 with its message. Times and peak memory are measured in `npm run bench`.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportSnapshots, ImportError, importSnapshots, openStore } from '../../../electron/core/store';
import type { Store } from '../../../electron/core/store';
import { writeInflatingArchive, type InflatingArchiveOptions } from '../../fixtures/inflatingArchive';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';

const MB = 1_000_000;
const FILES: ReadonlyArray<[string, InflatingArchiveOptions]> = [
  ['42 MB of empty nodes', { contentBytes: 42 * MB, records: 'nodes' }],
  ['100 MB of empty nodes', { contentBytes: 100 * MB, records: 'nodes' }],
  ['42 MB of empty snapshots', { contentBytes: 42 * MB, records: 'snapshots' }],
];

let dir: string;
const files = new Map<string, string>();

beforeAll(() => {
  dir = tempDir('pa-archive-bounds-');
  for (const [name, options] of FILES) {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.patchaudit`);
    const inflated = writeInflatingArchive(file, options);
    // Within the expansion cap: these files reach the parser, as the review's did.
    expect(inflated).toBeLessThan(statSync(file).size * 256);
    expect(inflated).toBeGreaterThan(options.contentBytes * 0.99);
    files.set(name, file);
  }
});

function goodExport(store: Store, name: string): string {
  const file = join(dir, name);
  exportSnapshots(store, [store.saveSnapshot(makeSnapshot({ nodes: 400, seed: 9 }))], file);
  return file;
}

describe('an inflating archive is refused by what it holds', () => {
  it.each(FILES)('refuses %s while inflating it, and the process goes on importing', async (name) => {
    const store = openStore({ path: join(dir, `${name.replace(/\W+/g, '-')}.sqlite`) });
    try {
      const error = await importSnapshots(store, files.get(name)!).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(/more than the 200000 nodes|announces 1 snapshots but the file holds more/);
      expect(store.listSnapshots()).toEqual([]);
      // The same machinery (a worker: the good file is over 1 MiB inflated) imports a good file after it.
      const good = goodExport(store, `${name.replace(/\W+/g, '-')}-good.patchaudit`);
      const other = openStore({ path: ':memory:' });
      try {
        expect(await importSnapshots(other, good)).toHaveLength(1);
      } finally {
        other.close();
      }
    } finally {
      store.close();
    }
  });

  it('exits the CLI with 2 and its message, never a crash', async () => {
    const db = join(dir, 'cli.sqlite');
    const run = await runCli(['import', files.get('100 MB of empty nodes')!, '--db', db]);
    expect(run.stderr).toMatch(/^patch-audit: The file was not imported: A snapshot of the file lists more than the 200000 nodes/m);
    expect(run.stderr).not.toMatch(/FATAL|heap|at .*\.ts:\d+/);
    expect(run.code).toBe(2);
    expect(existsSync(db)).toBe(true);
  });
});
