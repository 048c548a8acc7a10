/**
 * Edition `aws-2026-11`: AWS's current English page "Patch Manager prerequisites"
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html), with its
 * section "Supported operating systems for Patch Manager". The page is copied beside this file as
 * aws-2026-11.source.en.txt, which says where the text came from and what was not available. Each quote
 * below appears verbatim in that copy (a unit test checks).
 *
 * Rule numbers follow the seed (docs/design.md §4):
 * - P1: SSM Agent version.
 * - P2: Python version.
 * - P3: connectivity to the patch source (Linux repos; Windows Update Catalog or WSUS).
 * - P4: S3 endpoint access.
 * - P5: the OS table, including its macOS caveat and macOS Greengrass line.
 * - P6: Windows Server end of vendor support. The seed's was about 2008; this page's is about 2012 / 2012 R2,
 *   kept as a note on the Windows Server entry. The page no longer lists 2008, so this edition has no
 *   `windows2008` rule.
 * - P7: the Windows 10 Greengrass line.
 *
 * Left out because no collected fact can check them: IPv6-only connectivity, CentOS Stream's
 * EnableNonSecurity baseline flag, local install permissions (root / Administrator, Homebrew ownership),
 * Homebrew's install location, macOS Region support, and the EOL advice.
 */
import type { CatalogEditionInput } from './schema';
import { atLeast, only, range, series } from './versionRange';

const GREENGRASS_MACOS = 'SSM Agent for AWS IoT Greengrass core devices is not supported on macOS.';
const GREENGRASS_WINDOWS_10 = 'SSM Agent for AWS IoT Greengrass core devices is not supported on Windows 10.';

