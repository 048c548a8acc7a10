/**
 * The node table's rows, fetched from the core in pages as the user scrolls: the store filters,
 * sorts and pages in SQL, so the renderer holds a few thousand rows however large the snapshot.
 */
import { untrack } from 'svelte';
import type { MethodInput } from '../../../shared/contract';
import type { NodeRow } from '../../../shared/history';
import { auditor } from './bridge';
import { errorText } from './format';

export type NodeListQuery = Omit<MethodInput<'nodes:query'>['query'], 'offset' | 'limit'>;

export const PAGE_SIZE = 200;
/** Pages kept in memory; the farthest from the last one read are dropped first. */
const KEEP_PAGES = 40;

export class NodePages {
  /** null until the first page of the current query has arrived. */
  total = $state<number | null>(null);
  error = $state<string | null>(null);
  #version = $state(0);
  // Plain collections on purpose: rows are published through #version, and ensure() runs inside
  // effects, where tracked collections would re-run the effect on every page it requests.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pages = new Map<number, NodeRow[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Set<number>();
  #generation = 0;
  #snapshotId = 0;
  #query: NodeListQuery = {};

  /**
   * Starts over for a new snapshot or query; answers of the previous one are dropped. Called from
   * effects, so it must not subscribe its caller to the state it resets.
   */
  reset(snapshotId: number, query: NodeListQuery): Promise<void> {
    return untrack(() => this.#restart(snapshotId, query));
  }

  #restart(snapshotId: number, query: NodeListQuery): Promise<void> {
    this.#generation++;
    this.#snapshotId = snapshotId;
    this.#query = query;
    this.#pages.clear();
    this.#pending.clear();
    this.total = null;
    this.error = null;
    this.#version++;
    return this.#load(0);
  }

  row(index: number): NodeRow | undefined {
    void this.#version;
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Makes sure rows `first`…`last` are loaded or on their way. */
  ensure(first: number, last: number): void {
    const total = untrack(() => this.total);
    if (total === null) return;
    const end = Math.min(last, total - 1);
    for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
      if (!this.#pages.has(page) && !this.#pending.has(page)) void this.#load(page);
    }
  }

  async #load(page: number): Promise<void> {
    const generation = this.#generation;
    this.#pending.add(page);
    try {
      const answer = await auditor.nodes.query({
        snapshotId: this.#snapshotId,
        query: { ...this.#query, offset: page * PAGE_SIZE, limit: PAGE_SIZE },
      });
      if (generation !== this.#generation) return;
      this.#pages.set(page, answer.rows);
      this.#evict(page);
      this.total = answer.total;
      this.#version++;
    } catch (err) {
      if (generation === this.#generation) this.error = errorText(err);
    } finally {
      if (generation === this.#generation) this.#pending.delete(page);
    }
  }

  #evict(near: number): void {
    if (this.#pages.size <= KEEP_PAGES) return;
    const farthest = [...this.#pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const page of farthest.slice(0, this.#pages.size - KEEP_PAGES)) this.#pages.delete(page);
  }
}
