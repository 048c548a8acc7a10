import type { DomainHandlers } from '../../../shared/contract';
import type { HostFiles } from '../files';
import type { FleetService, SnapshotService } from '../services';

export function nodesHandlers(fleet: FleetService, snapshots: SnapshotService, files: HostFiles): DomainHandlers<'nodes'> {
  return {
    query: async ({ snapshotId, query }) => fleet.queryNodes(snapshotId, query),
    detail: async (ref) => fleet.nodeDetail(ref),
    exportCsv: async ({ snapshotId, query, columns, lang }) => {
      snapshots.requireExisting(snapshotId);
      const target = await files.chooseSaveTarget('csv', `nodes-${snapshotId}.csv`);
      if (!target) return { saved: false };
      const rows = fleet.writeNodesCsv(snapshotId, query, columns, lang, target.path);
      return { saved: true, rows, ...(await target.done()) };
    },
  };
}
