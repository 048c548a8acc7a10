/**
 * What can go wrong with the database file itself (issue 28): damaged, from a newer version,
 * read-only, or on a full disk. Each is a UserFacingError whose message names the file and what
 * to do, so every host shows it as is. A SQLite or zlib error never reaches a host raw: its
 * message can quote stored bytes (a JSON.parse SyntaxError quotes the client's node facts).
 */
import { UserFacingError } from '../errors';

export type DatabaseFault = 'damaged' | 'too_new' | 'read_only' | 'full';

export class DatabaseError extends UserFacingError {
  override name = 'DatabaseError';
  constructor(
    message: string,
    readonly fault: DatabaseFault,
  ) {
    super(message);
  }
}

/** A snapshot whose stored rows exist but do not decode: named, so the others stay usable. */
export class SnapshotDamagedError extends DatabaseError {
  override name = 'SnapshotDamagedError';
  constructor(readonly snapshotId: number) {
    super(
      `Snapshot ${snapshotId} is damaged in the database: its stored nodes cannot be read, so it cannot be shown, reported or exported. Restore the database from a backup, or import the snapshot again from an export.`,
      'damaged',
    );
  }
}

export const damagedMessage = (path: string): string =>
  `The database ${path} is damaged and was not read. Restore it from a backup, or import your snapshots again from their exports.`;

export const fullMessage = (path: string): string =>
  `The disk holding the database ${path} is full: nothing can be saved there. Free some space and try again.`;

const readOnlyMessage = (path: string): string =>
  `The database ${path} is read-only: its snapshots can be listed, shown, reported and exported, but nothing can be changed or saved there.`;

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_SHORT_READ', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);
const FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

const codeOf = (err: unknown): string | undefined => {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** The fault behind a SQLite or file-system error, or undefined when it is none of the above. */
export function databaseFaultOf(err: unknown): DatabaseFault | undefined {
  const code = codeOf(err);
  if (code === undefined) return undefined;
  if (FULL_ERRNO.has(code)) return 'full';
  if (DAMAGED.has(code) || code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
  return undefined;
}

/** `err` as the DatabaseError a user can act on, when it is one of the faults above; otherwise `err` itself. */
export function asDatabaseError(err: unknown, path: string): unknown {
  if (err instanceof DatabaseError) return err;
  switch (databaseFaultOf(err)) {
    case 'full':
      return new DatabaseError(fullMessage(path), 'full');
    case 'damaged':
      return new DatabaseError(damagedMessage(path), 'damaged');
    case 'read_only':
      return new DatabaseError(readOnlyMessage(path), 'read_only');
    default:
      return err;
  }
}
