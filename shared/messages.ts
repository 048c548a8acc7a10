/**
 * Bilingual texts for rules and checks (docs/design.md §4: messages and remediation in Japanese and English).
 * A Check stores only `code` + `params`; the text is chosen here at display time, so the renderer,
 * reports and the CLI say the same thing and switching language needs no re-evaluation.
 *
 * Interpolation is `{name}`. A param may come in both languages as `name_ja` / `name_en` (catalog notes);
 * those win over a plain `name` for the matching language.
 */
import type { SourceRule } from './catalog/schema';
import type { Check, Lang, LocalizedText, RuleId } from './model';
import { RULE_BY_ID } from './rules';

interface MessageEntry {
  readonly en: string;
  readonly ja: string;
  /** What to do about it; absent for results that need no action (pass, not applicable). */
  readonly fix?: LocalizedText;
}

const MESSAGES = {
  'source.denied': {
    en: 'Cannot evaluate: reading {source} was denied.',
    ja: '評価できません: {source} の読み取りが拒否されました。',
    fix: {
      en: 'Allow {source} in the audit role (see the IAM policy shipped with Patch Auditor) and run the audit again.',
      ja: '監査ロールで {source} を許可し (Patch Auditor 同梱の IAM ポリシーを参照)、監査を再実行してください。',
    },
  },
  'source.error': {
    en: 'Cannot evaluate: reading {source} failed.',
    ja: '評価できません: {source} の読み取りに失敗しました。',
    fix: {
      en: 'Check the scope error in the audit log and run the audit again.',
      ja: '監査ログのスコープエラーを確認し、監査を再実行してください。',
    },
  },
  'source.not-collected': {
    en: 'Cannot evaluate: {source} was not collected.',
    ja: '評価できません: {source} は収集されていません。',
    fix: {
      en: 'Include {source} in the audit (or its AWS CLI output in the files given to evaluate).',
      ja: '{source} を監査に含めてください (evaluate の場合はその AWS CLI 出力ファイルを指定)。',
    },
  },

  'agent.version.ok': {
    en: 'SSM Agent {agentVersion} is at or above the minimum {minimum}.',
    ja: 'SSM Agent {agentVersion} は最低バージョン {minimum} 以上です。',
  },
  'agent.version.ok-not-latest': {
    en: 'SSM Agent {agentVersion} meets the minimum {minimum} but is not the latest version.',
    ja: 'SSM Agent {agentVersion} は最低バージョン {minimum} を満たしていますが、最新バージョンではありません。',
    fix: {
      en: 'Automate SSM Agent updates (State Manager association AWS-UpdateSSMAgent) so new features keep working.',
      ja: 'SSM Agent の更新を自動化してください (State Manager の関連付け AWS-UpdateSSMAgent)。',
    },
  },
  'agent.version.too-old': {
    en: 'SSM Agent {agentVersion} is older than the minimum {minimum}.',
    ja: 'SSM Agent {agentVersion} は最低バージョン {minimum} より古いです。',
    fix: {
      en: 'Update SSM Agent (Run Command AWS-UpdateSSMAgent) and automate updates.',
      ja: 'SSM Agent を更新し (Run Command の AWS-UpdateSSMAgent)、更新を自動化してください。',
    },
  },
  'agent.version.unreported': {
    en: 'The SSM Agent version is not reported.',
    ja: 'SSM Agent のバージョンが報告されていません。',
    fix: {
      en: 'Check that SSM Agent is running and registered on the node.',
      ja: 'ノードで SSM Agent が稼働し登録されていることを確認してください。',
    },
  },

  'agent.windows2008.not-applicable': {
    en: 'Not Windows Server 2008 / 2008 R2.',
    ja: 'Windows Server 2008 / 2008 R2 ではありません。',
  },
  'agent.windows2008.not-in-edition': {
    en: 'This catalog edition has no Windows Server 2008 rule: its source no longer lists Windows Server 2008 (see the supported operating system check).',
    ja: 'このカタログ版には Windows Server 2008 の規則がありません。出典が Windows Server 2008 を掲載していないためです (サポートされる OS のチェックを参照)。',
  },
  'agent.windows2008.eol': {
    en: 'Windows Server 2008 / 2008 R2 has had no Microsoft updates since {vendorSupportEnded}; SSM Agent {agentVersion} is within the last supported version {lastSupportedAgent}.',
    ja: 'Windows Server 2008 / 2008 R2 は {vendorSupportEnded} 以降 Microsoft の更新プログラムがありません。SSM Agent {agentVersion} は正式サポートの最終バージョン {lastSupportedAgent} 以内です。',
    fix: {
      en: 'Plan a migration to a supported Windows Server release; keep SSM Agent at {lastSupportedAgent} or earlier until then.',
      ja: 'サポート対象の Windows Server への移行を計画してください。それまでは SSM Agent を {lastSupportedAgent} 以前に保ってください。',
    },
  },
  'agent.windows2008.agent-too-new': {
    en: 'Windows Server 2008 / 2008 R2 runs SSM Agent {agentVersion}, above the last supported version {lastSupportedAgent}: SSM Agent 3.0 may be incompatible with every operation.',
    ja: 'Windows Server 2008 / 2008 R2 で SSM Agent {agentVersion} が稼働しています。正式サポートの最終バージョン {lastSupportedAgent} より新しく、SSM Agent 3.0 はいずれのオペレーションとも互換性がない場合があります。',
    fix: {
      en: 'Install SSM Agent {lastSupportedAgent} on the node, and plan a migration to a supported Windows Server release.',
      ja: 'ノードに SSM Agent {lastSupportedAgent} をインストールし、サポート対象の Windows Server への移行を計画してください。',
    },
  },
  'agent.windows2008.eol-agent-unknown': {
    en: 'Windows Server 2008 / 2008 R2 has had no Microsoft updates since {vendorSupportEnded}; the SSM Agent version is not reported.',
    ja: 'Windows Server 2008 / 2008 R2 は {vendorSupportEnded} 以降 Microsoft の更新プログラムがありません。SSM Agent のバージョンは報告されていません。',
    fix: {
      en: 'Check that the node runs SSM Agent {lastSupportedAgent} or earlier, and plan a migration to a supported Windows Server release.',
      ja: 'SSM Agent が {lastSupportedAgent} 以前であることを確認し、サポート対象の Windows Server への移行を計画してください。',
    },
  },

  'os.supported': {
    en: '{platform} is supported by Patch Manager ({supported}).',
    ja: '{platform} は Patch Manager のサポート対象です ({supported})。',
  },
  'os.supported-with-note': {
    en: '{platform} is supported by Patch Manager ({supported}). Note: {note}',
    ja: '{platform} は Patch Manager のサポート対象です ({supported})。注記: {note}',
    fix: { en: '{note}', ja: '{note}' },
  },
  'os.unrecognized': {
    en: 'The platform "{reported}" cannot be recognised.',
    ja: 'プラットフォーム「{reported}」を識別できません。',
    fix: {
      en: 'Check the platform SSM reports for the node (PlatformName / PlatformVersion) against the supported operating systems.',
      ja: 'SSM が報告するプラットフォーム (PlatformName / PlatformVersion) をサポート対象 OS と照合してください。',
    },
  },
  'os.explicitly-unsupported': {
    en: '{platform} is explicitly not supported by Patch Manager ({example}).',
    ja: '{platform} は Patch Manager で明示的にサポートされていません ({example})。',
    fix: {
      en: 'Upgrade the OS to a supported version: {supported}.',
      ja: 'OS をサポート対象のバージョンにアップグレードしてください: {supported}。',
    },
  },
  'os.family-not-listed': {
    en: '{platform} is not among the operating systems Patch Manager supports.',
    ja: '{platform} は Patch Manager がサポートするオペレーティングシステムに含まれていません。',
    fix: {
      en: 'Migrate the node to a supported operating system, or patch it by other means.',
      ja: 'ノードをサポート対象の OS に移行するか、別の方法でパッチを適用してください。',
    },
  },
  'os.version-unreported': {
    en: '{platform}: the version is not reported, so support cannot be decided.',
    ja: '{platform}: バージョンが報告されていないため、サポート対象か判断できません。',
    fix: {
      en: "Check the node's OS version; supported versions are {supported}.",
      ja: 'ノードの OS バージョンを確認してください。サポート対象は {supported} です。',
    },
  },
  'os.ec2-only': {
    en: '{platform} is supported by Patch Manager on Amazon EC2 instances only; this node is a hybrid (non-EC2) managed node.',
    ja: '{platform} が Patch Manager でサポートされるのは Amazon EC2 インスタンスのみです。このノードはハイブリッド (EC2 以外) のマネージドノードです。',
    fix: {
      en: 'Run this macOS workload on an Amazon EC2 Mac instance, or patch this machine by other means.',
      ja: 'この macOS のワークロードを Amazon EC2 Mac インスタンスで実行するか、別の方法でパッチを適用してください。',
    },
  },
  'os.version-not-listed': {
    en: '{platform} is outside the supported versions ({supported}).',
    ja: '{platform} はサポート対象のバージョン ({supported}) の範囲外です。',
    fix: {
      en: 'Upgrade the OS to a supported version: {supported}.',
      ja: 'OS をサポート対象のバージョンにアップグレードしてください: {supported}。',
    },
  },

  'os.greengrass.not-applicable': {
    en: 'Not an AWS IoT Greengrass core device.',
    ja: 'AWS IoT Greengrass コアデバイスではありません。',
  },
  'os.greengrass.unsupported': {
    en: 'SSM Agent on AWS IoT Greengrass core devices is not supported on {platform}: Patch Manager cannot patch this edge device.',
    ja: 'AWS IoT Greengrass コアデバイスの SSM Agent は {platform} ではサポートされていません。Patch Manager はこのエッジデバイスをパッチできません。',
    fix: {
      en: 'Patch this device by other means, or run the Greengrass core on a supported Linux platform.',
      ja: 'このデバイスには別の方法でパッチを適用するか、Greengrass コアをサポート対象の Linux で実行してください。',
    },
  },
  'os.greengrass.platform-unknown': {
    en: 'AWS IoT Greengrass core device on an unrecognised platform; cannot tell whether Patch Manager supports it.',
    ja: 'プラットフォームを識別できない AWS IoT Greengrass コアデバイスです。Patch Manager のサポート対象か判断できません。',
    fix: {
      en: "Check the device's OS: macOS and Windows 10 core devices are not supported.",
      ja: 'デバイスの OS を確認してください。macOS と Windows 10 のコアデバイスはサポートされていません。',
    },
  },
  'os.greengrass.supported': {
    en: 'AWS IoT Greengrass core device on {platform}, which Patch Manager can patch.',
    ja: '{platform} 上の AWS IoT Greengrass コアデバイスで、Patch Manager でパッチを適用できます。',
  },

  'python.not-required': {
    en: 'No Python requirement on {platform}.',
    ja: '{platform} には Python の要件はありません。',
  },
  'python.ok': {
    en: 'Python {found} installed; {required} required.',
    ja: 'Python {found} がインストールされています (要件: {required})。',
  },
  'python.no-inventory': {
    en: 'The node has no software inventory, so its Python version is unknown.',
    ja: 'ノードにソフトウェアインベントリがないため、Python のバージョンが不明です。',
    fix: {
      en: 'Enable Systems Manager Inventory (AWS:Application) for the node.',
      ja: 'ノードで Systems Manager インベントリ (AWS:Application) を有効にしてください。',
    },
  },
  'python.not-found': {
    en: "No Python interpreter in the node's inventory; {required} required.",
    ja: 'ノードのインベントリに Python インタープリターがありません (要件: {required})。',
    fix: { en: 'Install Python {required} on the node.', ja: 'ノードに Python {required} をインストールしてください。' },
  },
  'python.not-found-macos': {
    en: "No Python interpreter in the inventory; macOS's own Python is not listed in inventory, so this cannot be decided.",
    ja: 'インベントリに Python インタープリターがありません。macOS 標準の Python はインベントリに含まれないため判断できません。',
    fix: {
      en: 'Check on the node that Python {required} is available.',
      ja: 'ノードで Python {required} が使用できることを確認してください。',
    },
  },
  'python.python3-required': {
    en: '{platform} requires Python 3 ({required}); only Python {found} found.',
    ja: '{platform} では Python 3 ({required}) が必要ですが、Python {found} しかありません。',
    fix: { en: 'Install Python {required} on the node.', ja: 'ノードに Python {required} をインストールしてください。' },
  },
  'python.out-of-range': {
    en: 'Python {found} is outside the supported range {required}.',
    ja: 'Python {found} はサポート範囲 {required} の外です。',
    fix: { en: 'Install Python {required} on the node.', ja: 'ノードに Python {required} をインストールしてください。' },
  },
  'python.platform-unknown': {
    en: 'The platform is not recognised, so the required Python version cannot be decided (found: {found}).',
    ja: 'プラットフォームを識別できないため、必要な Python バージョンを判断できません (検出: {found})。',
    fix: { en: "Check the node's OS and Python version by hand.", ja: 'ノードの OS と Python のバージョンを手動で確認してください。' },
  },

  'network.not-ec2': {
    en: 'Not an EC2 instance: network routes cannot be read from AWS.',
    ja: 'EC2 インスタンスではないため、ネットワーク経路を AWS から取得できません。',
    fix: {
      en: "Verify on the node's own network that it reaches its patch source and the AWS-managed S3 buckets.",
      ja: 'ノードのネットワークで、パッチソースと AWS マネージド S3 バケットに到達できることを確認してください。',
    },
  },
  'network.no-facts': {
    en: 'The instance was not found in the EC2 data, so its routes are unknown.',
    ja: 'EC2 のデータにインスタンスが見つからないため、経路が不明です。',
    fix: {
      en: "Check that the EC2 data covers the node's region and account.",
      ja: 'EC2 のデータがノードのリージョンとアカウントを含んでいることを確認してください。',
    },
  },
  'network.patch-source.internet': {
    en: 'Internet route through {via} ({targetId}).',
    ja: '{via} ({targetId}) 経由のインターネットへの経路があります。',
  },
  'network.patch-source.indirect': {
    en: 'The default route goes to {via} ({targetId}); whether it reaches the patch source cannot be verified from this VPC.',
    ja: 'デフォルトルートは {via} ({targetId}) に向いています。パッチソースに到達できるかはこの VPC からは確認できません。',
    fix: {
      en: 'Confirm that the network behind {targetId} gives the node access to its patch source.',
      ja: '{targetId} の先のネットワークからパッチソースにアクセスできることを確認してください。',
    },
  },
  'network.patch-source.no-internet': {
    en: 'No internet route from subnet {subnetId}: the node must reach its configured repositories inside the network (mirror or proxy), which cannot be verified.',
    ja: 'サブネット {subnetId} からインターネットへの経路がありません。ノードはネットワーク内 (ミラーやプロキシ) で設定済みのリポジトリに接続できる必要がありますが、確認できません。',
    fix: {
      en: 'Confirm the node reaches its repositories (local mirror, proxy, or for Amazon Linux an S3 gateway endpoint), or add a NAT gateway route.',
      ja: 'ノードがリポジトリ (ローカルミラー、プロキシ、Amazon Linux の場合は S3 ゲートウェイエンドポイント) に接続できることを確認するか、NAT ゲートウェイへの経路を追加してください。',
    },
  },
  'network.patch-source.igw-no-public-ip': {
    en: 'Subnet {subnetId} routes to internet gateway {targetId}, but the node has no public IP address, so that route does not take it to the internet or its patch source.',
    ja: 'サブネット {subnetId} はインターネットゲートウェイ {targetId} にルーティングされていますが、ノードにパブリック IP アドレスがないため、この経路ではインターネットにもパッチソースにも到達できません。',
    fix: {
      en: 'Give the node a public IP or an Elastic IP, or place it in a private subnet whose default route goes to a NAT gateway; otherwise confirm it reaches its repositories (mirror, proxy or WSUS) inside the network.',
      ja: 'ノードにパブリック IP アドレスまたは Elastic IP を割り当てるか、デフォルトルートが NAT ゲートウェイに向いたプライベートサブネットに配置してください。そうでない場合は、ネットワーク内のリポジトリ (ミラー、プロキシ、WSUS) に接続できることを確認してください。',
    },
  },
  'network.patch-source.no-internet-windows': {
    en: 'No internet route from subnet {subnetId}: the node cannot reach the Microsoft Update Catalog, and use of a WSUS server inside the environment cannot be verified.',
    ja: 'サブネット {subnetId} からインターネットへの経路がありません。Microsoft Update カタログに接続できず、環境内の WSUS サーバーの利用は確認できません。',
    fix: {
      en: 'Confirm the node uses a reachable WSUS server, or route it through an internet gateway, NAT gateway or NAT instance.',
      ja: '到達可能な WSUS サーバーを使用していることを確認するか、インターネットゲートウェイ、NAT ゲートウェイまたは NAT インスタンス経由の経路を設定してください。',
    },
  },
  'network.s3.internet': {
    en: 'AWS-managed S3 buckets reachable through {via} ({targetId}).',
    ja: '{via} ({targetId}) 経由で AWS マネージド S3 バケットに到達できます。',
  },
  'network.s3.gateway-endpoint': {
    en: "S3 gateway endpoint {endpointId} is routed from the node's route table {routeTableId}.",
    ja: 'S3 ゲートウェイエンドポイント {endpointId} がノードのルートテーブル {routeTableId} に設定されています。',
  },
  'network.s3.interface-endpoint': {
    en: 'S3 interface endpoint {endpointId} is available in the VPC.',
    ja: 'VPC に S3 インターフェイスエンドポイント {endpointId} があります。',
  },
  'network.s3.interface-no-private-dns': {
    en: 'S3 interface endpoint {endpointId} has private DNS turned off: the agent uses S3’s regional names, which then resolve to public addresses, not to this endpoint.',
    ja: 'S3 インターフェイスエンドポイント {endpointId} のプライベート DNS が無効です。エージェントは S3 のリージョン名を使うため、その名前はパブリックアドレスに解決され、このエンドポイントを経由しません。',
    fix: {
      en: 'Turn on private DNS for endpoint {endpointId}, or create an S3 gateway endpoint associated with route table {routeTableId}.',
      ja: 'エンドポイント {endpointId} のプライベート DNS を有効にするか、ルートテーブル {routeTableId} に関連付けた S3 ゲートウェイエンドポイントを作成してください。',
    },
  },
  'network.s3.igw-no-public-ip': {
    en: 'No route to the AWS-managed S3 buckets: route table {routeTableId} sends traffic to internet gateway {targetId}, but the node has no public IP address, and there is no S3 endpoint.',
    ja: 'AWS マネージド S3 バケットへの経路がありません。ルートテーブル {routeTableId} はインターネットゲートウェイ {targetId} に向いていますが、ノードにパブリック IP アドレスがなく、S3 エンドポイントもありません。',
    fix: {
      en: 'Create an S3 gateway endpoint associated with route table {routeTableId} (it needs no public IP), or give the node a public IP or an Elastic IP.',
      ja: 'ルートテーブル {routeTableId} に関連付けた S3 ゲートウェイエンドポイントを作成する (パブリック IP は不要です) か、ノードにパブリック IP アドレスまたは Elastic IP を割り当ててください。',
    },
  },
  'network.s3.indirect': {
    en: 'No S3 endpoint; the default route goes to {via} ({targetId}), so reaching S3 cannot be verified from this VPC.',
    ja: 'S3 エンドポイントがなく、デフォルトルートは {via} ({targetId}) に向いているため、S3 への到達はこの VPC からは確認できません。',
    fix: {
      en: 'Add an S3 gateway endpoint to route table {routeTableId}, or confirm S3 is reachable behind {targetId}.',
      ja: 'ルートテーブル {routeTableId} に S3 ゲートウェイエンドポイントを追加するか、{targetId} の先から S3 に到達できることを確認してください。',
    },
  },
  'network.s3.no-route': {
    en: 'No route to the AWS-managed S3 buckets: no internet route and no S3 endpoint for route table {routeTableId}.',
    ja: 'AWS マネージド S3 バケットへの経路がありません。インターネットへの経路も、ルートテーブル {routeTableId} の S3 エンドポイントもありません。',
    fix: {
      en: 'Create an S3 gateway endpoint associated with route table {routeTableId} (Systems Manager: "Step 6: Create VPC endpoints").',
      ja: 'ルートテーブル {routeTableId} に関連付けた S3 ゲートウェイエンドポイントを作成してください (「ステップ 6: VPC エンドポイントの作成」)。',
    },
  },

  'node.online': { en: 'The node is online.', ja: 'ノードはオンラインです。' },
  'node.offline': {
    en: 'The node is {pingStatus} (last contact {lastPingAt}).',
    ja: 'ノードは {pingStatus} です (最終接続 {lastPingAt})。',
    fix: {
      en: 'Start the node, or check that SSM Agent is running and reaches the Systems Manager endpoints.',
      ja: 'ノードを起動するか、SSM Agent が稼働して Systems Manager のエンドポイントに接続できることを確認してください。',
    },
  },
  'node.ping-unknown': {
    en: "The node's connection status is not reported ({pingStatus}).",
    ja: 'ノードの接続状態が報告されていません ({pingStatus})。',
    fix: { en: 'Check the node in Fleet Manager.', ja: 'Fleet Manager でノードを確認してください。' },
  },

  'patch.scanned': { en: 'The node has a patch state ({operation}).', ja: 'ノードにパッチ状態があります ({operation})。' },
  'patch.never-scanned': {
    en: 'The node has no patch state: it has never been scanned.',
    ja: 'ノードにパッチ状態がありません。一度もスキャンされていません。',
    fix: {
      en: 'Run AWS-RunPatchBaseline with Operation=Scan on a schedule (Quick Setup patch policy or a maintenance window).',
      ja: 'AWS-RunPatchBaseline (Operation=Scan) を定期実行してください (Quick Setup のパッチポリシーまたはメンテナンスウィンドウ)。',
    },
  },
  'patch.no-state': {
    en: 'No patch state, so this cannot be evaluated.',
    ja: 'パッチ状態がないため評価できません。',
    fix: { en: 'Scan the node with AWS-RunPatchBaseline first.', ja: 'まず AWS-RunPatchBaseline でノードをスキャンしてください。' },
  },
  'patch.scan-recent': {
    en: 'Last patch {operation} was {ageDays} days ago (threshold {thresholdDays} days).',
    ja: '最後のパッチ {operation} は {ageDays} 日前です (しきい値 {thresholdDays} 日)。',
  },
  'patch.scan-stale': {
    en: 'Last patch {operation} was {ageDays} days ago, more than {thresholdDays} days: compliance data is stale.',
    ja: '最後のパッチ {operation} は {ageDays} 日前で、{thresholdDays} 日を超えています。コンプライアンス情報が古くなっています。',
    fix: {
      en: 'Schedule AWS-RunPatchBaseline to scan at least every {thresholdDays} days.',
      ja: 'AWS-RunPatchBaseline のスキャンを {thresholdDays} 日以内の間隔でスケジュールしてください。',
    },
  },
  'patch.scan-time-unknown': {
    en: 'The patch state has no operation time.',
    ja: 'パッチ状態にオペレーション時刻がありません。',
    fix: { en: 'Scan the node again with AWS-RunPatchBaseline.', ja: 'AWS-RunPatchBaseline でノードを再スキャンしてください。' },
  },
  'patch.compliant': {
    en: 'No missing, failed, pending-reboot or installed-rejected patches.',
    ja: '未適用、失敗、再起動待ち、拒否リスト上のインストール済みのパッチはありません。',
  },
  'patch.noncompliant': {
    en: '{missing} missing and {failed} failed patches ({critical} critical, {security} security non-compliant).',
    ja: '未適用 {missing} 件、失敗 {failed} 件のパッチがあります (重要 {critical} 件、セキュリティ {security} 件が非準拠)。',
    fix: {
      en: "Run AWS-RunPatchBaseline with Operation=Install in a maintenance window, then check failed patches in the node's patch log.",
      ja: 'メンテナンスウィンドウで AWS-RunPatchBaseline (Operation=Install) を実行し、失敗したパッチはノードのパッチログを確認してください。',
    },
  },
  'patch.noncompliant-installed': {
    en: 'Nothing is left to install, but {pendingReboot} patches wait for a reboot and {rejected} installed patches are on the rejected list: AWS reports the node NON_COMPLIANT.',
    ja: '未適用のパッチはありませんが、再起動待ちが {pendingReboot} 件、拒否リスト上のインストール済みパッチが {rejected} 件あるため、AWS はこのノードを NON_COMPLIANT と報告します。',
    fix: {
      en: 'Reboot the node in a maintenance window; remove rejected packages the baseline blocks.',
      ja: 'メンテナンスウィンドウでノードを再起動し、ベースラインが拒否しているパッケージを削除してください。',
    },
  },
  'patch.counts-unknown': {
    en: 'The patch state has no missing / failed counts.',
    ja: 'パッチ状態に未適用・失敗の件数がありません。',
    fix: { en: 'Scan the node again with AWS-RunPatchBaseline.', ja: 'AWS-RunPatchBaseline でノードを再スキャンしてください。' },
  },
  'patch.no-pending-reboot': { en: 'No installed patch waits for a reboot.', ja: '再起動待ちのパッチはありません。' },
  'patch.pending-reboot': {
    en: '{count} installed patches wait for a reboot.',
    ja: '{count} 件のインストール済みパッチが再起動待ちです。',
    fix: { en: 'Reboot the node in a maintenance window.', ja: 'メンテナンスウィンドウでノードを再起動してください。' },
  },
  'patch.reboot-count-unknown': {
    en: 'The patch state has no pending-reboot count.',
    ja: 'パッチ状態に再起動待ちの件数がありません。',
    fix: { en: 'Scan the node again with AWS-RunPatchBaseline.', ja: 'AWS-RunPatchBaseline でノードを再スキャンしてください。' },
  },
} as const satisfies Record<string, MessageEntry>;

