/**
 * The columns of a node list and their wording, once: the renderer's node table and column
 * picker, the report's node appendix and both CSV writers (the node table's export and the
 * snapshot export) name a column from here.
 */
import { ruleShortTitle, ruleTitle } from './messages';
import { RULE_IDS, type Lang, type LocalizedText, type RuleId } from './model';

/** The node table's information columns, in display order; each is also a sort key. */
export const NODE_INFO_COLUMNS = [
  'instanceId',
  'name',
  'accountId',
  'region',
  'ipAddress',
  'platform',
  'agentVersion',
  'pingStatus',
  'failures',
  'missingCritical',
  'missingSecurity',
] as const;
export type NodeInfoColumn = (typeof NODE_INFO_COLUMNS)[number];

/** The platform as SSM reported it, beside the normalized one: only the snapshot export has them. */
export const PLATFORM_DETAIL_COLUMNS = ['platformName', 'platformVersion'] as const;
export type PlatformDetailColumn = (typeof PLATFORM_DETAIL_COLUMNS)[number];

/** The node's missing and failed patches and their CVE ids (issue 19): only the snapshot export has them. */
export const PATCH_DETAIL_COLUMNS = ['missingPatchIds', 'missingCveIds'] as const;
export type PatchDetailColumn = (typeof PATCH_DETAIL_COLUMNS)[number];

export type NodeColumnKey = NodeInfoColumn | PlatformDetailColumn | PatchDetailColumn | RuleId;

interface ColumnWords {
  /** CSV headers and tooltips. */
  title: LocalizedText;
  /** Table headers, where the column is narrow. */
  short: LocalizedText;
}

const same = (text: LocalizedText): ColumnWords => ({ title: text, short: text });

const COLUMN_WORDS: Record<Exclude<NodeColumnKey, RuleId>, ColumnWords> = {
  instanceId: same({ en: 'Instance ID', ja: 'インスタンス ID' }),
  name: same({ en: 'Name', ja: '名前' }),
  accountId: same({ en: 'Account', ja: 'アカウント' }),
  region: same({ en: 'Region', ja: 'リージョン' }),
  ipAddress: same({ en: 'IP address', ja: 'IP アドレス' }),
  platform: same({ en: 'Platform', ja: 'プラットフォーム' }),
  platformName: same({ en: 'Platform name', ja: 'プラットフォーム名' }),
  platformVersion: same({ en: 'Platform version', ja: 'プラットフォームのバージョン' }),
  agentVersion: same({ en: 'SSM Agent', ja: 'SSM Agent' }),
  pingStatus: { title: { en: 'Ping status', ja: '接続状態' }, short: { en: 'Ping', ja: '接続状態' } },
  failures: { title: { en: 'Failed checks', ja: '不合格のチェック数' }, short: { en: 'Failed', ja: '不合格数' } },
  missingCritical: { title: { en: 'Missing critical patches', ja: '未適用の重要パッチ' }, short: { en: 'Critical', ja: '重要' } },
  missingSecurity: {
    title: { en: 'Missing security patches', ja: '未適用のセキュリティパッチ' },
    short: { en: 'Security', ja: 'セキュリティ' },
  },
  missingPatchIds: same({ en: 'Missing and failed patches (KB / package)', ja: '未適用・失敗のパッチ (KB / パッケージ)' }),
  missingCveIds: same({ en: 'CVE ids of missing and failed patches', ja: '未適用・失敗のパッチの CVE ID' }),
};

export const isRuleColumn = (column: string): column is RuleId => (RULE_IDS as readonly string[]).includes(column);

/** A CSV header: a rule column keeps its stable id beside its title, so scripts find it in either language. */
export function columnTitle(column: NodeColumnKey, lang: Lang): string {
  return isRuleColumn(column) ? `${ruleTitle(column, lang)} (${column})` : COLUMN_WORDS[column].title[lang];
}

export function columnShortTitle(column: NodeColumnKey, lang: Lang): string {
  return isRuleColumn(column) ? ruleShortTitle(column, lang) : COLUMN_WORDS[column].short[lang];
}
