/**
 * Export file figures: what a real export inflates to per node and how well it compresses (the
 * inputs of the import caps in electron/core/store/archive.ts), export and import times, and how
 * fast the decompression bombs of issue 17 are refused (acceptance: under 5 s), and the time and peak
 * memory of refusing issue 28's inflating archives (acceptance: 10 s and 600 MB). Part of `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getCatalog } from '../../shared/catalog';
import { evaluateNode } from '../../shared/evaluate';
import type { NodeFacts } from '../../shared/model';
import { DEFAULT_LIMITS, exportSnapshots, importSnapshots, openStore } from '../../electron/core/store';
import { writeInflatingArchive } from '../fixtures/inflatingArchive';
import { makeSnapshot } from '../fixtures/makeSnapshot';
import type { ArchiveRefusal } from './archiveRefusalChild';
import type { Figure } from './figures';

const run = promisify(execFile);

const catalog = getCatalog('seed-2022');
const evaluate = (facts: NodeFacts, now: Date) => {
  if (!catalog) throw new Error('catalog seed-2022 is missing');
  return evaluateNode(facts, { catalog, now, scanAgeDays: 7 });
};

/** 120 MB of empty snapshot records in about 120 KB (concatenated gzip members), its header honest or claiming 1 KB. */
function emptyRecordsBomb(file: string, header: Record<string, unknown>, lying: boolean): void {
  const prefix = '{"snapshots":[';
  const chunk = Buffer.from('{},'.repeat(349_525));
  const suffix = '{}]}';
  const times = 120;
  const sha = createHash('sha256').update(prefix);
  for (let i = 0; i < times; i++) sha.update(chunk);
  sha.update(suffix);
  const payloadBytes = prefix.length + chunk.length * times + suffix.length;
  const h = { ...header, snapshots: 1, payloadBytes: lying ? 1000 : payloadBytes, payloadSha256: sha.digest('hex') };
  const member = gzipSync(chunk, { level: 9 });
  writeFileSync(
    file,
    Buffer.concat([gzipSync(`${JSON.stringify(h)}\n${prefix}`), ...Array.from({ length: times }, () => member), gzipSync(suffix)]),
  );
}

async function refusalMs(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  const refused = await run().then(
    () => false,
    () => true,
  );
  if (!refused) throw new Error('a decompression bomb was imported');
  return performance.now() - t;
}

/** Imports `file` in a child process (archiveRefusalChild.ts), which must refuse it. */
async function refusalInChild(file: string): Promise<ArchiveRefusal> {
  const child = join(import.meta.dirname, 'archiveRefusalChild.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, file]);
  const refusal = JSON.parse(stdout) as ArchiveRefusal;
  if (!refusal.refused) throw new Error(`an inflating archive was imported: ${file}`);
  return refusal;
}

/** Issue 28 item 2: the review's inflating archives, 42 MB and 100 MB of empty records behind a valid header. */
async function inflatingArchiveFigures(dir: string, f: (name: string, value: number, unit: string, target?: number) => Figure) {
  const figures: Figure[] = [];
  for (const mb of [42, 100]) {
    const file = join(dir, `inflating-${mb}.patchaudit`);
    writeInflatingArchive(file, { contentBytes: mb * 1_000_000, records: 'nodes' });
    const kb = Math.round(statSync(file).size / 1000);
    const refusal = await refusalInChild(file);
    figures.push(
      f(`refuse a ${kb} KB file of ${mb} MB empty nodes`, refusal.ms, 'ms', 10_000),
      f(`refuse a ${kb} KB file of ${mb} MB empty nodes: peak memory`, refusal.maxRssBytes / 1024 / 1024, 'MB', 600),
    );
  }
  return figures;
}

export async function benchArchive(nodes: number): Promise<Figure[]> {
  const n = nodes.toLocaleString('en');
  const f = (name: string, value: number, unit: string, target?: number): Figure => ({
    group: 'archive',
    name,
    value,
    unit,
    ...(target === undefined ? {} : { target }),
  });
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-archive-'));
  const source = openStore({ path: join(dir, 'source.sqlite') });
  const target = openStore({ path: join(dir, 'target.sqlite') });
  try {
    const id = source.saveSnapshot(makeSnapshot({ nodes, seed: 3, evaluate }));
    const file = join(dir, 'real.patchaudit');
    let t = performance.now();
    exportSnapshots(source, [id], file);
    const exportMs = performance.now() - t;
    const content = gunzipSync(readFileSync(file));
    t = performance.now();
    await importSnapshots(target, file);
    const importMs = performance.now() - t;
    const header = JSON.parse(content.subarray(0, content.indexOf(0x0a)).toString('utf8')) as Record<string, unknown>;

    const honest = join(dir, 'bomb-honest.patchaudit');
    emptyRecordsBomb(honest, header, false);
    const lying = join(dir, 'bomb-lying.patchaudit');
    emptyRecordsBomb(lying, header, true);
    return [
      // The cap holds a 50,000-node audit while a node stays below this.
      f('export inflated bytes per node', content.length / nodes, 'B', DEFAULT_LIMITS.maxContentBytes / 50_000),
      f('export compression ratio', content.length / statSync(file).size, '', DEFAULT_LIMITS.maxExpansion),
      f(`export ${n} nodes`, exportMs, 'ms'),
      f(`import ${n} nodes (worker)`, importMs, 'ms'),
      f('refuse a 120 KB file of 120 MB empty records', await refusalMs(() => importSnapshots(target, honest)), 'ms', 5000),
      f(
        'refuse the same, its header claiming 1 KB (worker)',
        await refusalMs(() => importSnapshots(target, lying, { workerAboveBytes: 0 })),
        'ms',
        5000,
      ),
      ...(await inflatingArchiveFigures(dir, f)),
    ];
  } finally {
    source.close();
    target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
