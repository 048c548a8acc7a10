/**
 * Headline figures (shared/figures.ts, issue 27): `figures:get` on a 50,000-node snapshot, as
 * the Overview calls it (validated by the contract, through the fleet service), read from the
 * summary rows and never by unpacking the nodes. Alone: `npx tsx test/bench/headlineFigures.ts [--quick]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../electron/core/createCore';
import { makeSnapshot } from '../fixtures/makeSnapshot';
import { formatTable, median, type Figure } from './figures';

const RUNS = 5;

export async function benchHeadlineFigures(nodes: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-figures-'));
  const core = createCore({ dataDir: dir, host: { host: 'cli', versions: {}, openExternal: async () => {} } });
  try {
    const id = core.services.snapshots.save(makeSnapshot({ nodes, seed: 17 }));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const answer = await core.dispatch('figures:get', { id });
      times.push(performance.now() - t);
      if (!answer.ok) throw new Error(`figures:get failed: ${answer.error.message}`);
    }
    return [
      {
        group: 'figures',
        name: `headline figures of a ${nodes.toLocaleString('en')}-node snapshot (figures:get, median of ${RUNS})`,
        value: median(times),
        unit: 'ms',
        target: 100,
      },
    ];
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  console.log(formatTable(await benchHeadlineFigures(process.argv.includes('--quick') ? 5_000 : 50_000)));
}
