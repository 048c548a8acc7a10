// The esbuild options of every Node bundle of the app (buildElectron.mjs) and of the bench's
// audit child (test/bench/auditProcess.ts), so the bench measures the core as the app ships it.

export const nodeBundle = {
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
export const nodeBundleWithImportMetaUrl = {
  ...nodeBundle,
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleUrl' },
};
