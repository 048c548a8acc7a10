/** Reports and exports, written where the user chose (desktop) or offered as a download (web host). */
import type { DomainHandlers } from '../../../shared/contract';
import type { HostFiles } from '../files';
import type { ReportService, SnapshotService } from '../services';

export function reportHandlers(reports: ReportService, snapshots: SnapshotService, files: HostFiles): DomainHandlers<'report'> {
  return {
    create: async (request) => {
      const model = reports.prepare(request);
      const target = await files.chooseSaveTarget(
        request.format === 'pdf' ? 'report-pdf' : 'report-html',
        `patch-audit-report-${request.snapshotId}-${request.lang}.${request.format}`,
      );
      if (!target) return { saved: false };
      await reports.write(model, request, target.path);
      return { saved: true, ...(await target.done()) };
    },
    exportJson: async ({ snapshotId }) => {
      snapshots.requireExisting(snapshotId);
      const target = await files.chooseSaveTarget('json', `patch-audit-snapshot-${snapshotId}.json`);
      if (!target) return { saved: false };
      reports.writeJson(snapshotId, target.path);
      return { saved: true, ...(await target.done()) };
    },
  };
}
