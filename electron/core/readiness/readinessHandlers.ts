import type { DomainHandlers } from '../../../shared/contract';
import { PREREQUISITE_RULE_IDS } from '../../../shared/readiness';
import { UserFacingError } from '../dispatch';
import { STATUS_CODES, rulePosition } from '../store/codec';
import type { Store } from '../store/openStore';

// Only fixed positions and codes from the codec are spliced in; the snapshot id is bound.
const NO_PREREQUISITE_FAILS = PREREQUISITE_RULE_IDS.map(
  (rule) => `substr(statuses, ${rulePosition(rule)}, 1) <> '${STATUS_CODES.fail}'`,
).join(' AND ');
const READINESS_SQL = `SELECT account_id AS accountId, region, count(*) AS nodes, coalesce(sum(${NO_PREREQUISITE_FAILS}), 0) AS ready
  FROM node WHERE snapshot_id = ? GROUP BY account_id, region ORDER BY account_id, region`;

export function createReadinessHandlers(store: Store): DomainHandlers<'readiness'> {
  return {
    summary: async ({ id }) => {
      if (!store.getSnapshot(id)) throw new UserFacingError(`Snapshot ${id} does not exist (it may have been deleted).`, 'not_found');
      const scopes = store.db.prepare(READINESS_SQL).all(id) as { accountId: string; region: string; nodes: number; ready: number }[];
      return {
        nodes: scopes.reduce((sum, s) => sum + s.nodes, 0),
        ready: scopes.reduce((sum, s) => sum + s.ready, 0),
        scopes,
      };
    },
  };
}
