// The import worker run from TypeScript sources (tests, the CLI, the web host): tsx's loader
// registered in the worker's own thread, as electron/cli/patch-audit.mjs does for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