export const aws202611: CatalogEditionInput = {
  id: 'aws-2026-11',
  title: {
    ja: 'Patch Manager の前提条件 (AWS 英語版, 2026 年 11 月)',
    en: 'Patch Manager prerequisites (AWS English page, November 2026)',
  },
  name: { en: 'AWS page, November 2026', ja: 'AWSのページ（2026年11月）' },
  describes: '2026-11',
  document:
    'AWS Systems Manager User Guide, "Patch Manager prerequisites" (English), https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html, retrieved 2026-12-02',
  agent: {
    minimum: '2.0.834.0',
    source: {
      rule: 'P1',
      quote: 'Version 2.0.834.0 or later of SSM Agent is running on the managed node you want to manage with Patch Manager.',
    },
  },
  python: {
    range: range('2.6', '3.12'),
    python3Only: { families: ['almalinux', 'debian', 'ubuntu'], range: range('3.0', '3.12') },
    // As in the seed, the page states a requirement for macOS and Linux only.
    notRequiredTypes: ['Windows'],
    source: {
      rule: 'P2',
      quote:
        'For macOS and most Linux operating systems (OSs), Patch Manager currently supports Python versions 2.6 - 3.12. The AlmaLinux, Debian Server, and Ubuntu Server OSs require a supported version of Python 3 (3.0 - 3.12).',
    },
  },
  patchSource: {
    linux: {
      rule: 'P3',
      quote:
        'On Linux nodes, patch updates are typically downloaded from the remote repos configured on the node. Therefore, the node must be able to connect to the repos so the patching can be performed.',
    },
    windows: {
      rule: 'P3',
      quote: 'Windows Server managed nodes must be able to connect to the Windows Update Catalog or Windows Server Update Services (WSUS).',
    },
  },
  s3: {
    source: {
      rule: 'P4',
      quote:
        'Whether your managed nodes operate in a private or public network, without access to the required AWS managed Amazon Simple Storage Service (Amazon S3) buckets, patching operations fail.',
    },
  },
  os: [
    {
      family: 'almalinux',
      label: 'AlmaLinux 8.x, 9.x',
      versions: [series('8'), series('9')],
      source: { rule: 'P5', quote: 'AlmaLinux 8.x, 9.x' },
    },
    {
      family: 'amazon-linux-2',
      label: 'Amazon Linux 2 version 2.0 and all later versions',
      // Amazon Linux 2 reports VERSION_ID "2", which is 2.0.
      versions: [atLeast('2.0')],
      source: { rule: 'P5', quote: 'Amazon Linux 2 version 2.0 and all later versions' },
    },
    {
      family: 'amazon-linux-2023',
      label: 'Amazon Linux 2023',
      versions: [only('2023')],
      source: { rule: 'P5', quote: 'Amazon Linux 2023' },
    },
    {
      family: 'centos-stream',
      label: 'CentOS Stream 9',
      versions: [series('9')],
      source: { rule: 'P5', quote: 'CentOS Stream 9' },
    },
    {
      family: 'debian',
      label: 'Debian Server 11.x, and 12.x',
      versions: [series('11'), series('12')],
      source: { rule: 'P5', quote: 'Debian Server 11.x, and 12.x' },
    },
    {
      family: 'oracle-linux',
      label: 'Oracle Linux 7.5–8.x, 9.x',
      versions: [range('7.5', '8.x'), series('9')],
      source: { rule: 'P5', quote: 'Oracle Linux 7.5–8.x, 9.x' },
    },
    {
      family: 'rhel',
      label: 'Red Hat Enterprise Linux (RHEL) 7.x–8.x, 9.x, 10.x',
      versions: [range('7.x', '8.x'), series('9'), series('10')],
      source: { rule: 'P5', quote: 'Red Hat Enterprise Linux (RHEL) 7.x–8.x, 9.x, 10.x' },
    },
    {
      family: 'rocky-linux',
      label: 'Rocky Linux 8.x, 9.x',
      versions: [series('8'), series('9')],
      source: { rule: 'P5', quote: 'Rocky Linux 8.x, 9.x' },
    },
    {
      family: 'sles',
      label: 'SUSE Linux Enterprise Server 15.3 and later',
      versions: [atLeast('15.3')],
      source: { rule: 'P5', quote: 'SUSE Linux Enterprise Server 15.3 and later' },
    },
    {
      family: 'ubuntu',
      label: 'Ubuntu Server 16.04 LTS, 18.04 LTS, 20.04 LTS, 22.04 LTS, 24.04 LTS, and 25.04',
      versions: [only('16.04'), only('18.04'), only('20.04'), only('22.04'), only('24.04'), only('25.04')],
      source: { rule: 'P5', quote: 'Ubuntu Server 16.04 LTS, 18.04 LTS, 20.04 LTS, 22.04 LTS, 24.04 LTS, and 25.04' },
    },
    {
      family: 'macos',
      label: 'macOS 13.0–13.7 (Ventura), 14.x (Sonoma), 15.x (Sequoia)',
      versions: [range('13.0', '13.7'), series('14'), series('15')],
      source: { rule: 'P5', quote: '13.0–13.7 (Ventura)\n14.x (Sonoma)\n15.x (Sequoia)' },
      // A check (issue 27): a macOS node registered as a hybrid managed node (mi-, ManagedInstance) fails.
      ec2Only: { source: { rule: 'P5', quote: 'macOS is supported for Amazon EC2 instances only.' } },
    },
    {
      family: 'windows-server',
      label: 'Windows Server 2012 through Windows Server 2025, including R2 versions',
      // Versions are release years; "2012 R2" compares as 2012, so R2 releases are inside (versionCompare).
      versions: [range('2012', '2025')],
      source: { rule: 'P5', quote: 'Windows Server 2012 through Windows Server 2025, including R2 versions.' },
      note: {
        text: {
          ja: 'Windows Server 2012 と 2012 R2 は 2023 年 10 月 10 日にサポートが終了しました。Patch Manager で使用する場合は、Microsoft の拡張セキュリティ更新プログラム (ESU) の併用が推奨されます。',
          en: 'Windows Server 2012 and 2012 R2 reached end of support on October 10, 2023. To use Patch Manager with them, AWS recommends also using Extended Security Updates (ESUs) from Microsoft.',
        },
        versions: [series('2012')],
        source: {
          rule: 'P6',
          quote:
            'Windows Server 2012 and 2012 R2 reached end of support on October 10, 2023. To use Patch Manager with these versions, we recommend also using Extended Security Updates (ESUs) from Microsoft.',
        },
      },
    },
  ],
  // The page names no explicitly unsupported version.
  unsupportedExamples: [],
  greengrassUnsupported: [
    { family: 'macos', label: 'macOS', source: { rule: 'P5', quote: GREENGRASS_MACOS } },
    { family: 'windows-client', label: 'Windows 10', versions: [only('10')], source: { rule: 'P7', quote: GREENGRASS_WINDOWS_10 } },
  ],
};
