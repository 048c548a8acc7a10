/**
 * The use cases of the app, one object per area, built over one store and one event bus. Every
 * host calls these: the contract handlers (desktop and web) and the CLI, so the work behind
 * a click and behind a command is the same code (docs/design.md §1).
 */
import { join } from 'node:path';
import type { ClientOptions, Credentials } from '../aws/clients';
import type { EventBus } from '../events';
import type { Log } from '../log';
import { PlansFile } from '../plans/plansFile';
import type { Printer } from '../report';
import { SettingsFile } from '../settings/settingsFile';
import type { Store } from '../store';
import { AppService, type HostInfo } from './app';
import { AuditService } from './audits';
import { DemoService } from './demo';
import { FleetService } from './fleet';
import { PlanService } from './plans';
import { ProfileService } from './profiles';
import { ReportService } from './reports';
import { SettingsService } from './settings';
import { SnapshotService } from './snapshots';

export { AppService, type HostInfo } from './app';
export { AuditService, type AuditRunOptions } from './audits';
export { DEMO_CLIENT, DemoService } from './demo';
export { FleetService, type NodeRef } from './fleet';
export { PlanService } from './plans';
export { ProfileService } from './profiles';
export { ReportService, type ReportRequest } from './reports';
export { SettingsService } from './settings';
export { SnapshotService, type ImportOutcome, type ReevaluateRequest } from './snapshots';

export interface ServiceDeps {
  dataDir: string;
  host: HostInfo;
  store: Store;
  events: EventBus;
  log: Log;
  aws: { clientOptions?: ClientOptions; credentials?: Credentials };
  printer?: Printer;
}

export interface Services {
  app: AppService;
  settings: SettingsService;
  snapshots: SnapshotService;
  fleet: FleetService;
  reports: ReportService;
  audits: AuditService;
  profiles: ProfileService;
  plans: PlanService;
  demo: DemoService;
}

export function createServices(deps: ServiceDeps): Services {
  const settings = new SettingsService(new SettingsFile(join(deps.dataDir, 'settings.json')), deps.events);
  const snapshots = new SnapshotService(deps.store, deps.events, () => settings.read());
  const audits = new AuditService({
    events: deps.events,
    settings,
    snapshots,
    clientOptions: deps.aws.clientOptions ?? {},
    ...(deps.aws.credentials ? { credentials: deps.aws.credentials } : {}),
    log: deps.log,
  });
  return {
    app: new AppService(deps.host, deps.dataDir),
    settings,
    snapshots,
    fleet: new FleetService(deps.store, snapshots),
    reports: new ReportService(deps.store, snapshots, deps.printer),
    audits,
    profiles: new ProfileService(),
    plans: new PlanService(new PlansFile(join(deps.dataDir, 'plans.json'))),
    demo: new DemoService(snapshots, audits, deps.log),
  };
}
