/**
 * The node table as a CSV file: the rows of the current filters and sort, the columns the user
 * shows, headers and statuses in the user's language. Rows are read from the store a page at a
 * time and appended to the file, so a 50,000-node export never holds every row in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { z } from 'zod';
import type { NodeQuery, NodeRow, NodeSortKey } from '../../../shared/history';
import { ruleTitle } from '../../../shared/messages';
import type { Lang, RuleId } from '../../../shared/model';
import { RULE_IDS } from '../../../shared/model';
import { platformLabel } from '../../../shared/platform';
import { csvRow, UTF8_BOM, type CsvValue } from '../report/csv';
import { STATUS_LABELS } from '../report/labels';
import { MAX_PAGE, type Store } from '../store';

export type NodeColumn = z.infer<typeof NodeSortKey>;
type InfoColumn = Exclude<NodeColumn, RuleId>;
export type NodeCsvFilters = Omit<z.input<typeof NodeQuery>, 'offset' | 'limit'>;

const HEADERS: Record<Lang, Record<InfoColumn, string>> = {
  en: {
    instanceId: 'Instance ID',
    name: 'Name',
    accountId: 'Account',
    region: 'Region',
    ipAddress: 'IP address',
    platform: 'Platform',
    agentVersion: 'SSM Agent',
    pingStatus: 'Ping status',
    failures: 'Failed checks',
    missingCritical: 'Missing critical patches',
    missingSecurity: 'Missing security patches',
  },
  ja: {
    instanceId: 'インスタンス ID',
    name: '名前',
    accountId: 'アカウント',
    region: 'リージョン',
    ipAddress: 'IP アドレス',
    platform: 'プラットフォーム',
    agentVersion: 'SSM Agent',
    pingStatus: '接続状態',
    failures: '不合格のチェック数',
    missingCritical: '未適用の重要パッチ',
    missingSecurity: '未適用のセキュリティパッチ',
  },
};

const isRule = (column: NodeColumn): column is RuleId => (RULE_IDS as readonly string[]).includes(column);

export function nodeCsvHeader(columns: readonly NodeColumn[], lang: Lang): string[] {
  return columns.map((c) => (isRule(c) ? `${ruleTitle(c, lang)} (${c})` : HEADERS[lang][c]));
}

export function nodeCsvValues(row: NodeRow, columns: readonly NodeColumn[], lang: Lang): CsvValue[] {
  return columns.map((c): CsvValue => {
    if (isRule(c)) {
      const status = row.statuses[c];
      return status ? STATUS_LABELS[lang][status] : '';
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
