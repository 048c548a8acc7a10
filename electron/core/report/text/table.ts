/**
 * The plain-text tables of the terminal-text report format. Every cell passes through `cell`,
 * the host's one-line escape (the CLI's `terminalValue`), before widths are measured, so a
 * client's string shows as what it is and still lines up.
 */

/** One value on one line, as the host shows it (a line feed in a node name must not fake a row). */
export type CellText = (text: string) => string;

/** A left-aligned text table; numbers right-aligned. */
export function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, cell: CellText): string {
  const cells = [head, ...rows].map((r) => r.map((c) => cell(String(c))));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[], raw: ReadonlyArray<string | number>) =>
    r
      .map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? [], head), ...rows.map((r, i) => line(cells[i + 1] ?? [], r))].join('\n');
}

/** Tables and lines as blocks separated by one empty line; empty blocks left out. */
export const blocks = (...parts: ReadonlyArray<string | false>): string => parts.filter(Boolean).join('\n\n');

/** A figure, or "unknown" when its source could not be read for any node (never a 0 that was not seen). */
export const pct = (value: number | null): string => (value === null ? 'unknown' : `${value.toFixed(1)}%`);
export const countOrUnknown = (value: number | null): number | string => value ?? 'unknown';
/** Over how many nodes the patch figures were computed: `80/100` when 20 nodes' state could not be read. */
export const patchBasis = (a: { patchRead: number; nodes: number }): string => `${a.patchRead}/${a.nodes}`;
