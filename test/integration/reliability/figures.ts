/**
 * The reliability suites' figures on stdout: one `[reliability]` line per row, so a run's
 * log can be grepped for them (`npx vitest run test/integration/reliability | grep '\[reliability\]'`).
 */
export function printTable(title: string, rows: readonly Record<string, string | number | boolean>[]): void {
  console.log(`[reliability] ${title}`);
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `[reliability]   ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')}`;
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}
