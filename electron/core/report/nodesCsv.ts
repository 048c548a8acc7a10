/**
 * The node table as a CSV file: the rows of the current filters and sort, the columns the user
 * shows, headers and statuses in the user's language. Rows are read from the store a page at a
 * time and appended to the file, so a 50,000-node export never holds every row in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { z } from 'zod';
import type { NodeQuery, NodeRow, NodeSortKey } from '../../../shared/history';
import type { Lang } from '../../../shared/model';
import { columnTitle, isRuleColumn } from '../../../shared/nodeColumns';
import { platformLabel } from '../../../shared/platform';
import { statusWord } from '../../../shared/statuses';
import { csvRow, UTF8_BOM, type CsvValue } from './csv';
import { MAX_PAGE, type Store } from '../store';

export type NodeColumn = z.infer<typeof NodeSortKey>;
export type NodeCsvFilters = Omit<z.input<typeof NodeQuery>, 'offset' | 'limit'>;

export function nodeCsvHeader(columns: readonly NodeColumn[], lang: Lang): string[] {
  return columns.map((c) => columnTitle(c, lang));
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
    writeSync(fd, UTF8_BOM + csvRow(nodeCsvHeader(columns, lang)));
    let written = 0;
    for (;;) {
      const page = store.queryNodes(snapshotId, { ...filters, offset: written, limit: MAX_PAGE });
      if (page.rows.length === 0) break;
      writeSync(fd, page.rows.map((row) => csvRow(nodeCsvValues(row, columns, lang))).join(''));
      written += page.rows.length;
      if (written >= page.total) break;
    }
    return written;
  } finally {
    closeSync(fd);
  }
}
