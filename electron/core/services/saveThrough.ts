/** The host's save dialog (desktop) or download slot (web host) around one write. */
import type { HostFiles, SavedFile, SaveKind } from '../files';

export type SaveAnswer<T extends object> = { saved: false } | ({ saved: true } & T & SavedFile);

/** Asks the host where to save, writes there, and says what the user is told; nothing is written when they cancel. */
export async function saveThrough<T extends object>(
  files: HostFiles,
  kind: SaveKind,
  name: string,
  write: (path: string) => T | Promise<T>,
): Promise<SaveAnswer<T>> {
  const target = await files.chooseSaveTarget(kind, name);
  if (!target) return { saved: false };
  const written = await write(target.path);
  return { saved: true, ...written, ...(await target.done()) };
}
