import type { DomainHandlers } from '../../../shared/contract';
import { PREREQUISITE_RULE_IDS } from '../../../shared/readiness';
import { UserFacingError } from '../dispatch';
import type { Store } from '../store';

export function createReadinessHandlers(store: Store): DomainHandlers<'readiness'> {
  return {
    summary: async ({ id }) => {
      if (!store.getSnapshot(id)) throw new UserFacingError(`Snapshot ${id} does not exist (it may have been deleted).`, 'not_found');
      const scopes = store.readinessByScope(id, PREREQUISITE_RULE_IDS);
      return {
        nodes: scopes.reduce((sum, s) => sum + s.nodes, 0),
        ready: scopes.reduce((sum, s) => sum + s.ready, 0),
        scopes,
      };
    },
  };
}
