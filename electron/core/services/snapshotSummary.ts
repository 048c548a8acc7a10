/**
 * One saved snapshot as `patch-audit snapshots show` gives it: its scopes and rule summary, and,
 * judged under an older catalog edition, its totals under the current one (issue 27).
 */
import { CURRENT_CATALOG_ID } from '../../../shared/catalog';
import { isOlderEdition } from '../../../shared/editionNotice';
import type { SnapshotSummaryText } from '../report/text';
import type { FleetService } from './fleet';
import type { SnapshotService } from './snapshots';

export function snapshotSummary(snapshots: SnapshotService, fleet: FleetService, id: number): SnapshotSummaryText {
  const snapshot = snapshots.get(id);
  const { scopes, rules } = snapshots.summary(snapshot.id);
  const underCurrent = isOlderEdition(snapshot.catalogEdition) ? fleet.editionChanges(snapshot.id, CURRENT_CATALOG_ID, 1) : null;
  return { snapshot, scopes, rules, underCurrent };
}

/** Its `--json` document: the current edition's verdict as its totals only. */
export function snapshotSummaryDocument({ snapshot, scopes, rules, underCurrent }: SnapshotSummaryText) {
  const current = underCurrent && { from: underCurrent.from, to: underCurrent.to, totals: underCurrent.totals };
  return { snapshot, scopes, rules, ...(current ? { underCurrentEdition: current } : {}) };
}
