/**
 * The application core, with every platform dependency passed in (the seam that lets the
 * desktop shell, the web host, the CLI and the tests run the same code; DESIGN §1).
 */
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { TOOL_VERSION } from '../../shared/toolVersion';
import { createAppHandlers, type HostInfo } from './app/appHandlers';
import { createAuditHandlers } from './audit/auditHandlers';
import { AuditService } from './audit/auditService';
import type { ClientOptions, Credentials } from './aws/clients';
import { createProfileHandlers } from './aws/profileHandlers';
import { createDemoHandlers } from './demo/demoHandlers';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { NO_FILES } from './files';
import { createHistoryHandlers } from './history/historyHandlers';
import { DB_FILE } from './paths';
import { createPlansHandlers } from './plans/plansHandlers';
import { PlansFile } from './plans/plansFile';
import { createReadinessHandlers } from './readiness/readinessHandlers';
import type { Printer } from './report/printer';
import { createReportHandlers } from './report/reportHandlers';
import { createSettingsHandlers } from './settings/settingsHandlers';
import { SettingsFile } from './settings/settingsFile';
import { openStore, type SnapshotToSave, type Store } from './store';

export interface CoreDeps {
  dataDir: string;
  host: HostInfo;
  catalogEditions: readonly string[];
  log?: (line: string) => void;
  /** How audits reach AWS: by default the SDK's own resolution; the demo and tests point it at the simulator. */
  aws?: { clientOptions?: ClientOptions; credentials?: Credentials };
  /** Prints report HTML to PDF: Electron's printToPDF in the app, Chromium via playwright-core elsewhere. */
  printer?: Printer;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  store: Store;
  audits: AuditService;
  close(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const log = deps.log ?? (() => {});
  const events = new EventBus();
  const settingsFile = new SettingsFile(join(deps.dataDir, 'settings.json'));
  const store = openStore({ path: join(deps.dataDir, DB_FILE) });
  const saveSnapshot = (input: SnapshotToSave) => {
    const id = store.saveSnapshot(input);
    events.emit('snapshots:changed', { reason: 'saved', ids: [id] });
    return id;
  };
  const audits = new AuditService({
    events,
    settings: settingsFile,
    saveSnapshot,
    clientOptions: deps.aws?.clientOptions ?? {},
    ...(deps.aws?.credentials ? { credentials: deps.aws.credentials } : {}),
    log,
  });
  const handlers: Handlers = {
    app: createAppHandlers({ host: deps.host, dataDir: deps.dataDir, toolVersion: TOOL_VERSION, catalogEditions: deps.catalogEditions }),
    settings: createSettingsHandlers({ file: settingsFile, events, catalogEditions: deps.catalogEditions }),
    profiles: createProfileHandlers(),
    audit: createAuditHandlers(audits),
    ...createHistoryHandlers({ store, events, files: deps.host.files ?? NO_FILES, defaults: () => settingsFile.read() }),
    plans: createPlansHandlers(new PlansFile(join(deps.dataDir, 'plans.json'))),
    readiness: createReadinessHandlers(store),
    demo: createDemoHandlers({ store, save: saveSnapshot, audits, log }),
    report: createReportHandlers({ store, files: deps.host.files ?? NO_FILES, ...(deps.printer ? { printer: deps.printer } : {}) }),
  };
  return {
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    store,
    audits,
    close: async () => {
      await audits.settled();
      store.close();
    },
  };
}
