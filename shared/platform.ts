/**
 * Maps what SSM Agent reports (`PlatformType` / `PlatformName` / `PlatformVersion`) to a family id
 * and a comparable version (docs/design.md §4).
 *
 * How the agent fills the fields, and so what arrives here:
 * - Linux: `/etc/os-release` NAME and VERSION_ID, else `/etc/centos-release`, `/etc/system-release`,
 *   `/etc/redhat-release`, `lsb_release`. So names like "CentOS release 6.10 (Final)",
 *   "Raspbian GNU/Linux 10 (buster)", versions with build suffixes ("7.9.2009").
 * - Windows: WMI `Win32_OperatingSystem` Caption ("Microsoft® Windows Server® 2008 Standard") and
 *   Version, which is the kernel version (`10.0.17763`), not a year.
 * - macOS: `sw_vers`; older agents report macOS with PlatformType `Linux`.
 * - Any field may be empty or the literal `NotAvailable`.
 *
 * Families not in the seed's matrix (AlmaLinux, Fedora, Amazon Linux 2023, Windows client…) are still
 * recognised so that the catalog can say "not supported" (fail) rather than "cannot tell" (unknown),
 * and so that a later edition can list them as data alone.
 */
import type { NormalizedPlatform } from './model';
import { parseVersion, versionText } from './versionCompare';

export const PLATFORM_FAMILIES = [
  'amazon-linux',
  'amazon-linux-2',
  'amazon-linux-2022',
  'amazon-linux-2023',
  'centos',
  'centos-stream',
  'debian',
  'oracle-linux',
  'raspberry-pi-os',
  'rhel',
  'rocky-linux',
  'sles',
  'ubuntu',
  'almalinux',
  'fedora',
  'opensuse',
  'macos',
  'windows-server',
  'windows-client',
] as const;
export type PlatformFamilyId = (typeof PLATFORM_FAMILIES)[number];
export const UNKNOWN_FAMILY = 'unknown';

export const FAMILY_LABELS: Record<PlatformFamilyId, string> = {
  'amazon-linux': 'Amazon Linux',
  'amazon-linux-2': 'Amazon Linux 2',
  'amazon-linux-2022': 'Amazon Linux 2022',
  'amazon-linux-2023': 'Amazon Linux 2023',
  centos: 'CentOS',
  'centos-stream': 'CentOS Stream',
  debian: 'Debian Server',
  'oracle-linux': 'Oracle Linux',
  'raspberry-pi-os': 'Raspberry Pi OS',
  rhel: 'Red Hat Enterprise Linux',
  'rocky-linux': 'Rocky Linux',
  sles: 'SUSE Linux Enterprise Server',
  ubuntu: 'Ubuntu Server',
  almalinux: 'AlmaLinux',
  fedora: 'Fedora',
  opensuse: 'openSUSE',
  macos: 'macOS',
  'windows-server': 'Windows Server',
  'windows-client': 'Windows',
};

export function isPlatformFamily(id: string): id is PlatformFamilyId {
  return (PLATFORM_FAMILIES as readonly string[]).includes(id);
}

/** "Amazon Linux 2 2", "Windows Server 2012 R2", "unknown (Foo OS 3)": for tables and reports. */
export function platformLabel(platform: NormalizedPlatform): string {
  const family = isPlatformFamily(platform.family) ? FAMILY_LABELS[platform.family] : UNKNOWN_FAMILY;
  // "Amazon Linux 2" with version "2" reads better once.
  return platform.version && !family.endsWith(` ${platform.version}`) ? `${family} ${platform.version}` : family;
}

export interface ReportedPlatform {
  platformType?: string | undefined;
  platformName?: string | undefined;
  platformVersion?: string | undefined;
}

/** Empty strings and SSM's `NotAvailable` mean "not reported"; trademark signs are noise. */
function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value
    .replace(/[®™©]|\((?:R|TM)\)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' || /^not ?available$/i.test(text) ? undefined : text;
}

const MAC_NAME = /^(?:mac ?os(?: x)?|os x)\b/i;

const LINUX_NAMES: readonly (readonly [RegExp, PlatformFamilyId])[] = [
  [/^amazon linux ami\b/, 'amazon-linux'],
  [/^centos stream\b/, 'centos-stream'],
  [/^centos\b/, 'centos'],
  [/^debian\b/, 'debian'],
  [/^oracle linux\b/, 'oracle-linux'],
  [/^(?:raspbian|raspberry pi os)\b/, 'raspberry-pi-os'],
  [/^(?:red hat enterprise linux|rhel)\b/, 'rhel'],
  [/^rocky(?: linux)?\b/, 'rocky-linux'],
  [/^(?:sles|suse linux enterprise server)\b/, 'sles'],
  [/^ubuntu\b/, 'ubuntu'],
  [/^almalinux\b/, 'almalinux'],
  [/^fedora\b/, 'fedora'],
  [/^opensuse\b/, 'opensuse'],
];

