/**
 * Reports and exports over the contract: the PDF (or its HTML) for the client, and the JSON
 * export, written where the user chose (desktop) or offered as a download (web host).
 */
import type { DomainHandlers } from '../../../shared/contract';
import { UserFacingError } from '../dispatch';
import { writePrivateFile, type HostFiles } from '../files';
import type { Store } from '../store';
import { exportJson } from './exports';
import { renderReportPdf, type Printer } from './printer';
import { buildReportModel, ReportInputError } from './reportModel';
import { renderReportHtml } from './renderReportHtml';

export function createReportHandlers(deps: { store: Store; files: HostFiles; printer?: Printer }): DomainHandlers<'report'> {
  const modelFor = (snapshotId: number, compareTo: number | undefined, lang: 'ja' | 'en') => {
    try {
      return buildReportModel(deps.store, snapshotId, { lang, ...(compareTo ? { compareTo } : {}) });
    } catch (err) {
      if (err instanceof ReportInputError) throw new UserFacingError(err.message, 'not_found');
      throw err;
    }
  };
  return {
    create: async ({ snapshotId, compareTo, lang, paper, sections, format }) => {
      const model = modelFor(snapshotId, compareTo, lang);
      const options = { lang, paper, ...(sections ? { sections } : {}) };
      if (format === 'pdf' && !deps.printer)
        throw new UserFacingError('PDF printing is not available in this host; save the report as HTML instead.');
      const target = await deps.files.chooseSaveTarget(
        format === 'pdf' ? 'report-pdf' : 'report-html',
        `patch-audit-report-${snapshotId}-${lang}.${format}`,
      );
      if (!target) return { saved: false };
      const body = format === 'pdf' ? await renderReportPdf(model, deps.printer!, options) : renderReportHtml(model, options);
      writePrivateFile(target.path, body);
      return { saved: true, ...target.done() };
    },
    exportJson: async ({ snapshotId }) => {
      if (!deps.store.getSnapshot(snapshotId)) throw new UserFacingError(`Snapshot ${snapshotId} does not exist.`, 'not_found');
      const target = await deps.files.chooseSaveTarget('json', `patch-audit-snapshot-${snapshotId}.json`);
      if (!target) return { saved: false };
      writePrivateFile(target.path, exportJson(deps.store, snapshotId));
      return { saved: true, ...target.done() };
    },
  };
}
