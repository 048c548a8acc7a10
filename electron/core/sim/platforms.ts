/**
 * The platforms the fleet generator puts on nodes, with the strings SSM Agent really reports
 * (docs/design.md §4): on Linux `/etc/os-release` NAME and VERSION_ID (RHEL 6 / CentOS 6 have no
 * os-release, so the agent falls back to the release files; CentOS reports the full build from
 * /etc/centos-release), on Windows the WMI Caption and the kernel version, on macOS sw_vers.
 * `supported` mirrors the seed's P5 list so tests can count both sides.
 */
export type PlatformType = 'Linux' | 'Windows' | 'MacOS';

export interface InventoryApp {
  name: string;
  version: string;
}

export interface PlatformVariant {
  /** Generator-side family label (not an SSM field): lets tests assert coverage. */
  family: string;
  type: PlatformType;
  name: string;
  version: string;
  /** In the seed's Patch Manager list (P5). */
  supported: boolean;
  /** Alternative sets of Python packages a node of this platform may have (P2). */
  python: readonly (readonly InventoryApp[])[];
  /** Relative frequency in a generated fleet. */
  weight: number;
}

const app = (name: string, version: string): InventoryApp => ({ name, version });

const amznAmi = [[app('python27', '2.7.18-1.141.amzn1')], [app('python27', '2.7.18-1.141.amzn1'), app('python36', '3.6.12-1.19.amzn1')]];
const amzn2 = [[app('python', '2.7.18-1.amzn2.0.5')], [app('python', '2.7.18-1.amzn2.0.5'), app('python3', '3.7.16-1.amzn2.0.2')]];
const el6 = [[app('python', '2.6.6-68.el6_10')]];
const el7 = [[app('python', '2.7.5-90.el7')], [app('python', '2.7.5-90.el7'), app('python3', '3.6.8-18.el7')]];
const el8 = [
  [app('python3', '3.6.8-41.el8'), app('platform-python', '3.6.8-41.el8')],
  [app('python39', '3.9.13-1.module+el8.7.0+15641+2ece4388')],
];
const el9 = [[app('python3', '3.9.18-3.el9')], [app('python3', '3.9.18-3.el9'), app('python3.11', '3.11.7-1.el9')]];
const sles12 = [[app('python', '2.7.18-33.1')], [app('python', '2.7.18-33.1'), app('python3', '3.4.10-25.1')]];
const sles15 = [[app('python3', '3.6.15-150300.10.40.1')]];
const mac = [[app('python', '2.7.16'), app('python3', '3.8.9')], [app('python', '2.7.18')]];
const windows = [[], [app('Python 3.8.10 (64-bit)', '3.8.10150.0')]];

const debianPython = (v: string): (readonly InventoryApp[])[] => {
  const byRelease: Record<string, InventoryApp[]> = {
    '8': [app('python2.7', '2.7.9-2+deb8u5'), app('python3.4', '3.4.2-1')],
    '9': [app('python3.5', '3.5.3-1+deb9u1'), app('python3', '3.5.3-1')],
    '10': [app('python3.7', '3.7.3-2+deb10u3'), app('python3', '3.7.3-1')],
    '11': [app('python3.9', '3.9.2-1'), app('python3', '3.9.2-3')],
    '12': [app('python3.11', '3.11.2-6+deb12u1'), app('python3', '3.11.2-1+b1')],
  };
  return [byRelease[v] ?? [], [app('python2.7', '2.7.16-2+deb10u1')]];
};