/**
 * Amazon Linux changed its NAME: AL1 is "Amazon Linux AMI" (releases 2011.09–2018.03), while AL2,
 * AL2022 and AL2023 are all "Amazon Linux" told apart by VERSION_ID ("2", "2022", "2023").
 */
function amazonLinuxFamily(version: readonly number[] | undefined): PlatformFamilyId | undefined {
  const major = version?.[0];
  if (major === undefined) return undefined;
  if (major === 2) return 'amazon-linux-2';
  if (major === 2022) return 'amazon-linux-2022';
  if (major === 2023) return 'amazon-linux-2023';
  if (major >= 2010 && major <= 2018) return 'amazon-linux';
  return undefined;
}

/** Fallback files read by old agents put the release in the name: "CentOS release 6.10 (Final)". */
function versionInName(name: string): string | undefined {
  const match = /(?:release\s+|\s)(\d+(?:\.\d+)*)(?=\s|\(|$)/i.exec(name);
  return match?.[1];
}

function normalizeLinux(name: string | undefined, reportedVersion: string | undefined): NormalizedPlatform {
  if (!name) return { type: 'Linux', family: UNKNOWN_FAMILY, ...(reportedVersion ? { version: reportedVersion } : {}) };
  const version = versionText(reportedVersion) ?? versionInName(name);
  const key = name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let family: PlatformFamilyId | undefined = LINUX_NAMES.find(([pattern]) => pattern.test(key))?.[1];
  if (family === undefined && /^amazon linux\b/.test(key)) family = amazonLinuxFamily(parseVersion(version));
  return { type: 'Linux', family: family ?? UNKNOWN_FAMILY, ...(version ? { version } : {}) };
}

/** Server releases by kernel version: WMI reports the kernel, and the caption's year is a fallback. */
function serverReleaseFromKernel(kernel: readonly number[] | undefined): string | undefined {
  if (!kernel) return undefined;
  const [major, minor, build] = kernel;
  if (major === 6) return ({ 0: '2008', 1: '2008 R2', 2: '2012', 3: '2012 R2' } as Record<number, string>)[minor ?? -1];
  if (major === 10 && minor === 0 && build !== undefined) {
    return ({ 14393: '2016', 17763: '2019', 20348: '2022', 26100: '2025' } as Record<number, string>)[build];
  }
  return undefined;
}

function normalizeWindows(caption: string | undefined, kernel: string | undefined): NormalizedPlatform {
  const text = caption?.toLowerCase() ?? '';
  if (/\bserver\b/.test(text)) {
    const year = /server (\d{4})( r2)?\b/.exec(text);
    const version = serverReleaseFromKernel(parseVersion(kernel)) ?? (year ? `${year[1]}${year[2] ? ' R2' : ''}` : undefined);
    return { type: 'Windows', family: 'windows-server', ...(version ? { version } : {}) };
  }
  // Client and server share kernels (6.1.7601 is both Windows 7 and 2008 R2), so only the caption tells them apart.
  const client = /\bwindows (11|10|8\.1|8|7|vista|xp)\b/.exec(text);
  if (client?.[1]) return { type: 'Windows', family: 'windows-client', version: client[1] };
  return { type: 'Windows', family: UNKNOWN_FAMILY, ...(kernel ? { version: kernel } : {}) };
}

export function normalizePlatform(reported: ReportedPlatform): NormalizedPlatform {
  const type = clean(reported.platformType);
  const name = clean(reported.platformName);
  const version = clean(reported.platformVersion);
  if ((name && MAC_NAME.test(name)) || type?.toLowerCase() === 'macos') {
    const macVersion = versionText(version);
    return { type: 'MacOS', family: 'macos', ...(macVersion ? { version: macVersion } : {}) };
  }
  if (type?.toLowerCase() === 'windows' || (type === undefined && name && /\bwindows\b/i.test(name))) {
    return normalizeWindows(name, version);
  }
  if (type?.toLowerCase() === 'linux') return normalizeLinux(name, version);
  if (type === undefined && name) {
    const linux = normalizeLinux(name, version);
    if (linux.family !== UNKNOWN_FAMILY) return linux;
  }
  return { type: 'unknown', family: UNKNOWN_FAMILY, ...(version ? { version } : {}) };
}
