/**
 * The contract's handlers, one thin adapter per domain over the services: they turn a call's
 * input into a use case and its file needs into the host's dialogs or uploads. `'domain:verb'`
 * in shared/contract.ts maps to `<domain>.ts` here.
 */
import type { Handlers } from '../../../shared/contract';
import { NO_FILES } from '../files';
import type { HostInfo, Services } from '../services';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { compareHandlers } from './compare';
import { demoHandlers } from './demo';
import { figuresHandlers } from './figures';
import { nodesHandlers } from './nodes';
import { patchesHandlers } from './patches';
import { plansHandlers } from './plans';
import { profilesHandlers } from './profiles';
import { readinessHandlers } from './readiness';
import { reportHandlers } from './report';
import { settingsHandlers } from './settings';
import { snapshotsHandlers } from './snapshots';
import { trendsHandlers } from './trends';
import { unmanagedHandlers } from './unmanaged';

export function createHandlers(services: Services, host: HostInfo): Handlers {
  const files = host.files ?? NO_FILES;
  return {
    app: appHandlers(services.app),
    settings: settingsHandlers(services.settings),
    profiles: profilesHandlers(services.profiles),
    audit: auditHandlers(services.audits),
    snapshots: snapshotsHandlers(services.snapshots, files),
    nodes: nodesHandlers(services.fleet, files),
    trends: trendsHandlers(services.fleet),
    compare: compareHandlers(services.fleet),
    plans: plansHandlers(services.plans),
    readiness: readinessHandlers(services.fleet),
    figures: figuresHandlers(services.fleet),
    patches: patchesHandlers(services.fleet),
    demo: demoHandlers(services.demo),
    unmanaged: unmanagedHandlers(services.fleet),
    report: reportHandlers(services.reports, files),
  };
}
