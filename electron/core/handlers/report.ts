/** Reports and exports, written where the user chose (desktop) or offered as a download (web host). */
import type { DomainHandlers } from '../../../shared/contract';
import type { HostFiles } from '../files';
import type { ReportService } from '../services';

export function reportHandlers(reports: ReportService, files: HostFiles): DomainHandlers<'report'> {
  return {
    create: (request) => reports.create(request, files),
    exportJson: ({ snapshotId }) => reports.exportJsonThrough(snapshotId, files),
  };
}
