import type { Database } from 'better-sqlite3';

export interface Annotation {
  label?: string;
  client?: string;
  engagement?: string;
}

/**
 * Renames or annotates a snapshot (who it was for, which engagement). A field left out stays as
 * it is; an empty or blank string clears it. Returns whether the snapshot exists.
 */
export function annotateSnapshot(db: Database, id: number, annotation: Annotation): boolean {
  const columns = (['label', 'client', 'engagement'] as const).filter((key) => annotation[key] !== undefined);
  if (!db.prepare('SELECT 1 FROM snapshot WHERE id = ?').get(id)) return false;
  if (!columns.length) return true;
  const values = columns.map((key) => annotation[key]!.trim() || null);
  db.prepare(`UPDATE snapshot SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
  return true;
}
