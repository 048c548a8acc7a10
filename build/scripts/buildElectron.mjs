// Bundles the Electron main process, the core's worker, the import worker and the preload into out/. The preload
// must be a single CommonJS file: a sandboxed preload can require only a few Electron modules,
// not our code.
import { build } from 'esbuild';
import { nodeBundle as common, nodeBundleWithImportMetaUrl as withImportMetaUrl } from './bundleOptions.mjs';

await Promise.all([
  build({ ...withImportMetaUrl, entryPoints: ['electron/main/main.ts'], outfile: 'out/main/main.cjs' }),
  build({ ...withImportMetaUrl, entryPoints: ['electron/core/worker/coreWorker.ts'], outfile: 'out/main/coreWorker.cjs' }),
  build({ ...withImportMetaUrl, entryPoints: ['electron/core/store/importWorker.ts'], outfile: 'out/main/importWorker.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/preload/preload.cjs' }),
]);
