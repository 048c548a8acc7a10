// The core's worker run from TypeScript sources (tests, the web host, the bench): tsx's loader
// registered in the worker's own thread, as electron/core/store/importWorkerFromSources.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./coreWorker.ts');
