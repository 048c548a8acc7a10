/** Runs the real audit (real SDK clients over loopback) against a simulator, into a real SQLite file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditPlan, AuditProgress } from '../../../shared/auditPlan';
import { getCatalog } from '../../../shared/catalog';
import { runAudit, type AuditDeps } from '../../../electron/core/audit/runAudit';
import type { Simulator } from '../../../electron/core/sim';
import type { PolicyDocument } from '../../../electron/core/sim';
import { openStore, type Store } from '../../../electron/core/store';
import { tempDir } from '../../support/tempDir';

export const SHIPPED_POLICY = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'build', 'iam', 'patch-auditor-policy.json'), 'utf8'),
) as PolicyDocument;

export function tempStore(): Store {
  return openStore({ path: join(tempDir('pa-audit-'), 'audit.sqlite') });
}

export async function audit(
  sim: Simulator,
  plan: AuditPlan,
  options: {
    store?: Store;
    account?: number;
    signal?: AbortSignal;
    deps?: Partial<AuditDeps>;
    /** Sees each progress event as it is emitted, so a test can act at a given point of the run. */
    onProgress?: (progress: AuditProgress) => void;
    /** The runner's own spacing of progress events (default 0 here: every event). */
    progressIntervalMs?: number;
  } = {},
) {
  const store = options.store ?? tempStore();
  const creds = sim.credentials[options.account ?? 0]!;
  const progress: AuditProgress[] = [];
  const logs: string[] = [];
  const outcome = await runAudit(
    plan,
    {
      clientOptions: { endpoint: sim.url, maxAttempts: 6, requestTimeoutMs: 3000 },
      credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      saveSnapshot: (input) => store.saveSnapshot(input),
      catalog: getCatalog('seed-2022')!,
      scanAgeDays: 7,
      log: (line) => logs.push(line),
      ...options.deps,
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => {
        progress.push(p);
        options.onProgress?.(p);
      },
      progressIntervalMs: options.progressIntervalMs ?? 0,
    },
  );
  return { outcome, store, progress, logs };
}

/** Managed nodes the simulator holds for one account and region. */
export function fleetNodes(sim: Simulator, account: number, region: string): number {
  return sim.fleet().accounts[account]?.regions[region]?.nodes.length ?? 0;
}
