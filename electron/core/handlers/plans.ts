import type { DomainHandlers } from '../../../shared/contract';
import type { PlansFile } from '../plans/plansFile';

export function plansHandlers(plans: PlansFile): DomainHandlers<'plans'> {
  return {
    list: async () => plans.list(),
    save: async (input) => plans.save(input),
    delete: async ({ id }) => ({ deleted: plans.delete(id) }),
    unreadable: async () => plans.unreadable(),
  };
}
