/**
 * Finding a snapshot of this database by its content hash (contentHash.ts): what import skips as
 * already present, and the re-evaluation that already exists.
 */
import type { SnapshotInput } from '../../../shared/model';
import { contentHashOf } from './contentHash';
import { databaseOf } from './handle';
import type { Store } from './openStore';

/** Content hashes of stored snapshots, each computed once; a derived snapshot's takes its source's. */
export class StoredContentHashes {
  private readonly byId = new Map<number, string>();

  constructor(private readonly store: Store) {}

  of(id: number): string {
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    const { meta, input } = this.store.loadSnapshotInput(id);
    const hash = contentHashOf(input, this.sourceOf(meta.derivedFrom));
    this.byId.set(id, hash);
    return hash;
  }

  /**
   * The hash a snapshot derived from `source` takes. A source deleted since is no derivation: an
   * export of its derived snapshot cannot hold it, so that snapshot imports underived.
   */
  sourceOf(source: number | undefined): string | undefined {
    if (source === undefined || this.store.missingSnapshots([source]).length > 0) return undefined;
    return this.of(source);
  }

  remember(id: number, hash: string): void {
    this.byId.set(id, hash);
  }
}

/**
 * Finds a snapshot with the same content: among those saved by this import, then among the
 * database's snapshots with the same times, status, edition, threshold and node count (all in
 * the hash; an index-free filter that leaves only real candidates to load and hash).
 */
export class SameContentFinder {
  private readonly byHash = new Map<string, number>();
  private readonly hashed = new Set<number>();
  private readonly stored: StoredContentHashes;

  constructor(private readonly store: Store) {
    this.stored = new StoredContentHashes(store);
  }

  find(input: SnapshotInput, hash: string): number | undefined {
    const known = this.byHash.get(hash);
    if (known !== undefined) return known;
    for (const id of this.candidates(input)) {
      if (this.hashed.has(id)) continue;
      this.hashed.add(id);
      const candidate = this.stored.of(id);
      if (!this.byHash.has(candidate)) this.byHash.set(candidate, id);
      if (candidate === hash) return id;
    }
    return undefined;
  }

  remember(id: number, hash: string): void {
    this.hashed.add(id);
    this.stored.remember(id, hash);
    this.byHash.set(hash, id);
  }

  private candidates(input: SnapshotInput): number[] {
    return databaseOf(this.store)
      .prepare<[string, string, string, string, number, number], { id: number }>(
        `SELECT id FROM snapshot WHERE started_at = ? AND finished_at = ? AND status = ? AND catalog_edition = ?
           AND scan_age_days = ? AND node_count = ? ORDER BY id`,
      )
      .all(input.startedAt, input.finishedAt, input.status, input.catalogEdition, input.scanAgeDays, input.nodes.length)
      .map((r) => r.id);
  }
}
