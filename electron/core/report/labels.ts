/**
 * Every fixed text of the report and the exports, in both languages. Plain dictionaries (the
 * report has no plural rules i18next would earn its keep on); `satisfies` makes a key missing
 * in one language a type error. Check messages and rule titles come from shared/messages.ts,
 * status words and glyphs from shared/statuses.ts.
 */
import type { Lang } from '../../../shared/model';

const EN = {
  reportTitle: 'Patch Manager readiness and compliance report',
  client: 'Client',
  engagement: 'Engagement',
  auditDate: 'Audit date',
  reportDate: 'Report date',
  scope: 'Scope',
  scopeValue: '{accounts} accounts × {regions} regions ({scopes} scopes)',
  snapshot: 'Snapshot',
  notRecorded: 'not recorded',
  confidential: 'Confidential — prepared for the client named above',
  page: 'Page',

  toc: 'Contents',
  secSummary: 'Executive summary',
  secScope: 'Scope and gaps',
  secReadiness: 'Prerequisite readiness by rule',
  secCompliance: 'Patch compliance',
  secTrends: 'Trends',
  secComparison: 'Comparison with an earlier audit',
  secAreas: 'By account and region',
  secFindings: 'Top findings and remediation',
  secAppendix: 'Appendix: all managed nodes',
  secMethod: 'Method',

  kpiNodes: 'Managed nodes',
  kpiReady: 'Ready for Patch Manager',
  kpiCompliant: 'Patch compliant',
  kpiOnline: 'Online',
  kpiScopes: 'Scopes audited',
  ofNodes: 'of {total} nodes',

  verdictHeading: 'Verdict',
  verdictGood: 'Patching is in good shape.',
  verdictFair: 'Patching works for most nodes, but there are gaps to close.',
  verdictPoor: 'Patching is not under control: significant work is needed.',
  verdictCompliance:
    '{compliant} of the {reported} nodes that reported a patch state ({pct}) are patch compliant by AWS’s rule (nothing missing, failed, pending a reboot or installed though rejected); {notReported} of the {nodes} managed nodes reported no patch state.',
  notVerifiedCount: '{count} not verified',
  notReportedCount: '{count} not reported',
  ofReported: '{reported} nodes that reported a patch state',
  criticalPatchesCount: '{count} critical patches',
  verdictNotReady: '{count} nodes ({pct}) fail at least one Patch Manager prerequisite and cannot be patched reliably until it is fixed.',
  verdictAllReady: 'Every node meets the Patch Manager prerequisites that could be verified.',
  verdictCritical: '{count} nodes miss critical patches ({patches} critical patches in all; {security} nodes miss security patches).',
  verdictNoCritical: 'No node misses a critical patch.',
  verdictPartial: 'The audit is partial: {count} of {scopes} scopes could not be read, so the figures do not cover them.',
  verdictUnknown: '{count} nodes could not be fully verified (data not available); see the readiness section.',
  verdictTrend: 'Since {date}, compliance moved from {before} to {after}.',

  scopesFailedHeading: 'Scopes that could not be audited',
  scopesFailedNone: 'Every scope was audited.',
  gapsHeading: 'Data sources that were denied or failed',
  gapsNone: 'Every data source could be read.',
  gapsNote: 'Checks that need a missing source are reported as “unknown”, never as passed.',
  status: 'Status',
  reason: 'Reason',
  sources: 'Sources',
  scopeOk: 'audited',
  scopeFailed: 'failed',
  scopeCancelled: 'cancelled',
  scopeMissing: 'no scope record',
  scopeAccountLevelNote:
    'An account that could not be reached under “all regions” is counted as one scope: its enabled regions cannot be listed without reaching it.',

  rule: 'Rule',
  ruleId: 'Rule id',
  source: 'Source',
  examples: 'Examples',
  noExamples: 'No node fails this rule.',
  prerequisites: 'Prerequisites (seed rules P1–P7)',
  operational: 'Operational checks',
  readinessIntro:
    'Each managed node is checked against every rule. “Unknown” means the data needed was not available; it is never counted as a pass.',

  compliantNodes: 'Compliant nodes',
  nonCompliantNodes: 'Non-compliant nodes',
  notScanned: 'Never scanned',
  staleScans: 'Scan older than {days} days',
  pendingReboot: 'Waiting for a reboot',
  missingCritical: 'Missing critical patches',
  missingSecurity: 'Missing security patches',
  nodesWith: 'nodes',
  patchCountsTotal: 'patches in total',
  complianceIntro:
    'A node is compliant when its last patch scan reports no missing and no failed patches. Nodes never scanned count as not compliant.',

  chartReadiness: 'Ready for Patch Manager and patch compliant (% of nodes)',
  chartPrereq: 'Nodes failing a prerequisite, by rule',
  chartNodes: 'Managed nodes, ready nodes and non-compliant nodes',
  trendsSingle: 'Only one audit is recorded: trends appear from the second audit on.',
  trendTable: 'Audit history',
  chartPartial: 'Partial audit (scopes missing)',
  date: 'Date',
  nodes: 'Nodes',
  compliance: 'Compliance',

  baselineAsked: 'Baseline: {snapshot}, as chosen for this report.',
  baselineAutomatic: 'Baseline: {snapshot}, the latest earlier complete audit of the same accounts and regions.',
  baselineNone: 'No baseline: no earlier complete audit covers the same accounts and regions, and none was chosen.',
  added: 'Nodes added',
  removed: 'Nodes removed',
  fixed: 'Checks fixed',
  regressions: 'Regressions',
  newFailures: 'New failures',
  regressionsList: 'Regressions (passed before, fail now)',
  fixedList: 'Fixed (failed before, pass now)',
  before: 'Before',
  after: 'After',
  node: 'Node',
  andMore: '… and {count} more',

  // EC2 coverage (issue 30): the instances that are not managed nodes and the funnel to compliant nodes.
  secCoverage: 'EC2 coverage: instances not managed by Systems Manager',
  coverageUnmanaged: '{unmanaged} of {total} EC2 instances ({pct}) are not managed by Systems Manager: Patch Manager cannot patch them.',
  coverageStopped: '{count} of them are not running (stopped, starting or stopping).',
  coveragePartial: 'The EC2 instances of {count} of {scopes} scopes could not be read; these figures do not cover them.',
  coverageUnknown:
    'EC2 instances not managed by Systems Manager: unknown. The EC2 instances of no audited scope could be read (DescribeInstances was denied or failed, or the audit was made before this check existed).',
  funnelHeading: 'From EC2 instances to compliant nodes',
  funnelStep: 'Step',
  funnelCount: 'Count',
  funnelShare: 'Share',
  funnelNote:
    'Managed nodes also count hybrid (mi-) nodes and the nodes of scopes whose EC2 instances could not be read, so they are not EC2 instances minus the unmanaged ones.',
  unmanagedByCause: 'EC2 instances not managed, by cause',
  coverageGroupsNote: 'An instance with several causes is listed under each of them.',
  noUnmanaged: 'Every EC2 instance that was read is a managed node.',
  ec2State: 'State',
  otherCauses: 'Other causes',
  whatToDo: 'What to do',
  awsDocs: 'AWS documentation',
  coverageMore: '… and {count} more — see the CSV or JSON export',
  uncheckedHeading: 'Checks that could not be made (the causes above may not be all)',
  managedBySsm: 'Managed by Systems Manager',
  yes: 'yes',
  no: 'no',
  unmanagedCauses: 'Why not managed',
  uncheckedCauses: 'Not checked',

  secEditions: 'Readiness under the current AWS page',
  editionsIntro:
    'This audit was judged under {from}. Judged under {to} ({title}) — the same collected facts, without a new AWS call — the results below change. Only the catalog edition differs.',
  editionsSame: 'This snapshot is already judged under the current AWS page ({edition}).',
  editionsUnknown:
    'This snapshot was judged under {edition}, an edition this version of Patch Auditor does not know, so it cannot be judged under the current AWS page here.',
  readyUnder: 'Ready under {edition}',
  nodesChanging: 'Nodes whose result changes',
  checksChanging: 'Checks that change',
  changes: 'Changes',
  platform: 'Platform',
  byPlatform: 'By platform',
  byRule: 'By rule',
  editionsChangesList: 'Checks that change',
  noEditionChanges: 'No node’s result changes under {edition}.',

  byAccount: 'By account',
  byArea: 'By account and region',
  online: 'Online',
  compliantPct: 'Compliant',
  critical: 'Critical',
  security: 'Security',
  failingPrereq: 'Not ready',
  failedPrereqChecks: 'Failed prerequisite checks',
  regionsCount: 'Regions',
  missingPatchesNote: 'Critical / Security: number of missing patches.',

  finding: 'Finding',
  affected: 'Nodes',
  remediation: 'Remediation',
  message: 'Message',
  code: 'Code',
  example: 'Example',
  noFindings: 'No failed or warning checks.',

  legend: 'Legend',
  ruleColumns: 'Rule columns',

  catalogEdition: 'Catalog edition',
  catalogDocument: 'Source document',
  thresholds: 'Thresholds',
  agentMinimum: 'Minimum SSM Agent version',
  pythonRange: 'Python versions',
  python3Range: 'Python 3 only (Debian, Raspberry Pi OS, Ubuntu)',
  scanAge: 'Maximum patch scan age',
  daysValue: '{days} days',
  toolVersion: 'Tool version (audit / report)',
  auditStarted: 'Audit started',
  auditFinished: 'Audit finished',
  snapshotStatus: 'Snapshot status',
  statusComplete: 'complete',
  statusPartial: 'partial',
  historyUsed: 'Audits used for trends',
  methodText:
    'Patch Auditor read the managed nodes of each account and region with read-only AWS API calls (Systems Manager, EC2, Organizations), evaluated every node against the catalog edition below, and stored the result as a snapshot. Network routes are evaluated from the VPC route tables and endpoints; they show that a route exists, not that a firewall or proxy lets traffic through. Every EC2 instance (any state but terminated) is read too, so that those Systems Manager does not manage are accounted for; why each is not managed is derived from the same facts (instance profile, Default Host Management Configuration, route to the Systems Manager endpoints), and where they cannot tell, the report says so.',
  // Figures whose source could not be read (issue 16): said to be unknown, with over how many nodes.
  unknownValue: 'unknown',
  verdictUnknownHeadline: 'Patch compliance could not be determined: no node’s patch state could be read.',
  verdictComplianceNone: 'Patch compliance is unknown for all {nodes} managed nodes: none reported a patch state that could be read.',
  verdictCriticalOver:
    '{count} of the {read} nodes whose patch state could be read miss critical patches ({patches} critical patches in all; {security} nodes miss security patches).',
  verdictNoCriticalOver:
    'No node of the {read} whose patch state could be read misses a critical patch; for {unknown} nodes it is unknown.',
  verdictCriticalNone: 'Whether nodes miss critical patches is unknown: no patch state could be read.',
  overRead: 'over {read} of {nodes} nodes',
  patchUnknownHeading: 'Nodes whose patch state could not be read',
  patchUnknownNote: 'Their compliance and missing patches are unknown: they are left out of the figures above, not counted as 0.',
  patchUnknownNoReason: 'no reason was recorded (the source was not read for this scope)',

  // Which patches are missing (issue 19).
  secPatches: 'Top missing patches and CVEs',
  patchesIntro:
    '{affected} of the {read} nodes whose patches could be read miss or failed to install at least one patch: {patches} distinct patches, {cves} CVE ids.',
  patchesNoneRead: 'Which patches are missing is unknown: the patches of none of the {nodes} nodes could be read.',
  patchesNone: 'No node whose patches could be read misses a patch.',
  patchesUnknown: 'The patches of {count} nodes could not be read ({reasons}): they are left out of these figures, not counted as patched.',
  patchesReason_denied: 'access denied',
  patchesReason_error: 'the call failed',
  patchesReason_not_collected: 'not collected',
  patchesReason_not_recorded: 'not recorded by the audit that made this snapshot',
  topPatches: 'Patches missing on the most nodes',
  topCves: 'CVEs open on the most nodes',
  patch: 'Patch',
  classification: 'Classification',
  severity: 'Severity',
  accounts: 'Accounts',
  cveIds: 'CVE ids',
  cveId: 'CVE id',
  fixedBy: 'Fixed by (KB / package)',
  patchesNote:
    'Missing or failed patches as each node’s last patch operation reported them (ssm:DescribeInstancePatches). A node counts once per CVE, whichever of its patches fixes it.',
  appendixPatches: 'Missing patches',
  cveCount: '{count} CVE',
  secAppendixNotReady: 'Appendix: {listed} of {total} nodes — only those not ready or not verified',
  secAppendixNone: 'Appendix: node list (omitted)',
  appendixAll: 'All {total} managed nodes, by account and region.',
  appendixNotReady:
    'This appendix lists only the nodes that need attention: {notReady} not ready (at least one prerequisite failed) and {unverified} not verified (a prerequisite could not be checked, none failed). The other {rest} nodes, with no failed or unknown prerequisite, are not listed. Every other section of this report covers all {total} nodes, and the full node list can be exported as CSV from the same snapshot.',
  appendixNone:
    'This report was made without the node list. Every section above covers all {total} nodes, and the full node list can be exported as CSV from the same snapshot.',
  appendixHeading: 'Node appendix',
  appendixModeAll: 'every node ({total})',
  appendixModeNotReady: 'only nodes not ready or not verified ({listed} of {total})',
  appendixModeNone: 'omitted',
} as const;

