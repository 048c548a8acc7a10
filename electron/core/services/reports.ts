/**
 * The client's documents from a saved snapshot: the report (PDF through the host's printer, or
 * its HTML) and the CSV and JSON exports, each written as a private file where the host chose.
 */
import type { ReportRequest } from '../../../shared/contract';
import type { Lang } from '../../../shared/model';
import { UserFacingError } from '../errors';
import { writePrivateFile, type HostFiles } from '../files';
import {
  buildReportModel,
  exportCsv,
  exportJson,
  renderReportHtml,
  renderReportPdf,
  ReportInputError,
  type CsvKind,
  type Printer,
  type ReportModel,
} from '../report';
import type { Store } from '../store';
import type { SnapshotService } from './snapshots';
import { saveThrough, type SaveAnswer } from './saveThrough';
import { validInput } from './validate';

const NO_PRINTER = 'PDF printing is not available in this host; save the report as HTML instead.';

export type { ReportRequest };

export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly snapshots: SnapshotService,
    private readonly printer: Printer | undefined,
  ) {}

  get canPrint(): boolean {
    return this.printer !== undefined;
  }

  model({ snapshotId, lang, compareTo, appendix }: Pick<ReportRequest, 'snapshotId' | 'lang' | 'compareTo' | 'appendix'>): ReportModel {
    this.snapshots.requireExisting(snapshotId, ...(compareTo === undefined ? [] : [compareTo]));
    try {
      return buildReportModel(this.store, snapshotId, { lang, compareTo, appendix });
    } catch (err) {
      if (err instanceof ReportInputError) throw new UserFacingError(err.message);
      throw err;
    }
  }

  /** Checks the request before the host asks where to save, so a bad id never opens a dialog. */
  prepare(input: ReportRequest): ReportModel {
    const request = validInput('report:create', input);
    if (request.format === 'pdf' && !this.printer) throw new UserFacingError(NO_PRINTER);
    return this.model(request);
  }

  /** The report where the user chose: the request is checked before the host asks, so a bad id never opens a dialog. */
  async create(request: ReportRequest, files: HostFiles): Promise<SaveAnswer<object>> {
    const model = this.prepare(request);
    const name = `patch-audit-report-${request.snapshotId}-${request.lang}.${request.format}`;
    return saveThrough(files, request.format === 'pdf' ? 'report-pdf' : 'report-html', name, async (path) => {
      await this.write(model, request, path);
      return {};
    });
  }

  async exportJsonThrough(snapshotId: number, files: HostFiles): Promise<SaveAnswer<object>> {
    this.snapshots.requireExisting(snapshotId);
    return saveThrough(files, 'json', `patch-audit-snapshot-${snapshotId}.json`, (path) => {
      this.writeJson(snapshotId, path);
      return {};
    });
  }

  async write(model: ReportModel, request: ReportRequest, file: string): Promise<void> {
    const options = { lang: request.lang, paper: request.paper, ...(request.sections ? { sections: request.sections } : {}) };
    const body = request.format === 'pdf' ? await renderReportPdf(model, this.#printer(), options) : renderReportHtml(model, options);
    writePrivateFile(file, body);
  }

  writeJson(snapshotId: number, file: string): void {
    this.snapshots.requireExisting(snapshotId);
    writePrivateFile(file, exportJson(this.store, snapshotId));
  }

  writeCsv(snapshotId: number, options: { lang: Lang; kind: CsvKind }, file: string): void {
    this.snapshots.requireExisting(snapshotId);
    writePrivateFile(file, exportCsv(this.store, snapshotId, options));
  }

  #printer(): Printer {
    if (!this.printer) throw new UserFacingError(NO_PRINTER);
    return this.printer;
  }
}
