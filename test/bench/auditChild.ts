/**
 * One audit in a process of its own, so its peak memory is the audit's and not the
 * simulator's (which runs in the parent). Reads an `AuditJob` as JSON from argv[2], writes
 * an `AuditRun` as JSON on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditOutcome, AuditPlan } from '../../shared/auditPlan';
import { getCatalog } from '../../shared/catalog';
import { runAudit } from '../../electron/core/audit/runAudit';
import { openStore } from '../../electron/core/store';

export interface AuditJob {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  plan: AuditPlan;
}

export interface AuditRun {
  /** Milliseconds from the start to the first scope, to the end of collection, and to the saved snapshot. */
  resolveMs: number;
  collectMs: number;
  totalMs: number;
  outcome: AuditOutcome;
  /** Peak resident set of this process, in bytes. */
  maxRssBytes: number;
  /** CPU time (user + system) of this process during collection, in ms. */
  collectCpuMs: number;
}

async function main(job: AuditJob): Promise<AuditRun> {
  const catalog = getCatalog('seed-2022');
  if (!catalog) throw new Error('catalog seed-2022 is missing');
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-audit-'));
  const store = openStore({ path: join(dir, 'audit.sqlite') });
  try {
    const marks: Partial<Record<string, number>> = {};
    const cpu: Partial<Record<string, number>> = {};
    const cpuNow = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const start = performance.now();
    const outcome = await runAudit(
      job.plan,
      {
        clientOptions: { endpoint: job.endpoint },
        credentials: { accessKeyId: job.accessKeyId, secretAccessKey: job.secretAccessKey },
        saveSnapshot: (input) => store.saveSnapshot(input),
        catalog,
        scanAgeDays: 7,
      },
      {
        onProgress: (p) => {
          marks[p.phase] ??= performance.now();
          cpu[p.phase] ??= cpuNow();
        },
        progressIntervalMs: 1000,
      },
    );
    const end = performance.now();
    const collecting = marks.collecting ?? start;
    return {
      resolveMs: collecting - start,
      collectMs: (marks.evaluating ?? end) - collecting,
      totalMs: end - start,
      outcome,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      collectCpuMs: (cpu.evaluating ?? cpuNow()) - (cpu.collecting ?? 0),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const arg = process.argv[2];
if (!arg) throw new Error('usage: auditChild.ts <AuditJob as JSON>');
main(JSON.parse(arg) as AuditJob).then(
  (run) => process.stdout.write(JSON.stringify(run)),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
