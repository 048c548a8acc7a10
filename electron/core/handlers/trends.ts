import type { DomainHandlers } from '../../../shared/contract';
import type { FleetService } from '../services';

export function trendsHandlers(fleet: FleetService): DomainHandlers<'trends'> {
  return { query: async (query) => fleet.trends(query) };
}
