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
    export: ({ ids }) => snapshots.exportThrough(ids, files),
    import: ({ uploadId }) => snapshots.importThrough(uploadId, files),
  };
}
