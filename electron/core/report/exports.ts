/**
 * CSV and JSON exports of a snapshot's nodes and checks (DESIGN §8). CSV is for Excel: UTF-8
 * with BOM, RFC 4180, headers and statuses in the reader's language, rule ids kept as the
 * stable column keys. JSON is for programs: ids only, messages in both languages.
 */
import { messageFor, remediationFor, ruleTitle } from '../../../shared/messages';
import { RULE_IDS, type Lang } from '../../../shared/model';
import { platformLabel } from '../../../shared/platform';
import type { NodeFilters, Store } from '../store';
import { toCsv, type CsvValue } from './csv';
import { STATUS_LABELS } from './labels';
import { ReportInputError } from './reportModel';

export type CsvKind = 'nodes' | 'checks';

export interface CsvExportOptions {
  lang: Lang;
  filters?: NodeFilters;
  /** One row per node with a status column per rule (default), or one row per node × rule with its message. */
  kind?: CsvKind;
}

const NODE_HEADERS: Record<Lang, readonly string[]> = {
  en: [
    'Account',
    'Region',
    'Instance id',
    'Name',
    'IP address',
    'Platform',
    'Platform name',
    'Platform version',
    'SSM Agent',
    'Ping status',
    'Missing critical',
    'Missing security',
    'Failed checks',
  ],
  ja: [
    'アカウント',
    'リージョン',
    'インスタンス ID',
    '名前',
    'IP アドレス',
    'プラットフォーム',
    'プラットフォーム名',
    'プラットフォームのバージョン',
    'SSM Agent',
    '接続状態',
    '重要パッチ未適用',
    'セキュリティパッチ未適用',
    '不合格のチェック数',
  ],
};

const CHECK_HEADERS: Record<Lang, readonly string[]> = {
  en: ['Account', 'Region', 'Instance id', 'Name', 'Rule id', 'Rule', 'Status', 'Message', 'Remediation', 'Code'],
  ja: ['アカウント', 'リージョン', 'インスタンス ID', '名前', 'ルール ID', 'ルール', '状態', 'メッセージ', '対処方法', 'コード'],
};

function requireSnapshot(store: Store, snapshotId: number) {
  const snapshot = store.getSnapshot(snapshotId);
  if (!snapshot) throw new ReportInputError(`snapshot ${snapshotId} does not exist`);
  return snapshot;
}

export function exportCsv(store: Store, snapshotId: number, options: CsvExportOptions): string {
  requireSnapshot(store, snapshotId);
  const { lang } = options;
  const status = STATUS_LABELS[lang];
  const nodes = store.nodesWithChecks(snapshotId, options.filters);
  if ((options.kind ?? 'nodes') === 'checks') {
    const rows = function* (): Generator<CsvValue[]> {
      for (const { row, checks } of nodes) {
        for (const check of checks) {
          yield [
            row.accountId,
            row.region,
            row.instanceId,
            row.name,
            check.rule,
            ruleTitle(check.rule, lang),
            status[check.status],
            messageFor(check, lang),
            remediationFor(check, lang),
            check.code,
          ];
        }
      }
    };
    return toCsv(CHECK_HEADERS[lang], rows());
  }
  const rows = function* (): Generator<CsvValue[]> {
    for (const { row, facts } of nodes) {
      yield [
        row.accountId,
        row.region,
        row.instanceId,
        row.name,
        row.ipAddress,
        row.platform ? platformLabel(row.platform) : null,
        facts.platformName,
        facts.platformVersion,
        row.agentVersion,
        row.pingStatus,
        // No patch state read for the node: its missing counts are unknown, not an empty 0.
        row.missingCritical ?? status.unknown,
        row.missingSecurity ?? status.unknown,
        row.failures,
        ...RULE_IDS.map((rule) => {
          const s = row.statuses[rule];
          return s ? status[s] : null;
        }),
      ];
    }
  };
  return toCsv([...NODE_HEADERS[lang], ...RULE_IDS], rows());
}

export interface JsonExportOptions {
  filters?: NodeFilters;
}

/** One JSON document: the snapshot, its scopes, and every node with its facts and checks. */
export function exportJson(store: Store, snapshotId: number, options: JsonExportOptions = {}): string {
  const snapshot = requireSnapshot(store, snapshotId);
  const nodes = [...store.nodesWithChecks(snapshotId, options.filters)].map(({ row, facts, checks }) => ({
    accountId: row.accountId,
    region: row.region,
    instanceId: row.instanceId,
    name: row.name,
    platform: row.platform,
    facts,
    checks: checks.map((check) => {
      const fix = { en: remediationFor(check, 'en'), ja: remediationFor(check, 'ja') };
      return {
        ...check,
        message: { en: messageFor(check, 'en'), ja: messageFor(check, 'ja') },
        ...(fix.en !== undefined && fix.ja !== undefined ? { remediation: fix } : {}),
      };
    }),
  }));
  const { scopes, ...meta } = snapshot;
  return `${JSON.stringify({ format: 'patch-auditor-export', version: 1, snapshot: meta, scopes, rules: RULE_IDS, nodes }, null, 2)}\n`;
}
