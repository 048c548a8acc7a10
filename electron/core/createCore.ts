/**
 * The application core, with every platform dependency passed in (the seam that lets the
 * desktop shell, the web host, the CLI and the tests run the same code; DESIGN §1).
 */
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { TOOL_VERSION } from '../../shared/toolVersion';
import { createAppHandlers, type HostInfo } from './app/appHandlers';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { createSettingsHandlers } from './settings/settingsHandlers';
import { SettingsFile } from './settings/settingsFile';

export interface CoreDeps {
  dataDir: string;
  host: HostInfo;
  catalogEditions: readonly string[];
  log?: (line: string) => void;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
}

export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const settingsFile = new SettingsFile(join(deps.dataDir, 'settings.json'));
  const handlers: Handlers = {
    app: createAppHandlers({ host: deps.host, dataDir: deps.dataDir, toolVersion: TOOL_VERSION, catalogEditions: deps.catalogEditions }),
    settings: createSettingsHandlers({ file: settingsFile, events, catalogEditions: deps.catalogEditions }),
  };
  return { handlers, dispatch: createDispatcher(handlers, deps.log), events };
}