const ubuntuPython: Record<string, (readonly InventoryApp[])[]> = {
  '14.04': [[app('python3.4', '3.4.3-1ubuntu1~14.04.7'), app('python2.7', '2.7.6-8ubuntu0.5')]],
  '16.04': [[app('python3.5', '3.5.2-2ubuntu0~16.04.13')], [app('python2.7', '2.7.12-1ubuntu0~16.04.18'), app('python', '2.7.12-1~16.04')]],
  '18.04': [
    [app('python3.6', '3.6.9-1~18.04ubuntu1.9'), app('python3', '3.6.7-1~18.04')],
    [app('python2.7', '2.7.17-1~18.04ubuntu1.11'), app('python', '2.7.15~rc1-1')],
  ],
  '20.04': [[app('python3.8', '3.8.10-0ubuntu1~20.04.6'), app('python3', '3.8.2-0ubuntu2')]],
  '20.10': [[app('python3.8', '3.8.6-1'), app('python3', '3.8.6-0ubuntu1')]],
  '22.04': [[app('python3.10', '3.10.12-1~22.04.3'), app('python3', '3.10.6-1~22.04')]],
  '24.04': [[app('python3.12', '3.12.3-1ubuntu0.1'), app('python3', '3.12.3-0ubuntu2')]],
};

function variants(
  family: string,
  type: PlatformType,
  name: string,
  versions: readonly string[],
  supported: boolean,
  python: (version: string) => readonly (readonly InventoryApp[])[],
  weight: number,
): PlatformVariant[] {
  return versions.map((version) => ({ family, type, name, version, supported, python: python(version), weight }));
}

const always = (sets: readonly (readonly InventoryApp[])[]) => () => sets;

