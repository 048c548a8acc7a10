import type { DomainHandlers } from '../../../shared/contract';
import type { PlansFile } from './plansFile';

export function createPlansHandlers(file: PlansFile): DomainHandlers<'plans'> {
  return {
    list: async () => file.list(),
    save: async (input) => file.save(input),
    delete: async ({ id }) => ({ deleted: file.delete(id) }),
  };
}
