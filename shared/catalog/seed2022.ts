/**
 * Edition `seed-2022`: an exact transcription of the Japanese page "Patch Manager の前提条件"
 * (copied beside this file as seed-2022.source.ja.txt; the rule numbers P1–P7 follow the project's
 * English working translation). The page lists Amazon Linux 2022, RHEL up to 8.6 and SLES up to 15.4,
 * which dates it to 2022. Each quote below appears verbatim in the source (a unit test checks).
 */
import type { CatalogEditionInput } from './schema';
import { only, range, series } from './versionRange';

const PYTHON =
  'macOS とほとんどの Linux オペレーティングシステム (OS) では、現在、Patch Manager は Python バージョン 2.6~3.9 をサポートします。Debian Server、Raspberry Pi OS、Ubuntu Server の OS では、サポートされるバージョンの Python 3 (3.0~3.9) が必要です。';
const WINDOWS_2008 =
  '2020 年 1 月 14 日以降、Windows Server 2008 は Microsoft の機能更新プログラムまたはセキュリティ更新プログラムでサポートされなくなりました。';
const MATRIX_INTRO = 'Patch Manager では CentOS 6.3 や Raspberry Pi OS 8 (Jessie) はサポートされていません。';

export const seed2022: CatalogEditionInput = {
  id: 'seed-2022',
  title: { ja: 'Patch Manager の前提条件 (2022 年版)', en: 'Patch Manager prerequisites (2022 edition)' },
  name: { en: 'Japanese page, 2022 (source document)', ja: '日本語のページ（2022年、原資料）' },
  describes: '2022',
  document: 'AWS Systems Manager ユーザーガイド「Patch Manager の前提条件」(日本語, 2022)',
  agent: {
    minimum: '2.0.834.0',
    source: { rule: 'P1', quote: 'Patch Manager で管理するマネージドノードで SSM Agent のバージョン 2.0.834.0 以降が稼働しています。' },
  },
  python: {
    range: range('2.6', '3.9'),
    python3Only: { families: ['debian', 'raspberry-pi-os', 'ubuntu'], range: range('3.0', '3.9') },
    // The page states a requirement for macOS and Linux only; Windows nodes run the patching in PowerShell.
    notRequiredTypes: ['Windows'],
    source: { rule: 'P2', quote: PYTHON },
  },
  patchSource: {
    linux: {
      rule: 'P3',
      quote:
        'Linux ノードでは、通常、パッチ更新はノードに設定されているリモートリポジトリからダウンロードされます。したがって、パッチを適用するために、ノードはレポジトリに接続できる必要があります。',
    },
    windows: {
      rule: 'P3',
      quote:
        'Windows Server マネージドノードは、Windows Update カタログまたは Windows Server Update Services (WSUS) に接続できなくてはなりません。',
    },
  },
  s3: {
    source: {
      rule: 'P4',
      quote:
        'マネージドノードが動作するのがプライベート ネットワークまたは公開ネットワークのいずれであるかにかかわらず、必要な AWS マネージド Amazon Simple Storage Service (Amazon S3) バケットにアクセスできない場合、パッチ適用オペレーションは失敗します。',
    },
  },
  os: [
    {
      family: 'amazon-linux',
      label: 'Amazon Linux 2012.03 - 2018.03',
      versions: [range('2012.03', '2018.03')],
      source: { rule: 'P5', quote: 'Amazon Linux 2012.03 - 2018.03' },
      // "Amazon Linux AMI" is the product name of Amazon Linux 1, the only family this note names.
      note: {
        text: {
          ja: 'プロキシを使用する場合は、現行バージョンの Python requests モジュールが必要です。',
          en: 'If the node uses a proxy, it must run a current version of the Python requests module.',
        },
        source: {
          rule: 'P5',
          quote:
            'プロキシを使用する Amazon Linux AMI から作成されたマネージドノードでは、Patch Manager オペレーションをサポートするために、現行バージョンの Python requests モジュールを実行する必要があります。',
        },
      },
    },
    {
      family: 'amazon-linux-2',
      label: 'Amazon Linux 2 2 - 2.0',
      versions: [range('2', '2.0')],
      source: { rule: 'P5', quote: 'Amazon Linux 2 2 - 2.0' },
    },
    {
      family: 'amazon-linux-2022',
      label: 'Amazon Linux 2022',
      versions: [only('2022')],
      source: { rule: 'P5', quote: 'Amazon Linux 2022' },
    },
    {
      family: 'centos',
      label: 'CentOS 6.5 - 7.9、8.0 - 8.5',
      versions: [range('6.5', '7.9'), range('8.0', '8.5')],
      source: { rule: 'P5', quote: 'CentOS 6.5 - 7.9、8.0 - 8.5' },
    },
    {
      family: 'centos-stream',
      label: 'CentOS Stream 8',
      versions: [series('8')],
      source: { rule: 'P5', quote: 'CentOS Stream 8' },
    },
    {
      family: 'debian',
      label: 'Debian Server 8.x、9.x、および 10.x',
      versions: [series('8'), series('9'), series('10')],
      source: { rule: 'P5', quote: 'Debian Server 8.x、9.x、および 10.x' },
    },
    {
      family: 'oracle-linux',
      label: 'Oracle Linux 7.5-7.9',
      versions: [range('7.5', '7.9')],
      source: { rule: 'P5', quote: 'Oracle Linux 7.5-7.9' },
    },
    {
      family: 'raspberry-pi-os',
      label: 'Raspberry Pi OS (旧称 Raspbian) 9 (Stretch) および 10 (Buster)',
      versions: [series('9'), series('10')],
      source: { rule: 'P5', quote: 'Raspberry Pi OS (旧称 Raspbian) 9 (Stretch) および 10 (Buster)' },
    },
    {
      family: 'rhel',
      label: 'Red Hat Enterprise Linux (RHEL) 6.5~8.6',
      versions: [range('6.5', '8.6')],
      source: { rule: 'P5', quote: 'Red Hat Enterprise Linux (RHEL) 6.5~8.6' },
    },
    {
      family: 'rocky-linux',
      label: 'Rocky Linux 8.4 および 8.5',
      versions: [only('8.4'), only('8.5')],
      source: { rule: 'P5', quote: 'Rocky Linux 8.4 および 8.5' },
    },
    {
      family: 'sles',
      label: 'SUSE Linux Enterprise Server (SLES) 12.0 以降の 12.x バージョン: 15.0~15.4',
      versions: [range('12.0', '12.x'), range('15.0', '15.4')],
      source: { rule: 'P5', quote: 'SUSE Linux Enterprise Server (SLES) 12.0 以降の 12.x バージョン: 15.0~15.4' },
    },
    {
      family: 'ubuntu',
      label: 'Ubuntu Server 14.04 LTS、16.04 LTS、18.04 LTS、20.04 LTS、および 20.10 STR',
      versions: [only('14.04'), only('16.04'), only('18.04'), only('20.04'), only('20.10')],
      source: { rule: 'P5', quote: 'Ubuntu Server 14.04 LTS、16.04 LTS、18.04 LTS、20.04 LTS、および 20.10 STR' },
    },
    {
      family: 'macos',
      label: 'macOS 10.14.x (Mojave)、10.15.x (Catalina)、11.3.1 & 11.4 (Big Sur)',
      versions: [series('10.14'), series('10.15'), only('11.3.1'), only('11.4')],
      source: { rule: 'P5', quote: 'macOS 10.14.x (Mojave)、10.15.x (Catalina)、11.3.1 & 11.4 (Big Sur)' },
    },
    {
      family: 'windows-server',
      label: 'Windows Server 2008〜Windows Server 2022 (R2 バージョンを含む)',
      // Versions are release years; "2008 R2" compares as 2008, so R2 releases are inside (versionCompare).
      versions: [range('2008', '2022')],
      source: { rule: 'P5', quote: 'Windows Server 2008〜Windows Server 2022 (R2 バージョンを含む)。' },
    },
  ],
  unsupportedExamples: [
    { family: 'centos', label: 'CentOS 6.3', versions: [only('6.3')], source: { rule: 'P5', quote: MATRIX_INTRO } },
    {
      family: 'raspberry-pi-os',
      label: 'Raspberry Pi OS 8 (Jessie)',
      versions: [series('8')],
      source: { rule: 'P5', quote: MATRIX_INTRO },
    },
  ],
  windows2008: {
    match: {
      family: 'windows-server',
      label: 'Windows Server 2008 / 2008 R2',
      versions: [series('2008')],
      source: { rule: 'P6', quote: WINDOWS_2008 },
    },
    vendorSupportEnded: '2020-01-14',
    lastSupportedAgent: '2.3.1644.0',
    source: {
      rule: 'P6',
      quote:
        'さらに、SSM Agent バージョン 3.0 は、Windows Server 2008 および 2008 R2 のいずれのオペレーションとも互換性がない場合があります。Windows Server 2008 バージョンで正式にサポートされている最後の SSM Agent のバージョンは 2.3.1644.0 です。',
    },
  },
  greengrassUnsupported: [
    {
      family: 'macos',
      label: 'macOS',
      source: { rule: 'P5', quote: 'AWS IoT Greengrass コアデバイスの SSM Agent は、macOS ではサポートされていません。' },
    },
    {
      family: 'windows-client',
      label: 'Windows 10',
      versions: [only('10')],
      source: { rule: 'P7', quote: 'AWS IoT Greengrass コアデバイスの SSM Agent は、Windows 10 ではサポートされていません。' },
    },
  ],
};
