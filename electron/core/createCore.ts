/**
 * The application core, with every platform dependency passed in (the seam that lets the
 * desktop shell, the web host, the CLI and the tests run the same code; docs/design.md §1).
 */
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { ClientOptions, Credentials } from './aws/clients';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import type { Log } from './log';
import { DB_FILE } from './paths';
import type { Printer } from './report';
import { createServices, type HostInfo, type Services } from './services';
import { openStore } from './store';

export interface CoreDeps {
  dataDir: string;
  /** The database file; by default the data folder's (the CLI's `--db` names another). */
  dbPath?: string;
  host: HostInfo;
  log?: Log;
  /** How audits reach AWS: by default the SDK's own resolution; the demo and tests point it at the simulator. */
  aws?: { clientOptions?: ClientOptions; credentials?: Credentials };
  /** Prints report HTML to PDF: Electron's printToPDF in the app, Chromium via playwright-core elsewhere. */
  printer?: Printer;
}

export interface Core {
  services: Services;
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  close(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const log = deps.log ?? (() => {});
  const events = new EventBus();
  const store = openStore({ path: deps.dbPath ?? join(deps.dataDir, DB_FILE) });
  const services = createServices({
    dataDir: deps.dataDir,
    host: deps.host,
    store,
    events,
    log,
    aws: deps.aws ?? {},
    ...(deps.printer ? { printer: deps.printer } : {}),
  });
  const handlers = createHandlers(services, deps.host);
  return {
    services,
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    close: async () => {
      await services.audits.settled();
      store.close();
    },
  };
}
