/** Files go through the host's dialogs or uploads, never through a path the renderer chose. */
import type { DomainHandlers } from '../../../shared/contract';
import type { HostFiles } from '../files';
import type { SnapshotService } from '../services';

export function snapshotsHandlers(snapshots: SnapshotService, files: HostFiles): DomainHandlers<'snapshots'> {
  return {
    list: async () => snapshots.list(),
    get: async ({ id }) => snapshots.get(id),
    annotate: async ({ id, ...annotation }) => snapshots.annotate(id, annotation),
    delete: async ({ id }) => ({ deleted: snapshots.delete(id) }),
    reevaluate: async ({ id, catalogEdition, scanAgeDays }) =>
      snapshots.reevaluate(id, { ...(catalogEdition ? { catalogEdition } : {}), ...(scanAgeDays ? { scanAgeDays } : {}) }),
    summary: async ({ id, filters }) => snapshots.summary(id, filters),
    export: async ({ ids }) => {
      snapshots.requireExisting(...ids);
      const name = ids.length === 1 ? `snapshot-${ids[0]}.patchaudit` : `snapshots-${ids.length}.patchaudit`;
      const target = await files.chooseSaveTarget('snapshot-export', name);
      if (!target) return { saved: false };
      snapshots.exportTo(ids, target.path);
      return { saved: true, ...(await target.done()) };
    },
    import: async ({ uploadId }) => {
      const file = await files.chooseImportFile(uploadId);
      if (!file) return { imported: [], alreadyPresent: [], repeatedInFile: [], cancelled: true };
      return { ...(await snapshots.importFile(file)), cancelled: false };
    },
  };
}
