/**
 * The snapshots of the local database as use cases: list, read, annotate, delete, save,
 * re-evaluate offline, import and export. Every host (desktop, web, CLI) goes through here, so a
 * change event is emitted by exactly one place and import de-duplication exists once.
 */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import type { NodeFilters, RuleSummaryRow, ScopeSummaryRow, SnapshotDetail, SnapshotMeta } from '../store';
import { requireCatalog, SnapshotMissingError, SnapshotSpilledError, UserFacingError } from '../errors';
import { SNAPSHOT_EXTENSION } from '../paths';
import type { HostFiles } from '../files';
import { saveThrough, type SaveAnswer } from './saveThrough';
import { validInput } from './validate';
import type { EventBus } from '../events';
import {
  asDatabaseError,
  DatabaseError,
  ExportTooLargeError,
  ExportUnimportableError,
  fullMessage,
  ImportError,
  exportSnapshots,
  importArchive,
  readArchiveHeader,
  reevaluate,
  spillSnapshot,
  type Annotation,
  type ImportResult,
  type RetentionPolicy,
  type SnapshotToSave,
  type Store,
} from '../store';

export interface EvaluationDefaults {
  catalogEdition: string;
  scanAgeDays: number;
}

export interface ReevaluateRequest {
  catalogEdition?: string;
  scanAgeDays?: number;
  /** Scan age measured from this moment; by default the source audit's end. */
  now?: Date;
}

export interface ImportOutcome {
  /** Snapshots added by this import, each once. */
  imported: number[];
  /** Snapshots the file held that were already here (this database's ids), skipped. */
  alreadyPresent: number[];
  /** Snapshots added by this import that the file held more than once: the other copies were skipped. */
  repeatedInFile: number[];
}