type LabelKey = keyof typeof EN;

const JA = {
  reportTitle: 'Patch Manager 前提条件・パッチ適用状況 監査報告書',
  client: 'お客様',
  engagement: '案件',
  auditDate: '監査日',
  reportDate: '報告書作成日',
  scope: '対象範囲',
  scopeValue: '{accounts} アカウント × {regions} リージョン (計 {scopes} スコープ)',
  snapshot: 'スナップショット',
  notRecorded: '記録なし',
  confidential: '社外秘 — 上記のお客様向けに作成',
  page: 'ページ',

  toc: '目次',
  secSummary: 'エグゼクティブサマリー',
  secScope: '対象範囲と取得できなかった情報',
  secReadiness: 'ルール別の前提条件の充足状況',
  secCompliance: 'パッチコンプライアンス',
  secTrends: '推移',
  secComparison: '過去の監査との比較',
  secAreas: 'アカウント・リージョン別',
  secFindings: '主な指摘事項と対処方法',
  secAppendix: '付録: 全マネージドノード一覧',
  secMethod: '監査方法',

  kpiNodes: 'マネージドノード',
  kpiReady: 'Patch Manager の前提条件を満たす',
  kpiCompliant: 'パッチ準拠',
  kpiOnline: 'オンライン',
  kpiScopes: '監査できたスコープ',
  ofNodes: '全 {total} ノード中',

  verdictHeading: '総合評価',
  verdictGood: 'パッチ管理は良好な状態です。',
  verdictFair: '大半のノードでパッチ管理が機能していますが、解消すべき課題があります。',
  verdictPoor: 'パッチ管理が十分に機能していません。早急な対応が必要です。',
  verdictCompliance:
    'パッチ状態を報告した {reported} 台のうち {compliant} 台 ({pct}) が AWS の基準 (未適用・失敗・再起動待ち・拒否済みのインストールがない) でパッチ準拠です。マネージドノード {nodes} 台のうち {notReported} 台はパッチ状態を報告していません。',
  notVerifiedCount: '未検証 {count} 台',
  notReportedCount: '報告なし {count} 台',
  ofReported: 'パッチ状態を報告した {reported} 台',
  criticalPatchesCount: '重要パッチ {count} 件',
  verdictNotReady: '{count} 台 ({pct}) が Patch Manager の前提条件を 1 つ以上満たしておらず、是正するまで確実にはパッチを適用できません。',
  verdictAllReady: '確認できた範囲では、すべてのノードが Patch Manager の前提条件を満たしています。',
  verdictCritical:
    '{count} 台で重要 (Critical) パッチが未適用です (重要パッチは計 {patches} 件、セキュリティパッチ未適用は {security} 台)。',
  verdictNoCritical: '重要 (Critical) パッチが未適用のノードはありません。',
  verdictPartial:
    'この監査は部分的です。{scopes} スコープのうち {count} スコープを取得できなかったため、その範囲は数値に含まれていません。',
  verdictUnknown: '{count} 台は必要な情報を取得できず、完全には確認できませんでした (前提条件の章を参照)。',
  verdictTrend: '{date} 以降、パッチ準拠率は {before} から {after} に変化しました。',

  scopesFailedHeading: '監査できなかったスコープ',
  scopesFailedNone: 'すべてのスコープを監査できました。',
  gapsHeading: '拒否された、または取得に失敗したデータソース',
  gapsNone: 'すべてのデータソースを取得できました。',
  gapsNote: '必要なデータソースがないチェックは「不明」として報告し、合格とはみなしません。',
  status: '状態',
  reason: '理由',
  sources: 'データソース',
  scopeOk: '監査済み',
  scopeFailed: '失敗',
  scopeCancelled: '中止',
  scopeMissing: 'スコープ記録なし',
  scopeAccountLevelNote:
    '「すべてのリージョン」を対象とする監査で到達できなかったアカウントは、1 スコープとして数えます。アカウントに到達しない限り、有効なリージョンを一覧できないためです。',

  rule: 'ルール',
  ruleId: 'ルール ID',
  source: '出典',
  examples: '該当ノードの例',
  noExamples: 'このルールを満たしていないノードはありません。',
  prerequisites: '前提条件 (原典のルール P1〜P7)',
  operational: '運用状況のチェック',
  readinessIntro:
    '各マネージドノードをすべてのルールで確認しました。「不明」は判断に必要な情報を取得できなかったことを示し、合格には含めていません。',

  compliantNodes: '準拠しているノード',
  nonCompliantNodes: '準拠していないノード',
  notScanned: '未スキャン',
  staleScans: 'スキャンが {days} 日より古い',
  pendingReboot: '再起動待ち',
  missingCritical: '重要パッチ未適用',
  missingSecurity: 'セキュリティパッチ未適用',
  nodesWith: '台',
  patchCountsTotal: '件 (パッチ総数)',
  complianceIntro:
    '直近のパッチスキャンで未適用・失敗のパッチがないノードを「準拠」としています。一度もスキャンされていないノードは「準拠していない」に数えます。',

  chartReadiness: '前提条件を満たすノードとパッチ準拠ノードの割合 (%)',
  chartPrereq: '前提条件を満たさないノード数 (ルール別)',
  chartNodes: 'マネージドノード数・前提条件を満たすノード数・パッチ準拠していないノード数',
  trendsSingle: '記録されている監査は 1 回のみです。推移は 2 回目の監査から表示されます。',
  trendTable: '監査履歴',
  chartPartial: '部分的な監査（未取得のスコープあり）',
  date: '日付',
  nodes: 'ノード数',
  compliance: '準拠率',

  baselineAsked: '比較の基準: {snapshot}（このレポートで指定）。',
  baselineAutomatic: '比較の基準: {snapshot}（同じアカウントとリージョンを対象とした、これより前の直近の完全な監査）。',
  baselineNone: '比較の基準なし: 同じアカウントとリージョンを対象とした、これより前の完全な監査はなく、指定もありません。',
  added: '追加されたノード',
  removed: '削除されたノード',
  fixed: '改善したチェック',
  regressions: '悪化したチェック',
  newFailures: '新たな不合格',
  regressionsList: '悪化 (前回は合格、今回は不合格)',
  fixedList: '改善 (前回は不合格、今回は合格)',
  before: '前回',
  after: '今回',
  node: 'ノード',
  andMore: '… ほか {count} 件',

  secCoverage: 'EC2 カバレッジ: Systems Manager の管理外のインスタンス',
  coverageUnmanaged:
    'EC2 インスタンス {total} 台のうち {unmanaged} 台 ({pct}) が Systems Manager の管理外で、Patch Manager ではパッチを適用できません。',
  coverageStopped: 'そのうち {count} 台は実行されていません (停止中・起動中・停止処理中)。',
  coveragePartial: '{scopes} スコープのうち {count} スコープの EC2 インスタンスを読めなかったため、これらの数値には含まれていません。',
  coverageUnknown:
    'Systems Manager の管理外の EC2 インスタンス: 不明。どの監査対象スコープの EC2 インスタンスも読めませんでした (DescribeInstances が拒否または失敗した、またはこの確認ができる前の監査です)。',
  funnelHeading: 'EC2 インスタンスからパッチ準拠ノードまで',
  funnelStep: '段階',
  funnelCount: '数',
  funnelShare: '割合',
  funnelNote:
    'マネージドノードにはハイブリッド (mi-) ノードと、EC2 インスタンスを読めなかったスコープのノードも含まれるため、EC2 インスタンス数から管理外の数を引いた値とは一致しません。',
  unmanagedByCause: '管理外の EC2 インスタンス (原因別)',
  coverageGroupsNote: '原因が複数あるインスタンスは、それぞれの原因の下に掲載しています。',
  noUnmanaged: '読めた EC2 インスタンスはすべてマネージドノードです。',
  ec2State: '状態',
  otherCauses: 'ほかの原因',
  whatToDo: '対処方法',
  awsDocs: 'AWS のドキュメント',
  coverageMore: '… ほか {count} 台 (CSV または JSON のエクスポートを参照)',
  uncheckedHeading: '確認できなかった項目 (上記の原因がすべてとは限りません)',
  managedBySsm: 'Systems Manager の管理',
  yes: 'あり',
  no: 'なし',
  unmanagedCauses: '管理外の原因',
  uncheckedCauses: '未確認の項目',

  secEditions: '現行の AWS ページに照らした準備状況',
  editionsIntro:
    'この監査は {from} で判定しました。同じ収集データを AWS を再度呼び出さずに {to}（{title}）で判定すると、次の結果が変わります。異なるのはカタログの版だけです。',
  editionsSame: 'このスナップショットは既に現行の AWS ページ（{edition}）で判定されています。',
  editionsUnknown:
    'このスナップショットは {edition} で判定されていますが、この版の Patch Auditor はその版を知らないため、ここでは現行の AWS ページで判定し直せません。',
  readyUnder: '{edition} で準備完了',
  nodesChanging: '判定が変わるノード',
  checksChanging: '判定が変わるチェック',
  changes: '変化',
  platform: 'プラットフォーム',
  byPlatform: 'プラットフォーム別',
  byRule: 'ルール別',
  editionsChangesList: '判定が変わるチェック',
  noEditionChanges: '{edition} で判定が変わるノードはありません。',

  byAccount: 'アカウント別',
  byArea: 'アカウント・リージョン別',
  online: 'オンライン',
  compliantPct: '準拠率',
  critical: '重要',
  security: 'セキュリティ',
  failingPrereq: '前提条件未充足',
  failedPrereqChecks: '前提条件の不合格数',
  regionsCount: 'リージョン数',
  missingPatchesNote: '重要・セキュリティ: 未適用パッチの件数です。',

  finding: '指摘事項',
  affected: 'ノード数',
  remediation: '対処方法',
  message: 'メッセージ',
  code: 'コード',
  example: '例',
  noFindings: '不合格または警告のチェックはありません。',

  legend: '凡例',
  ruleColumns: 'ルール列',

  catalogEdition: 'カタログの版',
  catalogDocument: '原典',
  thresholds: 'しきい値',
  agentMinimum: 'SSM Agent の最低バージョン',
  pythonRange: 'Python のバージョン',
  python3Range: 'Python 3 必須 (Debian、Raspberry Pi OS、Ubuntu)',
  scanAge: 'パッチスキャンの許容経過日数',
  daysValue: '{days} 日',
  toolVersion: 'ツールのバージョン (監査時 / 報告書作成時)',
  auditStarted: '監査開始',
  auditFinished: '監査終了',
  snapshotStatus: 'スナップショットの状態',
  statusComplete: '完全',
  statusPartial: '部分的',
  historyUsed: '推移に使用した監査',
  methodText:
    'Patch Auditor は各アカウント・リージョンのマネージドノードを読み取り専用の AWS API (Systems Manager、EC2、Organizations) で取得し、下記の版のカタログに照らして全ノードを評価し、結果をスナップショットとして保存しました。ネットワーク経路は VPC のルートテーブルとエンドポイントから評価しています。経路の有無を示すもので、ファイアウォールやプロキシが通信を許可しているかまでは確認していません。また、Systems Manager が管理していないインスタンスも把握するため、終了済みを除くすべての EC2 インスタンスを読み取り、管理されていない原因を同じ情報 (インスタンスプロファイル、デフォルトのホスト管理設定、Systems Manager のエンドポイントへの経路) から判定しています。判定できない場合はその旨を記載しています。',
  unknownValue: '不明',
  verdictUnknownHeadline: 'パッチ準拠状況を判定できません。どのノードのパッチ状態も取得できませんでした。',
  verdictComplianceNone: 'マネージドノード {nodes} 台のいずれからも読み取れるパッチ状態の報告がないため、パッチ準拠状況は不明です。',
  verdictCriticalOver:
    'パッチ状態を取得できた {read} 台のうち {count} 台で重要 (Critical) パッチが未適用です (重要パッチは計 {patches} 件、セキュリティパッチ未適用は {security} 台)。',
  verdictNoCriticalOver: 'パッチ状態を取得できた {read} 台には重要 (Critical) パッチが未適用のノードはありません。{unknown} 台は不明です。',
  verdictCriticalNone: 'パッチ状態を取得できなかったため、重要パッチの未適用状況は不明です。',
  overRead: '全 {nodes} 台中 {read} 台で集計',
  patchUnknownHeading: 'パッチ状態を取得できなかったノード',
  patchUnknownNote: 'これらのノードの準拠状況と未適用パッチ数は不明です。上の数値には含めておらず、0 として数えてもいません。',
  patchUnknownNoReason: '理由は記録されていません (このスコープではデータソースを取得していません)',

  secPatches: '未適用パッチと CVE の上位',
  patchesIntro:
    'パッチ情報を取得できた {read} 台のうち {affected} 台に、未適用またはインストールに失敗したパッチがあります。パッチは {patches} 種類、CVE ID は {cves} 件です。',
  patchesNoneRead: '全 {nodes} 台のいずれもパッチ情報を取得できなかったため、どのパッチが未適用かは不明です。',
  patchesNone: 'パッチ情報を取得できたノードに未適用のパッチはありません。',
  patchesUnknown:
    '{count} 台のパッチ情報を取得できませんでした ({reasons})。これらは上の数値に含めておらず、適用済みとして数えてもいません。',
  patchesReason_denied: 'アクセス拒否',
  patchesReason_error: '呼び出しに失敗',
  patchesReason_not_collected: '未収集',
  patchesReason_not_recorded: 'このスナップショットを作成した監査では記録していません',
  topPatches: '未適用のノードが多いパッチ',
  topCves: '未対策のノードが多い CVE',
  patch: 'パッチ',
  classification: '分類',
  severity: '重要度',
  accounts: 'アカウント数',
  cveIds: 'CVE ID',
  cveId: 'CVE ID',
  fixedBy: '対策するパッチ (KB / パッケージ)',
  patchesNote:
    '各ノードの最後のパッチ操作が報告した未適用・失敗のパッチです (ssm:DescribeInstancePatches)。CVE は、どのパッチで対策されるかにかかわらず、ノードごとに 1 回数えています。',
  appendixPatches: '未適用のパッチ',
  cveCount: 'CVE {count} 件',
  secAppendixNotReady: '付録: 前提条件を満たさない・確認できないノード一覧 (全 {total} 台中 {listed} 台)',
  secAppendixNone: '付録: ノード一覧 (省略)',
  appendixAll: '全 {total} 台のマネージドノードを、アカウント・リージョン別に掲載しています。',
  appendixNotReady:
    'この付録には対応が必要なノードのみを掲載しています。前提条件を 1 つ以上満たさないノード {notReady} 台と、不合格はないものの確認できなかった前提条件があるノード {unverified} 台です。前提条件に不合格も不明もないその他の {rest} 台は掲載していません。本報告書の他の章はすべて全 {total} 台を対象としており、全ノードの一覧は同じスナップショットから CSV として出力できます。',
  appendixNone:
    'この報告書ではノード一覧を省略しています。上記の各章はすべて全 {total} 台を対象としており、全ノードの一覧は同じスナップショットから CSV として出力できます。',
  appendixHeading: '付録のノード一覧',
  appendixModeAll: '全ノード ({total} 台)',
  appendixModeNotReady: '前提条件を満たさない・確認できないノードのみ (全 {total} 台中 {listed} 台)',
  appendixModeNone: '省略',
} as const satisfies Record<LabelKey, string>;

const LABELS: Record<Lang, Record<LabelKey, string>> = { en: EN, ja: JA };

export type Labels = (key: LabelKey, params?: Readonly<Record<string, string | number>>) => string;

/** The label function of one language; `{name}` placeholders are filled from params. */
export function labelsFor(lang: Lang): Labels {
  const dict = LABELS[lang];
  return (key, params = {}) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** Dates as a Japanese or English reader writes them, in UTC so a report reads the same everywhere. */
export function formatDate(iso: string, lang: Lang, withTime = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: lang === 'ja' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' };
  if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', hour12: false, timeZoneName: 'short' });
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', options).format(d);
}

export function formatPct(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value)}%`;
}

export function formatInt(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(value);
}
