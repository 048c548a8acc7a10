/**
 * The snapshots every page works on: the list (kept fresh by `snapshots:changed`) and the one
 * selected, which defaults to the newest.
 */
import type { SnapshotMeta } from '../../../shared/history';
import { auditor } from './bridge';

let list = $state<SnapshotMeta[]>([]);
let selectedId = $state<number | null>(null);
let loaded = $state(false);
let error = $state<string | null>(null);

async function refresh(): Promise<void> {
  try {
    list = await auditor.snapshots.list();
    error = null;
    if (selectedId === null || !list.some((s) => s.id === selectedId)) selectedId = newest(list)?.id ?? null;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  } finally {
    loaded = true;
  }
}

const newest = (items: SnapshotMeta[]) => [...items].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id)[0];

let started = false;
/** Loads once and follows changes; safe to call from every page. */
export function useSnapshots(): void {
  if (started) return;
  started = true;
  void refresh();
  auditor.snapshots.onChanged((change) => {
    if (change.reason === 'saved' || change.reason === 'imported') selectedId = change.ids.at(-1) ?? selectedId;
    void refresh();
  });
}

export const snapshots = {
  get list() {
    return list;
  },
  get loaded() {
    return loaded;
  },
  get error() {
    return error;
  },
  get selectedId() {
    return selectedId;
  },
  get selected(): SnapshotMeta | null {
    return list.find((s) => s.id === selectedId) ?? null;
  },
  select(id: number) {
    selectedId = id;
  },
  refresh,
};
