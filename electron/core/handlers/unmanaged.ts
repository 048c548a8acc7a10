import type { DomainHandlers } from '../../../shared/contract';
import type { FleetService } from '../services';

export function unmanagedHandlers(fleet: FleetService): DomainHandlers<'unmanaged'> {
  return { list: async (input) => fleet.unmanaged(input) };
}
