/**
 * Reading the nodes of saved snapshots: the node table and its CSV, one node's detail, trends
 * over time, two snapshots compared, one snapshot under another catalog edition, readiness
 * (nodes with no failed prerequisite, P1–P7) and the missing patches (issue 19).
 */
import type { Comparison, NodeDetail, NodePage, NodeQuery, TrendPoint, TrendQuery } from '../store';
import { getCatalog } from '../../../shared/catalog';
import { editionChanges } from '../../../shared/editionChanges';
import type { EditionComparison } from '../../../shared/history';
import {
  comparePatches,
  missingPatchSummary,
  nodesWithPatch,
  type MissingPatchSummary,
  type PatchComparison,
  type PatchNode,
  type PatchSelector,
  type SummaryOptions,
} from '../../../shared/missingPatches';
import type { Lang } from '../../../shared/model';
import type { MethodInput } from '../../../shared/contract';
import type { UnmanagedPage } from '../../../shared/ec2Coverage';
import { computeFigures, type SnapshotFigures } from '../../../shared/figures';
import { PREREQUISITE_RULE_IDS, type Readiness } from '../../../shared/readiness';
import { requireCatalog, UserFacingError } from '../errors';
import { writeNodesCsv, type NodeColumn, type NodeCsvFilters } from '../report/nodesCsv';
import type { Store } from '../store';
import type { HostFiles } from '../files';
import { saveThrough, type SaveAnswer } from './saveThrough';
import type { SnapshotService } from './snapshots';
import { validInput } from './validate';

export interface NodeRef {
  snapshotId: number;
  accountId: string;
  region: string;
  instanceId: string;
}

export class FleetService {
  constructor(
    private readonly store: Store,
    private readonly snapshots: SnapshotService,
  ) {}

  queryNodes(snapshotId: number, query: NodeQuery): NodePage {
    this.snapshots.requireExisting(snapshotId);
    return this.store.queryNodes(snapshotId, query);
  }

  nodeDetail({ snapshotId, accountId, region, instanceId }: NodeRef): NodeDetail {
    const detail = this.store.nodeDetail(snapshotId, instanceId, accountId, region);
    if (!detail) throw new UserFacingError(`Node ${instanceId} is not in snapshot ${snapshotId}.`, 'not_found');
    return detail;
  }

  /** The node table as the user sees it, written to `file`; returns the number of rows. */
  writeNodesCsv(snapshotId: number, query: NodeCsvFilters, columns: readonly NodeColumn[], lang: Lang, file: string): number {
    this.snapshots.requireExisting(snapshotId);
    return writeNodesCsv(this.store, snapshotId, query, columns, lang, file);
  }

  /** The node table as CSV where the user chose (the save dialog, or a download in the web host). */
  async exportNodesCsv(
    { snapshotId, query, columns, lang }: { snapshotId: number; query: NodeCsvFilters; columns: readonly NodeColumn[]; lang: Lang },
    files: HostFiles,
  ): Promise<SaveAnswer<{ rows: number }>> {
    this.snapshots.requireExisting(snapshotId);
    return saveThrough(files, 'csv', `nodes-${snapshotId}.csv`, (path) => ({
      rows: this.writeNodesCsv(snapshotId, query, columns, lang, path),
    }));
  }

  trends(query: TrendQuery = {}): TrendPoint[] {
    return this.store.trends(validInput('trends:query', query));
  }

  compare(from: number, to: number, limit?: number): Comparison {
    validInput('compare:run', { from, to, limit });
    this.snapshots.requireExisting(from, to);
    return this.store.compare(from, to, limit ? { limit } : {});
  }

  /** The EC2 instances that are not managed nodes, and why (issue 30). */
  unmanaged(input: MethodInput<'unmanaged:list'>): UnmanagedPage {
    const { snapshotId, ...query } = validInput('unmanaged:list', input);
    this.snapshots.requireExisting(snapshotId);
    return this.store.unmanagedInstances(snapshotId, query);
  }

  /** The snapshot's facts judged under its own edition and under `catalogEdition`, offline. */
  editionChanges(snapshotId: number, catalogEdition: string, limit?: number): EditionComparison {
    validInput('compare:editions', { snapshotId, catalogEdition, limit });
    const snapshot = this.snapshots.get(snapshotId);
    const from = getCatalog(snapshot.catalogEdition);
    // Said apart from an unknown `catalogEdition` argument: here the user's choice is not at fault.
    if (!from)
      throw new UserFacingError(
        `Snapshot ${snapshotId} was judged under catalog edition "${snapshot.catalogEdition}", which this version does not know; it cannot be judged again here.`,
        'not_found',
      );
    return editionChanges(this.store.nodesWithChecks(snapshotId), {
      snapshotId,
      from,
      to: requireCatalog(catalogEdition),
      now: new Date(snapshot.finishedAt),
      scanAgeDays: snapshot.scanAgeDays,
      ...(limit ? { limit } : {}),
    });
  }

  /** The headline figures, from the snapshot's summary rows (shared/figures.ts). */
  figures(snapshotId: number): SnapshotFigures {
    validInput('figures:get', { id: snapshotId });
    const snapshot = this.snapshots.get(snapshotId);
    return { snapshot: snapshotId, edition: snapshot.catalogEdition, figures: computeFigures(this.store.figureInput(snapshotId)) };
  }

  readiness(snapshotId: number): Readiness {
    this.snapshots.requireExisting(snapshotId);
    const scopes = this.store.readinessByScope(snapshotId, PREREQUISITE_RULE_IDS);
    return {
      nodes: scopes.reduce((sum, s) => sum + s.nodes, 0),
      ready: scopes.reduce((sum, s) => sum + s.ready, 0),
      unverified: scopes.reduce((sum, s) => sum + s.unverified, 0),
      scopes,
    };
  }

  /** Every node is read, filtered or not: the filters' choices cover the whole snapshot. */
  missingPatches(snapshotId: number, options: SummaryOptions = {}): MissingPatchSummary {
    this.snapshots.requireExisting(snapshotId);
    return missingPatchSummary(this.store.nodesWithChecks(snapshotId), options);
  }

  nodesWithPatch(snapshotId: number, selector: PatchSelector, options: SummaryOptions = {}): { total: number; nodes: PatchNode[] } {
    this.snapshots.requireExisting(snapshotId);
    return nodesWithPatch(this.store.nodesWithChecks(snapshotId), selector, options);
  }

  comparePatches(from: number, to: number, limit?: number): PatchComparison {
    this.snapshots.requireExisting(from, to);
    return comparePatches(this.store.nodesWithChecks(from), this.store.nodesWithChecks(to), { from, to }, limit);
  }
}
