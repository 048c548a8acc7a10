/**
 * The node table as a CSV file: the rows of the current filters and sort, the columns the user
 * shows, headers and statuses in the user's language, then the EC2 instances that are not managed
 * nodes (issue 30, `unmanagedRows.ts`: the filters that apply to them, the sort does not), every
 * row ending with whether it is managed and, if not, why (when the snapshot's EC2 instances were read). Rows are read from the store a page at a
 * time and appended to the file, so a 50,000-node export never holds every row in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { z } from 'zod';
import type { NodeQuery, NodeRow, NodeSortKey } from '../../../shared/history';
import type { UnmanagedRow } from '../../../shared/ec2Coverage';
import type { Lang } from '../../../shared/model';
import { columnTitle, isRuleColumn } from '../../../shared/nodeColumns';
import { platformLabel } from '../../../shared/platform';
import { statusWord } from '../../../shared/statuses';
import { csvRow, UTF8_BOM, type CsvValue } from './csv';
import { MAX_PAGE, type Store } from '../store';
import { coverageCsvHeader, hasCoverage, managedCsvValues, unmanagedCsvValues, unmanagedFiltersOf, unmanagedRows } from './unmanagedRows';

export type NodeColumn = z.infer<typeof NodeSortKey>;
export type NodeCsvFilters = Omit<z.input<typeof NodeQuery>, 'offset' | 'limit'>;

export function nodeCsvHeader(columns: readonly NodeColumn[], lang: Lang, coverage = false): string[] {
  return [...columns.map((c) => columnTitle(c, lang)), ...(coverage ? coverageCsvHeader(lang) : [])];
}

export function nodeCsvValues(row: NodeRow, columns: readonly NodeColumn[], lang: Lang): CsvValue[] {
  return columns.map((c): CsvValue => {
    if (isRuleColumn(c)) {
      const status = row.statuses[c];
      return status ? statusWord(status, lang) : '';
    }
    if (c === 'platform') return row.platform ? platformLabel(row.platform) : '';
    return row[c];
  });
}

/** An unmanaged instance in the node table's columns: its ids, Name tag and PlatformDetails; nothing in the columns of checks. */
export function unmanagedCsvCells(row: UnmanagedRow, columns: readonly NodeColumn[]): CsvValue[] {
  return columns.map((c): CsvValue => {
    if (c === 'accountId' || c === 'region' || c === 'instanceId' || c === 'name' || c === 'platform') return row[c];
    return null;
  });
}

/** Writes the CSV (BOM, CRLF, RFC 4180) to `path`; returns the number of data rows. */
export function writeNodesCsv(
  store: Store,
  snapshotId: number,
  filters: NodeCsvFilters,
  columns: readonly NodeColumn[],
  lang: Lang,
  path: string,
): number {
  const fd = openSync(path, 'w', 0o600);
  try {
    const coverage = hasCoverage(store, snapshotId);
    const managed = coverage ? managedCsvValues(lang) : [];
    writeSync(fd, UTF8_BOM + csvRow(nodeCsvHeader(columns, lang, coverage)));
    let written = 0;
    for (;;) {
      const page = store.queryNodes(snapshotId, { ...filters, offset: written, limit: MAX_PAGE });
      if (page.rows.length === 0) break;
      writeSync(fd, page.rows.map((row) => csvRow([...nodeCsvValues(row, columns, lang), ...managed])).join(''));
      written += page.rows.length;
      if (written >= page.total) break;
    }
    for (const row of unmanagedRows(store, snapshotId, coverage ? unmanagedFiltersOf(filters) : null)) {
      writeSync(fd, csvRow([...unmanagedCsvCells(row, columns), ...unmanagedCsvValues(row, lang)]));
      written += 1;
    }
    return written;
  } finally {
    closeSync(fd);
  }
}
