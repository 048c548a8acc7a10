import type { DomainHandlers } from '../../../shared/contract';
import type { FleetService } from '../services';

export function figuresHandlers(fleet: FleetService): DomainHandlers<'figures'> {
  return { get: async ({ id }) => fleet.figures(id) };
}
