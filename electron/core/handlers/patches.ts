import type { DomainHandlers } from '../../../shared/contract';
import type { PatchFilters, SummaryOptions } from '../../../shared/missingPatches';
import type { FleetService } from '../services';

const options = (input: { filters?: PatchFilters | undefined; limit?: number | undefined }): SummaryOptions => ({
  ...(input.filters ? { filters: input.filters } : {}),
  ...(input.limit ? { limit: input.limit } : {}),
});

export function patchesHandlers(fleet: FleetService): DomainHandlers<'patches'> {
  return {
    summary: async (input) => fleet.missingPatches(input.snapshotId, options(input)),
    nodes: async (input) =>
      fleet.nodesWithPatch(
        input.snapshotId,
        'cveId' in input ? { cveId: input.cveId } : { kbId: input.kbId, title: input.title },
        options(input),
      ),
    compare: async ({ from, to, limit }) => fleet.comparePatches(from, to, limit),
  };
}