export const PLATFORMS: readonly PlatformVariant[] = [
  ...variants(
    'AmazonLinux',
    'Linux',
    'Amazon Linux AMI',
    ['2012.03', '2013.09', '2014.09', '2015.03', '2016.09', '2017.09', '2018.03'],
    true,
    always(amznAmi),
    1,
  ),
  ...variants('AmazonLinux2', 'Linux', 'Amazon Linux', ['2'], true, always(amzn2), 30),
  ...variants('AmazonLinux2022', 'Linux', 'Amazon Linux', ['2022'], true, always([[app('python3', '3.9.16-1.amzn2022.0.3')]]), 2),
  ...variants('CentOS', 'Linux', 'CentOS', ['6.5', '6.10'], true, always(el6), 1),
  ...variants(
    'CentOS',
    'Linux',
    'CentOS Linux',
    ['7.5.1804', '7.6.1810', '7.8.2003', '7.9.2009', '7', '8.0.1905', '8.2.2004', '8.4.2105', '8.5.2111'],
    true,
    (v) => (v.startsWith('8') ? el8 : el7),
    2,
  ),
  ...variants('CentOSStream', 'Linux', 'CentOS Stream', ['8'], true, always(el8), 1),
  ...variants('Debian', 'Linux', 'Debian GNU/Linux', ['8', '9', '10'], true, debianPython, 2),
  ...variants(
    'OracleLinux',
    'Linux',
    'Oracle Linux Server',
    ['7.5', '7.6', '7.7', '7.8', '7.9'],
    true,
    always([[app('python', '2.7.5-94.0.1.el7_9')]]),
    1,
  ),
  ...variants('RaspberryPiOS', 'Linux', 'Raspbian GNU/Linux', ['9', '10'], true, debianPython, 1),
  ...variants(
    'RHEL',
    'Linux',
    'Red Hat Enterprise Linux Server',
    ['6.5', '6.10', '7.5', '7.9'],
    true,
    (v) => (v.startsWith('6') ? el6 : el7),
    2,
  ),
  ...variants('RHEL', 'Linux', 'Red Hat Enterprise Linux', ['8.0', '8.4', '8.6'], true, always(el8), 3),
  ...variants('RockyLinux', 'Linux', 'Rocky Linux', ['8.4', '8.5'], true, always([[app('python3', '3.6.8-45.el8.rocky.0')]]), 1),
  ...variants('SLES', 'Linux', 'SLES', ['12', '12.3', '12.5'], true, always(sles12), 1),
  ...variants('SLES', 'Linux', 'SLES', ['15', '15.1', '15.2', '15.3', '15.4'], true, always(sles15), 1),
  ...variants('Ubuntu', 'Linux', 'Ubuntu', ['14.04', '16.04', '18.04', '20.04', '20.10'], true, (v) => ubuntuPython[v] ?? [], 6),
  ...variants('macOS', 'MacOS', 'macOS', ['10.15.7', '11.3.1', '11.4'], true, always(mac), 1),
  ...variants('macOS', 'MacOS', 'Mac OS X', ['10.14.6'], true, always(mac), 1),
  ...variants('WindowsServer', 'Windows', 'Microsoft® Windows Server® 2008 Datacenter', ['6.0.6002'], true, always(windows), 1),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2008 R2 Datacenter', ['6.1.7601'], true, always(windows), 1),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2012 Standard', ['6.2.9200'], true, always(windows), 1),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2012 R2 Datacenter', ['6.3.9600'], true, always(windows), 3),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2016 Datacenter', ['10.0.14393'], true, always(windows), 5),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2019 Datacenter', ['10.0.17763'], true, always(windows), 8),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2022 Standard', ['10.0.20348'], true, always(windows), 5),
  // Outside the seed's list (P5): the explicit examples plus newer releases it predates.
  ...variants('CentOS', 'Linux', 'CentOS', ['6.3'], false, always(el6), 1),
  ...variants('RaspberryPiOS', 'Linux', 'Raspbian GNU/Linux', ['8'], false, debianPython, 1),
  ...variants('Ubuntu', 'Linux', 'Ubuntu', ['22.04'], false, (v) => ubuntuPython[v] ?? [], 3),
  ...variants('Debian', 'Linux', 'Debian GNU/Linux', ['11'], false, debianPython, 1),
  ...variants('RHEL', 'Linux', 'Red Hat Enterprise Linux', ['9.0', '9.2'], false, always([[app('python3', '3.9.14-1.el9')]]), 1),
  ...variants('Windows10', 'Windows', 'Microsoft Windows 10 Pro', ['10.0.19045'], false, always(windows), 1),
  ...variants('macOS', 'MacOS', 'macOS', ['12.6'], false, always([[app('python3', '3.9.6')]]), 1),
  ...variants('AmazonLinux2023', 'Linux', 'Amazon Linux', ['2023'], false, always([[app('python3', '3.9.16-1.amzn2023.0.4')]]), 2),
  // Listed by AWS's current page (edition aws-2026-11), not by the seed: what "what changes" gains.
  ...variants('AlmaLinux', 'Linux', 'AlmaLinux', ['8.10', '9.4'], false, (v) => (v.startsWith('8') ? el8 : el9), 2),
  ...variants('RockyLinux', 'Linux', 'Rocky Linux', ['9.5'], false, always(el9), 1),
  ...variants('RHEL', 'Linux', 'Red Hat Enterprise Linux', ['9.4'], false, always(el9), 1),
  ...variants('Ubuntu', 'Linux', 'Ubuntu', ['24.04'], false, (v) => ubuntuPython[v] ?? [], 2),
  ...variants('Debian', 'Linux', 'Debian GNU/Linux', ['12'], false, debianPython, 1),
  ...variants('WindowsServer', 'Windows', 'Microsoft Windows Server 2025 Datacenter', ['10.0.26100'], false, always(windows), 2),
];

/** Platforms a Greengrass core device runs in the generated fleet (P5, P7: macOS and Windows 10 are not patchable). */
export const GREENGRASS_PLATFORMS: readonly PlatformVariant[] = PLATFORMS.filter(
  (p) =>
    (p.family === 'Ubuntu' && p.version === '20.04') ||
    (p.family === 'RaspberryPiOS' && p.version === '10') ||
    (p.family === 'macOS' && p.version === '11.4') ||
    p.family === 'Windows10',
);

/** What a node reports when the agent could not read the OS (docs/design.md §4: the literal `NotAvailable`, or nothing). */
export const UNKNOWN_PLATFORMS: readonly PlatformVariant[] = [
  { family: 'Unknown', type: 'Linux', name: 'NotAvailable', version: 'NotAvailable', supported: false, python: [[]], weight: 0 },
  { family: 'Unknown', type: 'Linux', name: '', version: '', supported: false, python: [[]], weight: 0 },
];
