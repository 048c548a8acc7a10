// Bundles the Electron main process and the preload into out/. The preload must be a single
// CommonJS file: a sandboxed preload can require only a few Electron modules, not our code.
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

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'out/main/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/preload/preload.cjs' }),
]);
