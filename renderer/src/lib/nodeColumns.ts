/**
 * The node table's columns: the information columns and one per rule, their widths, which are
 * shown by default, and the user's choice remembered in localStorage.
 */
import type { NodeRow } from '../../../shared/history';
import { RULE_IDS, type RuleId } from '../../../shared/model';
import { isRuleColumn, NODE_INFO_COLUMNS, type NodeInfoColumn } from '../../../shared/nodeColumns';
import { visibleText } from '../../../shared/userText';

export const INFO_COLUMNS = NODE_INFO_COLUMNS;
export type InfoColumn = NodeInfoColumn;
export type NodeColumn = InfoColumn | RuleId;

export const ALL_COLUMNS: readonly NodeColumn[] = [...INFO_COLUMNS, ...RULE_IDS];

const WIDTHS: Record<InfoColumn, string> = {
  instanceId: '10.5rem',
  name: '9rem',
  accountId: '7.5rem',
  region: '7.5rem',
  ipAddress: '7.5rem',
  platform: '10rem',
  agentVersion: '7rem',
  pingStatus: '8rem',
  failures: '4.5rem',
  missingCritical: '4.5rem',
  missingSecurity: '5.5rem',
};
const RULE_WIDTH = '4.75rem';

export function columnWidth(column: NodeColumn): string {
  return isRuleColumn(column) ? RULE_WIDTH : WIDTHS[column];
}

/** Numbers read best right-aligned. */
export const NUMERIC_COLUMNS: ReadonlySet<NodeColumn> = new Set(['failures', 'missingCritical', 'missingSecurity']);

const HIDDEN_BY_DEFAULT: readonly NodeColumn[] = ['ipAddress', 'agentVersion', 'pingStatus', 'missingSecurity'];
export const DEFAULT_COLUMNS: readonly NodeColumn[] = ALL_COLUMNS.filter((c) => !HIDDEN_BY_DEFAULT.includes(c));

const STORAGE_KEY = 'patch-auditor.nodes.columns';

export function loadColumns(storage: Pick<Storage, 'getItem'> = localStorage): NodeColumn[] {
  try {
    const saved: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(saved)) {
      const valid = ALL_COLUMNS.filter((c) => saved.includes(c));
      if (valid.length > 0) return valid;
    }
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(columns: readonly NodeColumn[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(columns));
}

export function infoValue(row: NodeRow, column: Exclude<InfoColumn, 'platform'>): string {
  const value = row[column];
  // Names, tags and platform strings come from the client's accounts: what is invisible is shown.
  return value === null ? '' : visibleText(String(value));
}
