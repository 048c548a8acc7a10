/**
 * "Try it with simulated data": records the demo's five weekly audits of a simulated
 * organization into the app's own history, so a consultant can explore every page without an
 * AWS account. The snapshots are labelled as simulated so they are never mistaken for a client's.
 */
import type { DomainHandlers } from '../../../shared/contract';
import type { AuditService } from '../audit/auditService';
import { UserFacingError } from '../dispatch';
import type { SnapshotToSave, Store } from '../store';
import { recordDemoHistory } from './runDemo';

export const DEMO_CLIENT = 'デモ (シミュレーション) / Demo (simulated)';

export function createDemoHandlers(deps: {
  store: Store;
  save: (input: SnapshotToSave) => number;
  audits: AuditService;
  log: (line: string) => void;
}): DomainHandlers<'demo'> {
  let loading = false;
  return {
    load: async ({ nodes }) => {
      if (loading) throw new UserFacingError('Demo data is already being loaded.');
      if (deps.audits.status()?.phase && !['done', 'failed', 'cancelled'].includes(deps.audits.status()!.phase)) {
        throw new UserFacingError('An audit is running. Load the demo data when it has finished.');
      }
      loading = true;
      try {
        const audits = await recordDemoHistory(deps.save, deps.store, { nodes: nodes ?? 600, client: DEMO_CLIENT, log: deps.log });
        return { snapshotIds: audits.map((a) => a.snapshotId) };
      } finally {
        loading = false;
      }
    },
  };
}
