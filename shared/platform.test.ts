import { describe, expect, it } from 'vitest';
import { normalizePlatform, platformLabel } from './platform';

type Row = [
  type: string | undefined,
  name: string | undefined,
  version: string | undefined,
  expected: { type: string; family: string; version?: string },
];

// What SSM Agent really reports, by the source it reads (os-release, *-release files, WMI, sw_vers).
const ROWS: Row[] = [
  ['Linux', 'Amazon Linux AMI', '2018.03', { type: 'Linux', family: 'amazon-linux', version: '2018.03' }],
  ['Linux', 'Amazon Linux AMI', '2012.03', { type: 'Linux', family: 'amazon-linux', version: '2012.03' }],
  ['Linux', 'Amazon Linux', '2018.03', { type: 'Linux', family: 'amazon-linux', version: '2018.03' }],
  ['Linux', 'Amazon Linux', '2', { type: 'Linux', family: 'amazon-linux-2', version: '2' }],
  ['Linux', 'Amazon Linux 2', '', { type: 'Linux', family: 'amazon-linux-2', version: '2' }],
  ['Linux', 'Amazon Linux', '2022', { type: 'Linux', family: 'amazon-linux-2022', version: '2022' }],
  ['Linux', 'Amazon Linux', '2023', { type: 'Linux', family: 'amazon-linux-2023', version: '2023' }],
  ['Linux', 'Amazon Linux', 'NotAvailable', { type: 'Linux', family: 'unknown' }],
  ['Linux', 'CentOS Linux', '7.9.2009', { type: 'Linux', family: 'centos', version: '7.9.2009' }],
  ['Linux', 'CentOS Linux', '8.5.2111', { type: 'Linux', family: 'centos', version: '8.5.2111' }],
  ['Linux', 'CentOS release 6.10 (Final)', '', { type: 'Linux', family: 'centos', version: '6.10' }],
  ['Linux', 'CentOS', '6.3', { type: 'Linux', family: 'centos', version: '6.3' }],
  ['Linux', 'CentOS Stream', '8', { type: 'Linux', family: 'centos-stream', version: '8' }],
  ['Linux', 'Debian GNU/Linux', '10', { type: 'Linux', family: 'debian', version: '10' }],
  ['Linux', 'Oracle Linux Server', '7.9', { type: 'Linux', family: 'oracle-linux', version: '7.9' }],
  ['Linux', 'Raspbian GNU/Linux', '10', { type: 'Linux', family: 'raspberry-pi-os', version: '10' }],
  ['Linux', 'Raspbian GNU/Linux 10 (buster)', 'NotAvailable', { type: 'Linux', family: 'raspberry-pi-os', version: '10' }],
  ['Linux', 'Raspberry Pi OS', '9', { type: 'Linux', family: 'raspberry-pi-os', version: '9' }],
  ['Linux', 'Red Hat Enterprise Linux Server', '7.9', { type: 'Linux', family: 'rhel', version: '7.9' }],
  ['Linux', 'Red Hat Enterprise Linux', '8.6', { type: 'Linux', family: 'rhel', version: '8.6' }],
  ['Linux', 'Red Hat Enterprise Linux Server release 6.5 (Santiago)', '', { type: 'Linux', family: 'rhel', version: '6.5' }],
  ['Linux', 'Rocky Linux', '8.5', { type: 'Linux', family: 'rocky-linux', version: '8.5' }],
  ['Linux', 'SLES', '15.4', { type: 'Linux', family: 'sles', version: '15.4' }],
  ['Linux', 'SUSE Linux Enterprise Server', '12.5', { type: 'Linux', family: 'sles', version: '12.5' }],
  ['Linux', 'Ubuntu', '20.04', { type: 'Linux', family: 'ubuntu', version: '20.04' }],
  ['Linux', 'Ubuntu', '18.04.6 LTS', { type: 'Linux', family: 'ubuntu', version: '18.04.6' }],
  ['Linux', 'AlmaLinux', '8.6', { type: 'Linux', family: 'almalinux', version: '8.6' }],
  // releases that only edition aws-2026-11 lists, by their os-release NAME / VERSION_ID
  ['Linux', 'AlmaLinux', '9.4', { type: 'Linux', family: 'almalinux', version: '9.4' }],
  ['Linux', 'Rocky Linux', '9.5', { type: 'Linux', family: 'rocky-linux', version: '9.5' }],
  ['Linux', 'Red Hat Enterprise Linux', '9.4', { type: 'Linux', family: 'rhel', version: '9.4' }],
  ['Linux', 'Red Hat Enterprise Linux', '10.0', { type: 'Linux', family: 'rhel', version: '10.0' }],
  ['Linux', 'CentOS Stream', '9', { type: 'Linux', family: 'centos-stream', version: '9' }],
  ['Linux', 'Debian GNU/Linux', '12', { type: 'Linux', family: 'debian', version: '12' }],
  ['Linux', 'Oracle Linux Server', '9.4', { type: 'Linux', family: 'oracle-linux', version: '9.4' }],
  ['Linux', 'SLES', '15.6', { type: 'Linux', family: 'sles', version: '15.6' }],
  ['Linux', 'Ubuntu', '24.04', { type: 'Linux', family: 'ubuntu', version: '24.04' }],
  ['MacOS', 'macOS', '15.1', { type: 'MacOS', family: 'macos', version: '15.1' }],
  ['Linux', 'Fedora Linux', '36', { type: 'Linux', family: 'fedora', version: '36' }],
  ['Linux', 'Gentoo', '2.8', { type: 'Linux', family: 'unknown', version: '2.8' }],
  ['Linux', '', '', { type: 'Linux', family: 'unknown' }],
  // macOS through sw_vers, and older agents that say "Linux"
  ['MacOS', 'macOS', '11.4', { type: 'MacOS', family: 'macos', version: '11.4' }],
  ['MacOS', 'Mac OS X', '10.15.7', { type: 'MacOS', family: 'macos', version: '10.15.7' }],
  ['Linux', 'Mac OS X', '10.14.6', { type: 'MacOS', family: 'macos', version: '10.14.6' }],
  ['MacOS', 'NotAvailable', 'NotAvailable', { type: 'MacOS', family: 'macos' }],
  // Windows: WMI caption and kernel version
  ['Windows', 'Microsoft® Windows Server® 2008 Standard', '6.0.6002', { type: 'Windows', family: 'windows-server', version: '2008' }],
  ['Windows', 'Microsoft Windows Server 2008 R2 Datacenter', '6.1.7601', { type: 'Windows', family: 'windows-server', version: '2008 R2' }],
  ['Windows', 'Microsoft Windows Server 2012 Standard', '6.2.9200', { type: 'Windows', family: 'windows-server', version: '2012' }],
  ['Windows', 'Microsoft Windows Server 2012 R2 Datacenter', '6.3.9600', { type: 'Windows', family: 'windows-server', version: '2012 R2' }],
  ['Windows', 'Microsoft Windows Server 2016 Datacenter', '10.0.14393', { type: 'Windows', family: 'windows-server', version: '2016' }],
  ['Windows', 'Microsoft Windows Server 2019 Datacenter', '10.0.17763', { type: 'Windows', family: 'windows-server', version: '2019' }],
  ['Windows', 'Microsoft Windows Server 2022 Datacenter', '10.0.20348', { type: 'Windows', family: 'windows-server', version: '2022' }],
  ['Windows', 'Microsoft Windows Server 2025 Datacenter', '10.0.26100', { type: 'Windows', family: 'windows-server', version: '2025' }],
  [
    'Windows',
    'Microsoft(R) Windows(R) Server 2003, Standard Edition',
    '5.2.3790',
    { type: 'Windows', family: 'windows-server', version: '2003' },
  ],
  // the caption's year is the fallback when the kernel build is not a known release
  ['Windows', 'Microsoft Windows Server 2019 Datacenter', 'NotAvailable', { type: 'Windows', family: 'windows-server', version: '2019' }],
  ['Windows', 'Microsoft Windows Server Datacenter', '10.0.19042', { type: 'Windows', family: 'windows-server' }],
  ['Windows', 'Microsoft Windows 10 Pro', '10.0.19045', { type: 'Windows', family: 'windows-client', version: '10' }],
  ['Windows', 'Microsoft Windows 11 Enterprise', '10.0.22621', { type: 'Windows', family: 'windows-client', version: '11' }],
  // 6.1.7601 is both Windows 7 and 2008 R2: without a caption the family cannot be placed
  ['Windows', 'NotAvailable', '6.1.7601', { type: 'Windows', family: 'unknown', version: '6.1.7601' }],
  [undefined, 'Microsoft Windows Server 2016 Datacenter', '10.0.14393', { type: 'Windows', family: 'windows-server', version: '2016' }],
  [undefined, 'Ubuntu', '20.04', { type: 'Linux', family: 'ubuntu', version: '20.04' }],
  ['NotAvailable', 'NotAvailable', 'NotAvailable', { type: 'unknown', family: 'unknown' }],
  [undefined, undefined, undefined, { type: 'unknown', family: 'unknown' }],
  ['', 'Plan 9', '4', { type: 'unknown', family: 'unknown', version: '4' }],
];

describe('normalizePlatform', () => {
  it.each(ROWS)('%s / %s / %s', (platformType, platformName, platformVersion, expected) => {
    expect(normalizePlatform({ platformType, platformName, platformVersion })).toEqual(expected);
  });
});

describe('platformLabel', () => {
  it('names the family and version, or says unknown', () => {
    expect(platformLabel({ type: 'Windows', family: 'windows-server', version: '2012 R2' })).toBe('Windows Server 2012 R2');
    expect(platformLabel({ type: 'Linux', family: 'ubuntu', version: '20.04' })).toBe('Ubuntu Server 20.04');
    expect(platformLabel({ type: 'unknown', family: 'unknown' })).toBe('unknown');
    expect(platformLabel({ type: 'Linux', family: 'amazon-linux-2', version: '2' })).toBe('Amazon Linux 2');
    expect(platformLabel({ type: 'Linux', family: 'amazon-linux-2', version: '2.0.2022' })).toBe('Amazon Linux 2 2.0.2022');
  });
});
