// Bundles the Electron main process, the core's worker, the import worker and the preload into out/. The preload
// must be a single CommonJS file: a sandboxed preload can require only a few Electron modules,
// not our code.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

// CommonJS has no import.meta: each finds its worker beside the bundle from this URL
// (electron/core/worker/startCoreWorker.ts, electron/core/store/archiveWorker.ts).
const withImportMetaUrl = {
  ...common,
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleUrl' },
};

await Promise.all([
  build({ ...withImportMetaUrl, entryPoints: ['electron/main/main.ts'], outfile: 'out/main/main.cjs' }),
  build({ ...withImportMetaUrl, entryPoints: ['electron/core/worker/coreWorker.ts'], outfile: 'out/main/coreWorker.cjs' }),
  build({ ...withImportMetaUrl, entryPoints: ['electron/core/store/importWorker.ts'], outfile: 'out/main/importWorker.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/preload/preload.cjs' }),
]);
