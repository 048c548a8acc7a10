/**
 * Store figures beside their targets (DESIGN §10): bytes per node per snapshot, save time for
 * 10,000 nodes, node queries on a 50,000-node snapshot, and a one-year daily trend.
 * Run: `npx tsx test/bench/store.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCatalog } from '../../shared/catalog';
import { evaluateNode } from '../../shared/evaluate';
import type { NodeFacts } from '../../shared/model';
import { openStore } from '../../electron/core/store';
import type { Store } from '../../electron/core/store';
import { makeSnapshot } from '../fixtures/makeSnapshot';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const time = (fn: () => unknown, runs = 5): number => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
};

function fileSize(store: Store): number {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(store.path).size;
}

/** 365 daily snapshots' summary rows, copied from one real 10,000-node snapshot (trends read nothing else). */
function yearOfSummaries(store: Store, sourceId: number): void {
  store.db.transaction(() => {
    for (let day = 1; day <= 365; day++) {
      const startedAt = new Date(Date.UTC(2025, 0, day, 9)).toISOString();
      const id = Number(
        store.db
          .prepare(
            `INSERT INTO snapshot (started_at, finished_at, saved_at, status, catalog_edition, scan_age_days, tool_version, node_count)
                    SELECT ?, ?, saved_at, status, catalog_edition, scan_age_days, tool_version, node_count FROM snapshot WHERE id = ?`,
          )
          .run(startedAt, startedAt, sourceId).lastInsertRowid,
      );
      store.db
        .prepare(
          'INSERT INTO area_summary SELECT ?, account_id, region, nodes, online, compliant, non_compliant, missing_critical, missing_security FROM area_summary WHERE snapshot_id = ?',
        )
        .run(id, sourceId);
      store.db
        .prepare(
          'INSERT INTO rule_summary SELECT ?, account_id, region, rule, pass, fail, warn, unknown, not_applicable FROM rule_summary WHERE snapshot_id = ?',
        )
        .run(id, sourceId);
    }
  })();
}

const catalog = getCatalog('seed-2022');
/** The real rules engine, so stored checks carry the evidence a real audit stores. */
const evaluate = (facts: NodeFacts, now: Date) => {
  if (!catalog) throw new Error('catalog seed-2022 is missing');
  return evaluateNode(facts, { catalog, now, scanAgeDays: 7 });
};

export function benchStore(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-store-'));
  const store = openStore({ path: join(dir, 'bench.sqlite') });
  try {
    const figures: Figure[] = [];
    const N = 10_000;
    const inputs = [1, 2, 3].map((seed) =>
      makeSnapshot({ nodes: N, seed, evaluate, startedAt: new Date(Date.UTC(2026, 0, seed, 9)).toISOString() }),
    );
    const empty = fileSize(store);
    const saveMs: number[] = [];
    const sizes: number[] = [];
    let last = empty;
    let firstId = 0;
    for (const input of inputs) {
      const t = performance.now();
      const id = store.saveSnapshot(input);
      saveMs.push(performance.now() - t);
      firstId ||= id;
      const size = fileSize(store);
      sizes.push(size - last);
      last = size;
    }
    figures.push({ name: 'bytes per node, first snapshot', value: (sizes[0] ?? 0) / N, unit: 'B', target: 500 });
    figures.push({ name: 'bytes per node, later snapshots', value: ((sizes[1] ?? 0) + (sizes[2] ?? 0)) / 2 / N, unit: 'B', target: 500 });
    figures.push({ name: 'save 10,000 nodes (median of 3)', value: saveMs.sort((a, b) => a - b)[1] ?? 0, unit: 'ms', target: 2000 });

    const big = store.saveSnapshot(
      makeSnapshot({
        nodes: 50_000,
        seed: 7,
        evaluate,
        accounts: ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'],
        regions: ['ap-northeast-1', 'us-east-1', 'eu-west-1'],
      }),
    );
    figures.push({
      name: '50k nodes: first page sorted by agent version',
      value: time(() => store.queryNodes(big, { sort: { key: 'agentVersion', dir: 'desc' }, limit: 100 })),
      unit: 'ms',
      target: 250,
    });
    figures.push({
      name: '50k nodes: account + rule filter, page 10',
      value: time(() =>
        store.queryNodes(big, { accountIds: ['222222222222'], rule: 'patch.compliant', statuses: ['fail'], offset: 900, limit: 100 }),
      ),
      unit: 'ms',
      target: 100,
    });
    figures.push({
      name: '50k nodes: search by name substring',
      value: time(() => store.queryNodes(big, { search: 'app-0123', limit: 100 })),
      unit: 'ms',
      target: 100,
    });
    figures.push({
      name: '50k nodes: rule summary by family',
      value: time(() => store.ruleSummary(big, { families: ['ubuntu'] })),
      unit: 'ms',
      target: 250,
    });
    const row = store.queryNodes(big, { limit: 1 }).rows[0];
    if (row)
      figures.push({
        name: 'node detail with history',
        value: time(() => store.nodeDetail(big, row.instanceId, row.accountId, row.region)),
        unit: 'ms',
        target: 20,
      });
    figures.push({ name: 'compare two 10k snapshots', value: time(() => store.compare(firstId, firstId + 1), 3), unit: 'ms', target: 500 });

    yearOfSummaries(store, firstId);
    figures.push({
      name: 'trend over 365 daily 10k snapshots (total)',
      value: time(() => store.trends({ from: '2025-01-01', to: '2025-12-31T23:59:59Z' })),
      unit: 'ms',
      target: 50,
    });
    figures.push({
      name: 'trend over 365 snapshots, per account, one rule',
      value: time(() => store.trends({ from: '2025-01-01', to: '2025-12-31T23:59:59Z', groupBy: 'account', rules: ['patch.compliant'] })),
      unit: 'ms',
      target: 50,
    });
    return figures;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of benchStore()) {
    console.log(
      `${f.name.padEnd(52)} ${f.value.toFixed(1).padStart(9)} ${f.unit.padEnd(2)}  target ${String(f.target).padStart(5)} ${f.unit.padEnd(2)}  ratio ${(f.value / f.target).toFixed(2)}`,
    );
  }
}
