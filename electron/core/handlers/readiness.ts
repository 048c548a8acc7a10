import type { DomainHandlers } from '../../../shared/contract';
import type { FleetService } from '../services';

export function readinessHandlers(fleet: FleetService): DomainHandlers<'readiness'> {
  return { summary: async ({ id }) => fleet.readiness(id) };
}
