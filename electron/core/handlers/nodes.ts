import type { DomainHandlers } from '../../../shared/contract';
import type { HostFiles } from '../files';
import type { FleetService } from '../services';

export function nodesHandlers(fleet: FleetService, files: HostFiles): DomainHandlers<'nodes'> {
  return {
    query: async ({ snapshotId, query }) => fleet.queryNodes(snapshotId, query),
    detail: async (ref) => fleet.nodeDetail(ref),
    exportCsv: (input) => fleet.exportNodesCsv(input, files),
  };
}
