/**
 * The local history over the contract: snapshots, nodes, trends and comparisons, answered by
 * the store (DESIGN §6). Files go through the host's dialogs or uploads, never through a path
 * the renderer chose.
 */
import type { DomainHandlers } from '../../../shared/contract';
import { getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import { UserFacingError } from '../dispatch';
import type { EventBus } from '../events';
import type { HostFiles } from '../files';
import { writeNodesCsv } from './nodesCsv';
import { exportSnapshots, ImportError, importArchive, reevaluate, type Store } from '../store';

export interface HistoryDeps {
  store: Store;
  events: EventBus;
  files: HostFiles;
  defaults: () => { catalogEdition: string; scanAgeDays: number };
}

const notFound = (id: number): never => {
  throw new UserFacingError(`Snapshot ${id} does not exist (it may have been deleted).`, 'not_found');
};

export function createHistoryHandlers(deps: HistoryDeps): {
  snapshots: DomainHandlers<'snapshots'>;
  nodes: DomainHandlers<'nodes'>;
  trends: DomainHandlers<'trends'>;
  compare: DomainHandlers<'compare'>;
} {
  const { store, events } = deps;
  const meta = (id: number) => store.listSnapshots().find((s) => s.id === id) ?? notFound(id);
  const exists = (id: number) => (store.getSnapshot(id) ? id : notFound(id));

  return {
    snapshots: {
      list: async () => store.listSnapshots(),
      get: async ({ id }) => store.getSnapshot(id) ?? notFound(id),
      annotate: async ({ id, ...annotation }) => {
        if (!store.annotateSnapshot(id, annotation)) notFound(id);
        events.emit('snapshots:changed', { reason: 'annotated', ids: [id] });
        return meta(id);
      },
      delete: async ({ id }) => {
        const deleted = store.deleteSnapshot(id);
        if (deleted) events.emit('snapshots:changed', { reason: 'deleted', ids: [id] });
        return { deleted };
      },
      reevaluate: async ({ id, catalogEdition, scanAgeDays }) => {
        exists(id);
        const defaults = deps.defaults();
        const edition = catalogEdition ?? defaults.catalogEdition;
        const catalog = getCatalog(edition);
        if (!catalog) throw new UserFacingError(`Unknown catalog edition: ${edition}`, 'not_found');
        const newId = reevaluate(
          store,
          id,
          { catalogEdition: catalog.id, scanAgeDays: scanAgeDays ?? defaults.scanAgeDays, normalize: platformOf },
          (facts, opts) => evaluateNode(facts, { catalog, now: opts.now, scanAgeDays: opts.scanAgeDays }),
        );
        events.emit('snapshots:changed', { reason: 'saved', ids: [newId] });
        return meta(newId);
      },
      summary: async ({ id, filters }) => {
        exists(id);
        return { rules: store.ruleSummary(id, filters ?? {}), scopes: store.scopeSummary(id) };
      },
      export: async ({ ids }) => {
        ids.forEach(exists);
        const name = ids.length === 1 ? `snapshot-${ids[0]}.patchaudit` : `snapshots-${ids.length}.patchaudit`;
        const target = await deps.files.chooseSaveTarget('snapshot-export', name);
        if (!target) return { saved: false };
        exportSnapshots(store, ids, target.path);
        return { saved: true, ...target.done() };
      },
      import: async ({ uploadId }) => {
        const file = await deps.files.chooseImportFile(uploadId);
        if (!file) return { imported: [], alreadyPresent: [], cancelled: true };
        try {
          // Importing the same file twice (or a colleague's copy of our own audit) adds nothing.
          const { ids, alreadyPresent } = importArchive(store, file, { skipDuplicates: true });
          const imported = [...new Set(ids.filter((id) => !alreadyPresent.includes(id)))];
          if (imported.length) events.emit('snapshots:changed', { reason: 'imported', ids: imported });
          return { imported, alreadyPresent, cancelled: false };
        } catch (err) {
          if (err instanceof ImportError) throw new UserFacingError(`The file was not imported: ${err.message}`);
          throw err;
        }
      },
    },
    nodes: {
      query: async ({ snapshotId, query }) => {
        exists(snapshotId);
        return store.queryNodes(snapshotId, query);
      },
      detail: async ({ snapshotId, accountId, region, instanceId }) =>
        store.nodeDetail(snapshotId, instanceId, accountId, region) ??
        (() => {
          throw new UserFacingError(`Node ${instanceId} is not in snapshot ${snapshotId}.`, 'not_found');
        })(),
      exportCsv: async ({ snapshotId, query, columns, lang }) => {
        exists(snapshotId);
        const target = await deps.files.chooseSaveTarget('csv', `nodes-${snapshotId}.csv`);
        if (!target) return { saved: false };
        const rows = writeNodesCsv(store, snapshotId, query, columns, lang, target.path);
        return { saved: true, rows, ...target.done() };
      },
    },
    trends: {
      query: async (query) => store.trends(query),
    },
    compare: {
      run: async ({ from, to, limit }) => {
        exists(from);
        exists(to);
        return store.compare(from, to, limit ? { limit } : {});
      },
    },
  };
}
