import type { DomainHandlers } from '../../../shared/contract';
import type { PlanService } from '../services';

export function plansHandlers(plans: PlanService): DomainHandlers<'plans'> {
  return {
    list: async () => plans.list(),
    save: async (input) => plans.save(input),
    delete: async ({ id }) => ({ deleted: plans.delete(id) }),
    unreadable: async () => plans.unreadable(),
  };
}
