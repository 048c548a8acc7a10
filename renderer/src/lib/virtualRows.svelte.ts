/**
 * TanStack Virtual's core behind Svelte 5 runes. `@tanstack/svelte-virtual` wraps the same core
 * in a Svelte 4 store that reads the scroll element once, when the store is first subscribed:
 * under Svelte 5 that is before `bind:this` has run, so the list stays empty until something
 * calls `_willUpdate()` by hand (TanStack/virtual#866). This wrapper re-applies the options in
 * an effect, after the element is bound, and counts changes in a rune so templates follow.
 * The core is imported through `@tanstack/svelte-virtual`, which re-exports it.
 */
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/svelte-virtual';
import { untrack } from 'svelte';

export interface RowVirtualizerOptions {
  count: number;
  scrollElement: HTMLElement | undefined;
  rowHeight: number;
  overscan?: number;
}

export interface VirtualRow {
  index: number;
  start: number;
  key: number | string | bigint;
}

export interface RowVirtualizer {
  readonly rows: VirtualRow[];
  readonly totalSize: number;
  scrollToIndex(index: number): void;
}

/** Call during component initialisation: it owns effects that follow `options()`. */
export function createRowVirtualizer(options: () => RowVirtualizerOptions): RowVirtualizer {
  let changes = $state(0);
  const bump = () => untrack(() => changes++);
  const virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
    count: 0,
    getScrollElement: () => null,
    estimateSize: () => 32,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: bump,
  });

  $effect(() => virtualizer._didMount());
  $effect(() => {
    const { count, scrollElement, rowHeight, overscan = 8 } = options();
    virtualizer.setOptions({
      ...virtualizer.options,
      count,
      getScrollElement: () => scrollElement ?? null,
      estimateSize: () => rowHeight,
      overscan,
    });
    virtualizer._willUpdate();
    bump();
  });

  return {
    get rows() {
      void changes;
      return virtualizer.getVirtualItems();
    },
    get totalSize() {
      void changes;
      return virtualizer.getTotalSize();
    },
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
