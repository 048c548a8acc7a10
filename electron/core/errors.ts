/**
 * Errors whose message is written for the user. Every host shows them as they are: the
 * dispatcher returns them as call errors, the CLI prints them and exits 2. Anything else is an
 * internal failure, logged by name only (its message may carry request details).
 */
import { editionList, getCatalog, type CatalogEdition } from '../../shared/catalog';

export type UserFacingCode = 'invalid_input' | 'not_found' | 'failed' | 'forbidden';

export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(
    message: string,
    readonly code: UserFacingCode = 'failed',
  ) {
    super(message);
  }
}

export class SnapshotMissingError extends UserFacingError {
  constructor(readonly id: number) {
    super(`Snapshot ${id} does not exist (it may have been deleted).`, 'not_found');
  }
}

/**
 * Issue 28: the disk was full when an audit was saved, and its snapshot was kept in an export
 * file instead; the message says where and how to add it once there is room.
 */
export class SnapshotSpilledError extends UserFacingError {
  override name = 'SnapshotSpilledError';
  constructor(
    readonly spillFile: string,
    databasePath: string,
  ) {
    super(
      `The disk holding the database ${databasePath} is full, so the audit could not be saved there. Nothing it collected is lost: it is kept in ${spillFile}. Free some space, then import that file (Import on the "Snapshots & reports" page, or patch-audit import "${spillFile}") to add the snapshot.`,
    );
  }
}

/** The one lookup of a catalog edition by id: an unknown id is a user error naming the ones that exist. */
export function requireCatalog(id: string): CatalogEdition {
  const catalog = getCatalog(id);
  if (!catalog) throw new UserFacingError(`Unknown catalog edition "${id}" (available: ${editionList('en')}).`, 'not_found');
  return catalog;
}