export type MessageCode = keyof typeof MESSAGES;
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

export type MessageParams = Readonly<Record<string, string | number>>;

export function interpolate(template: string, params: MessageParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[`${name}_${lang}`] ?? params[name];
    return value === undefined ? whole : String(value);
  });
}

function entry(code: string): MessageEntry | undefined {
  return Object.hasOwn(MESSAGES, code) ? (MESSAGES as Record<string, MessageEntry>)[code] : undefined;
}

/** The check's message; a code this build does not know (a newer snapshot) falls back to the code itself. */
export function messageFor(check: Pick<Check, 'code' | 'params'>, lang: Lang): string {
  const found = entry(check.code);
  return found ? interpolate(found[lang], check.params, lang) : check.code;
}

/** What to do about the check, or undefined when nothing is to be done. */
export function remediationFor(check: Pick<Check, 'code' | 'params'>, lang: Lang): string | undefined {
  const fix = entry(check.code)?.fix;
  return fix ? interpolate(fix[lang], check.params, lang) : undefined;
}

/** The seed's own rule names (prerequisites.en.md and the Japanese page's headings). */
const SOURCE_RULE_TITLES: Record<SourceRule, LocalizedText> = {
  P1: { en: 'SSM Agent version', ja: 'SSM Agent のバージョン' },
  P2: { en: 'Python version', ja: 'Python のバージョン' },
  P3: { en: 'Connectivity to the patch source', ja: 'パッチソースへの接続' },
  P4: { en: 'S3 endpoint access', ja: 'S3 エンドポイントへのアクセス' },
  P5: { en: 'Supported operating systems', ja: 'サポートされるオペレーティングシステム' },
  P6: { en: 'Windows Server 2008 / 2008 R2', ja: 'Windows Server 2008 / 2008 R2' },
  P7: { en: 'AWS IoT Greengrass on Windows 10', ja: 'Windows 10 上の AWS IoT Greengrass' },
};

/**
 * A rule's full title. Every output names a rule through these three, which read the rule's own
 * module (`shared/rules/`): the renderer, the report, the CSV exports and the CLI.
 */
export function ruleTitle(rule: RuleId, lang: Lang): string {
  return RULE_BY_ID[rule].title[lang];
}

/** The seed rules (P1–P7) a rule id cites; empty for the compliance rules, which the seed does not state. */
export function ruleSources(rule: RuleId): readonly SourceRule[] {
  return RULE_BY_ID[rule].sourceRules;
}

/** A rule's title in a few characters, for narrow table columns. */
export function ruleShortTitle(rule: RuleId, lang: Lang): string {
  return RULE_BY_ID[rule].short[lang];
}

export function sourceRuleTitle(rule: SourceRule, lang: Lang): string {
  return SOURCE_RULE_TITLES[rule][lang];
}
