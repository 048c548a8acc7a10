/**
 * Runs one audit in a child process of its own (`auditChild.ts`), bundled by esbuild with the
 * app's options (build/scripts/bundleOptions.mjs) rather than through tsx: tsx's loader and
 * source maps cost the child tens of MB and slow each call, which the app never pays (issue 20).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { nodeBundleWithImportMetaUrl } from '../../build/scripts/bundleOptions.mjs';
import type { AuditJob, AuditRun } from './auditChild';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** Inside the repository, so the bundle finds `better-sqlite3` in node_modules as the app's does. */
const BUNDLE = join(ROOT, 'out', 'bench', 'auditChild.cjs');

let bundled: Promise<string> | undefined;

function bundleAuditChild(): Promise<string> {
  bundled ??= build({
    ...nodeBundleWithImportMetaUrl,
    entryPoints: [join(import.meta.dirname, 'auditChild.ts')],
    outfile: BUNDLE,
  }).then(() => BUNDLE);
  return bundled;
}

/** `nodeArgs`: options for the child's Node, such as a cap on V8's old space. */
export async function runAuditChild(job: AuditJob, nodeArgs: readonly string[] = []): Promise<AuditRun> {
  const child = await bundleAuditChild();
  const { stdout } = await run(process.execPath, [...nodeArgs, child, JSON.stringify(job)], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout) as AuditRun;
}
