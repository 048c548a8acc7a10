/**
 * `npm run web`: the renderer in your own browser, backed by the same core as the desktop app,
 * on the app's own data (webOptions.ts says which folder and how to choose another). It prints
 * where the data is. Stopping it (Ctrl+C, SIGTERM) closes the database and removes only this
 * run's uploads and downloads: the data is the user's, as with the desktop app.
 */
import { join } from 'node:path';
import { lazyChromiumPrinter } from '../core/chromium';
import { startCoreWorker, type CoreWorker } from '../core/host';
import { startWebHost } from './server';
import { WebFiles } from './webFiles';
import { webPlace, WebUsageError, type WebPlace } from './webOptions';

let place: WebPlace;
try {
  place = webPlace(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof WebUsageError)) throw err;
  fail(err.message, 2);
}
const { dataDir, dbPath } = place;
const printing = lazyChromiumPrinter();
let files: WebFiles;
try {
  files = new WebFiles(dataDir);
} catch (err) {
  cannotOpen(err);
}
let core: CoreWorker;
try {
  // The core in a thread of its own, as in the desktop app: this loop serves pages and calls.
  core = await startCoreWorker({
    dataDir,
    dbPath,
    log: (line) => process.stderr.write(`[webhost] ${line}\n`),
    host: { host: 'web', versions: { node: process.versions.node }, openExternal: async () => {}, files },
    printer: printing.printer,
  });
} catch (err) {
  files.dispose();
  cannotOpen(err);
}
const host = await startWebHost({ core, rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), files });
// Ctrl+C or SIGTERM closes the host (which removes this run's uploads and downloads), the browser
// and the database; set before the URL is printed, so a stop as soon as it is seen is handled.
const stop = () =>
  void (async () => {
    await host.close();
    await printing.close();
    await core.close();
    process.exit(0);
  })();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
process.stdout.write(
  [
    'Patch Auditor web host',
    `Data folder: ${dataDir}`,
    `Database:    ${dbPath}`,
    `Open: ${host.url}`,
    'Ctrl+C stops the host; the data stays where it is.',
    '',
  ].join('\n'),
);

/** A folder or database that cannot be opened (permissions, a damaged file) is said, not thrown. */
function cannotOpen(err: unknown): never {
  fail(`cannot open the data in ${dataDir} (database ${dbPath}): ${err instanceof Error ? err.message : String(err)}`, 1);
}

function fail(message: string, code: number): never {
  process.stderr.write(`patch-auditor web: ${message}\n`);
  process.exit(code);
}
