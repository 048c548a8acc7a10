/**
 * `npm run web`: the renderer in your own browser, backed by the same core as the desktop app.
 * Data goes to PATCH_AUDITOR_DATA_DIR, or a fresh temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lazyChromiumPrinter } from '../core/report/chromiumPrinter';
import { startCoreWorker } from '../core/worker/startCoreWorker';
import { startWebHost } from './server';
import { WebFiles } from './webFiles';

const ownDataDir = process.env.PATCH_AUDITOR_DATA_DIR === undefined;
const dataDir = process.env.PATCH_AUDITOR_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'patch-auditor-web-'));
const files = new WebFiles();
const printing = lazyChromiumPrinter();
// The core in a thread of its own, as in the desktop app: this loop serves pages and calls.
const core = await startCoreWorker({
  dataDir,
  log: (line) => process.stderr.write(`[webhost] ${line}\n`),
  host: { host: 'web', versions: { node: process.versions.node }, openExternal: async () => {}, files },
  printer: printing.printer,
});
const host = await startWebHost({ core, rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), files });
process.stdout.write(`Patch Auditor web host (data in ${dataDir})\nOpen: ${host.url}\n`);
// Ctrl+C: close the host (which removes uploads and downloads), the browser and the database.
const stop = () =>
  void (async () => {
    await host.close();
    await printing.close();
    await core.close();
    // A folder this run made for itself holds a client's audit database: it goes with the run.
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
