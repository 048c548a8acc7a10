import type { DomainHandlers } from '../../../shared/contract';
import type { FleetService } from '../services';

export function compareHandlers(fleet: FleetService): DomainHandlers<'compare'> {
  return {
    run: async ({ from, to, limit }) => fleet.compare(from, to, limit),
    editions: async ({ snapshotId, catalogEdition, limit }) => fleet.editionChanges(snapshotId, catalogEdition, limit),
  };
}
