/**
 * "Try it with simulated data": the demo's five weekly audits of a simulated organization into
 * the app's own history, labelled as simulated so they are never mistaken for a client's.
 */
import type { DomainHandlers } from '../../../shared/contract';
import { recordDemoHistory } from '../demo/runDemo';
import { UserFacingError } from '../errors';
import type { Log } from '../log';
import type { AuditService, SnapshotService } from '../services';

export const DEMO_CLIENT = 'デモ (シミュレーション) / Demo (simulated)';

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function demoHandlers(snapshots: SnapshotService, audits: AuditService, log: Log): DomainHandlers<'demo'> {
  let loading = false;
  return {
    load: async ({ nodes }) => {
      if (loading) throw new UserFacingError('Demo data is already being loaded.');
      const phase = audits.status()?.phase;
      if (phase && !FINISHED.has(phase)) throw new UserFacingError('An audit is running. Load the demo data when it has finished.');
      loading = true;
      try {
        const recorded = await recordDemoHistory(snapshots, { nodes: nodes ?? 600, client: DEMO_CLIENT, log });
        return { snapshotIds: recorded.map((a) => a.snapshotId) };
      } finally {
        loading = false;
      }
    },
  };
}