export class SnapshotService {
  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
    private readonly defaults: () => EvaluationDefaults,
  ) {}

  list(): SnapshotMeta[] {
    return this.store.listSnapshots();
  }

  get(id: number): SnapshotDetail {
    return this.store.getSnapshot(id) ?? this.#missing(id);
  }

  meta(id: number): SnapshotMeta {
    return this.store.listSnapshots().find((s) => s.id === id) ?? this.#missing(id);
  }

  /** Throws SnapshotMissingError unless every id exists; asked before every node page, so by key only. */
  requireExisting(...ids: number[]): void {
    const [missing] = this.store.missingSnapshots(ids);
    if (missing !== undefined) this.#missing(missing);
  }

  /**
   * Saves a snapshot. When the disk is full, it is kept as an export file instead (beside the
   * database, else in the OS temp folder, which is often on another disk) and
   * SnapshotSpilledError says where; a DatabaseError 'full' only when no place took it.
   */
  save(input: SnapshotToSave): number {
    let id: number;
    try {
      id = this.store.saveSnapshot(input);
    } catch (err) {
      if (err instanceof DatabaseError && err.fault === 'full') throw this.#spill(input);
      throw err;
    }
    this.events.emit('snapshots:changed', { reason: 'saved', ids: [id] });
    return id;
  }

  #spill(input: SnapshotToSave): Error {
    const name = `patch-audit-unsaved-${input.startedAt.replace(/[^0-9A-Za-z]/g, '-')}${SNAPSHOT_EXTENSION}`;
    const folders = this.store.path === ':memory:' ? [tmpdir()] : [dirname(this.store.path), tmpdir()];
    const kept = spillSnapshot(
      input,
      folders.map((folder) => join(folder, name)),
    );
    if (kept) return new SnapshotSpilledError(kept, this.store.path);
    return new DatabaseError(
      `${fullMessage(this.store.path)} The audit could not be kept in a file either (${folders.join(', ')}: no room), so it is lost.`,
      'full',
    );
  }

  annotate(id: number, annotation: Annotation): SnapshotMeta {
    if (!this.store.annotateSnapshot(id, annotation)) this.#missing(id);
    this.events.emit('snapshots:changed', { reason: 'annotated', ids: [id] });
    return this.meta(id);
  }

  delete(id: number): boolean {
    const deleted = this.store.deleteSnapshot(id);
    if (deleted) this.events.emit('snapshots:changed', { reason: 'deleted', ids: [id] });
    return deleted;
  }

  /** Deletes every snapshot listed, or none when one of them does not exist. */
  deleteAll(ids: readonly number[]): void {
    this.requireExisting(...ids);
    for (const id of ids) this.delete(id);
  }

  /** Applies a retention policy; returns the ids deleted. Throws RangeError for a policy out of range. */
  prune(policy: RetentionPolicy): number[] {
    const deleted = this.store.applyRetention(policy);
    if (deleted.length) this.events.emit('snapshots:changed', { reason: 'deleted', ids: deleted });
    return deleted;
  }

  /**
   * A new snapshot derived from `id`, judged again from its stored facts (no AWS call); or the
   * re-evaluation of `id` already saved with the same result (store `reevaluate`).
   */
  reevaluate(id: number, request: ReevaluateRequest = {}): SnapshotMeta {
    const { catalogEdition, scanAgeDays: wanted } = validInput('snapshots:reevaluate', {
      id,
      catalogEdition: request.catalogEdition,
      scanAgeDays: request.scanAgeDays,
    });
    const source = this.get(id);
    const before = new Set(this.store.listSnapshots().map((s) => s.id));
    const catalog = requireCatalog(catalogEdition ?? this.defaults().catalogEdition);
    const scanAgeDays = wanted ?? source.scanAgeDays;
    const derived = reevaluate(
      this.store,
      id,
      { catalogEdition: catalog.id, scanAgeDays, normalize: platformOf, ...(request.now ? { now: request.now } : {}) },
      (facts, opts) => evaluateNode(facts, { catalog, now: opts.now, scanAgeDays: opts.scanAgeDays }),
    );
    if (!before.has(derived)) this.events.emit('snapshots:changed', { reason: 'saved', ids: [derived] });
    return this.meta(derived);
  }

  summary(id: number, filters: NodeFilters = {}): { rules: RuleSummaryRow[]; scopes: ScopeSummaryRow[] } {
    this.requireExisting(id);
    return { rules: this.store.ruleSummary(id, filters), scopes: this.store.scopeSummary(id) };
  }

  exportTo(ids: readonly number[], file: string): void {
    this.requireExisting(...ids);
    try {
      exportSnapshots(this.store, ids, file);
    } catch (err) {
      if (err instanceof ExportTooLargeError || err instanceof ExportUnimportableError) throw new UserFacingError(err.message);
      throw err;
    }
  }

  /** The snapshots as one export file where the user chose; checked before the host asks. */
  async exportThrough(ids: readonly number[], files: HostFiles): Promise<SaveAnswer<object>> {
    this.requireExisting(...ids);
    const name = ids.length === 1 ? `snapshot-${ids[0]}${SNAPSHOT_EXTENSION}` : `snapshots-${ids.length}${SNAPSHOT_EXTENSION}`;
    return saveThrough(files, 'snapshot-export', name, (path) => {
      this.exportTo(ids, path);
      return {};
    });
  }

  /** The file the user opened (desktop) or uploaded (web host, `uploadId`). */
  async importThrough(uploadId: string | undefined, files: HostFiles): Promise<ImportOutcome & { cancelled: boolean }> {
    const file = await files.chooseImportFile(uploadId);
    if (!file) return { imported: [], alreadyPresent: [], repeatedInFile: [], cancelled: true };
    return { ...(await this.importFile(file)), cancelled: false };
  }

  /** What a file holds, from its header alone (a few kilobytes inflated): asked before importing a file the OS opened. */
  async describeFile(file: string): Promise<{ snapshots: number }> {
    try {
      return { snapshots: (await readArchiveHeader(file)).snapshots };
    } catch (err) {
      if (err instanceof ImportError) throw new UserFacingError(`The file was not imported: ${err.message}`);
      throw err;
    }
  }

  /**
   * All or nothing; a snapshot whose content is already here (importing the same file twice, a
   * colleague's copy of our own audit) or earlier in the same file is skipped and named.
   */
  async importFile(file: string): Promise<ImportOutcome> {
    let result: ImportResult;
    try {
      result = await importArchive(this.store, file, { skipDuplicates: true });
    } catch (err) {
      if (err instanceof ImportError) throw new UserFacingError(`The file was not imported: ${err.message}`);
      throw asDatabaseError(err, this.store.path);
    }
    if (result.added.length) this.events.emit('snapshots:changed', { reason: 'imported', ids: result.added });
    return { imported: result.added, alreadyPresent: result.alreadyPresent, repeatedInFile: result.repeatedInFile };
  }

  #missing(id: number): never {
    throw new SnapshotMissingError(id);
  }
}
