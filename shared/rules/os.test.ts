import { describe, expect, it } from 'vitest';
import { check, nodeFacts } from '../../test/unit/nodeFactsFixture';

type Row = [type: string, name: string, version: string, status: string];

// Both sides of every boundary in the seed's matrix (P5), with names as SSM reports them.
const MATRIX: Row[] = [
  ['Linux', 'Amazon Linux AMI', '2011.09', 'fail'],
  ['Linux', 'Amazon Linux AMI', '2012.03', 'pass'],
  ['Linux', 'Amazon Linux AMI', '2018.03', 'pass'],
  ['Linux', 'Amazon Linux', '2', 'pass'],
  ['Linux', 'Amazon Linux', '2.0.20220606.1', 'pass'],
  ['Linux', 'Amazon Linux', '2022', 'pass'],
  ['Linux', 'Amazon Linux', '2023', 'fail'],
  ['Linux', 'CentOS', '6.3', 'fail'],
  ['Linux', 'CentOS', '6.4', 'fail'],
  ['Linux', 'CentOS', '6.5', 'pass'],
  ['Linux', 'CentOS release 6.10 (Final)', '', 'pass'],
  ['Linux', 'CentOS Linux', '7.9.2009', 'pass'],
  ['Linux', 'CentOS Linux', '8.0.1905', 'pass'],
  ['Linux', 'CentOS Linux', '8.5.2111', 'pass'],
  ['Linux', 'CentOS Linux', '8.6', 'fail'],
  ['Linux', 'CentOS Stream', '8', 'pass'],
  ['Linux', 'CentOS Stream', '9', 'fail'],
  ['Linux', 'Debian GNU/Linux', '7', 'fail'],
  ['Linux', 'Debian GNU/Linux', '8', 'pass'],
  ['Linux', 'Debian GNU/Linux', '9', 'pass'],
  ['Linux', 'Debian GNU/Linux', '10', 'pass'],
  ['Linux', 'Debian GNU/Linux', '11', 'fail'],
  ['Linux', 'Oracle Linux Server', '7.4', 'fail'],
  ['Linux', 'Oracle Linux Server', '7.5', 'pass'],
  ['Linux', 'Oracle Linux Server', '7.9', 'pass'],
  ['Linux', 'Oracle Linux Server', '8.0', 'fail'],
  ['Linux', 'Raspbian GNU/Linux', '8', 'fail'],
  ['Linux', 'Raspbian GNU/Linux', '9', 'pass'],
  ['Linux', 'Raspbian GNU/Linux 10 (buster)', 'NotAvailable', 'pass'],
  ['Linux', 'Raspbian GNU/Linux', '11', 'fail'],
  ['Linux', 'Red Hat Enterprise Linux Server', '6.4', 'fail'],
  ['Linux', 'Red Hat Enterprise Linux Server', '6.5', 'pass'],
  ['Linux', 'Red Hat Enterprise Linux', '8.6', 'pass'],
  ['Linux', 'Red Hat Enterprise Linux', '8.7', 'fail'],
  ['Linux', 'Rocky Linux', '8.3', 'fail'],
  ['Linux', 'Rocky Linux', '8.4', 'pass'],
  ['Linux', 'Rocky Linux', '8.5', 'pass'],
  ['Linux', 'Rocky Linux', '8.6', 'fail'],
  ['Linux', 'SLES', '11.4', 'fail'],
  ['Linux', 'SLES', '12', 'pass'],
  ['Linux', 'SLES', '12.5', 'pass'],
  ['Linux', 'SUSE Linux Enterprise Server', '15', 'pass'],
  ['Linux', 'SLES', '15.4', 'pass'],
  ['Linux', 'SLES', '15.5', 'fail'],
  ['Linux', 'Ubuntu', '14.04', 'pass'],
  ['Linux', 'Ubuntu', '14.10', 'fail'],
  ['Linux', 'Ubuntu', '16.04', 'pass'],
  ['Linux', 'Ubuntu', '18.04', 'pass'],
  ['Linux', 'Ubuntu', '20.04', 'pass'],
  ['Linux', 'Ubuntu', '20.10', 'pass'],
  ['Linux', 'Ubuntu', '21.04', 'fail'],
  ['Linux', 'Ubuntu', '22.04', 'fail'],
  ['MacOS', 'macOS', '10.13.6', 'fail'],
  ['MacOS', 'Mac OS X', '10.14.6', 'pass'],
  ['MacOS', 'macOS', '10.15.7', 'pass'],
  ['MacOS', 'macOS', '11.3', 'fail'],
  ['MacOS', 'macOS', '11.3.1', 'pass'],
  ['MacOS', 'macOS', '11.4', 'pass'],
  ['MacOS', 'macOS', '11.5', 'fail'],
  ['Linux', 'Mac OS X', '10.15.7', 'pass'],
  ['Windows', 'Microsoft(R) Windows(R) Server 2003, Standard Edition', '5.2.3790', 'fail'],
  ['Windows', 'Microsoft® Windows Server® 2008 Standard', '6.0.6002', 'pass'],
  ['Windows', 'Microsoft Windows Server 2008 R2 Datacenter', '6.1.7601', 'pass'],
  ['Windows', 'Microsoft Windows Server 2012 R2 Datacenter', '6.3.9600', 'pass'],
  ['Windows', 'Microsoft Windows Server 2022 Datacenter', '10.0.20348', 'pass'],
  ['Windows', 'Microsoft Windows Server 2025 Datacenter', '10.0.26100', 'fail'],
  ['Windows', 'Microsoft Windows 10 Pro', '10.0.19045', 'fail'],
  ['Linux', 'AlmaLinux', '8.6', 'fail'],
  ['Linux', 'Gentoo', '2.8', 'unknown'],
  ['Windows', 'NotAvailable', '6.1.7601', 'unknown'],
  ['Windows', 'Microsoft Windows Server Datacenter', '10.0.19042', 'unknown'],
  ['NotAvailable', 'NotAvailable', 'NotAvailable', 'unknown'],
];

describe('os.supported (P5)', () => {
  it.each(MATRIX)('%s / %s / %s → %s', (platformType, platformName, platformVersion, status) => {
    expect(check(nodeFacts({ platformType, platformName, platformVersion }), 'os.supported').status).toBe(status);
  });

  it('says why: explicit example, family not listed, version outside, version missing', () => {
    expect(check(nodeFacts({ platformName: 'CentOS', platformVersion: '6.3' }), 'os.supported')).toMatchObject({
      code: 'os.explicitly-unsupported',
      params: { example: 'CentOS 6.3' },
    });
    expect(check(nodeFacts({ platformName: 'Raspbian GNU/Linux', platformVersion: '8' }), 'os.supported').params).toMatchObject({
      example: 'Raspberry Pi OS 8 (Jessie)',
    });
    expect(check(nodeFacts({ platformName: 'AlmaLinux', platformVersion: '8.6' }), 'os.supported').code).toBe('os.family-not-listed');
    expect(check(nodeFacts({ platformName: 'Ubuntu', platformVersion: '22.04' }), 'os.supported')).toMatchObject({
      code: 'os.version-not-listed',
      params: { supported: '14.04, 16.04, 18.04, 20.04, 20.10' },
      evidence: {
        platformName: 'Ubuntu',
        platformVersion: '22.04',
        family: 'ubuntu',
        catalogEntry: expect.stringContaining('Ubuntu Server'),
      },
    });
    expect(check(nodeFacts({ platformName: 'Ubuntu', platformVersion: 'NotAvailable' }), 'os.supported').code).toBe(
      'os.version-unreported',
    );
  });

  it('carries the Amazon Linux proxy note in both languages', () => {
    const result = check(nodeFacts({ platformName: 'Amazon Linux AMI', platformVersion: '2018.03' }), 'os.supported');
    expect(result.code).toBe('os.supported-with-note');
    expect(result.params.note_en).toMatch(/requests/);
    expect(result.params.note_ja).toMatch(/requests/);
  });
});

describe('os.greengrass (P5, P7)', () => {
  const greengrass = { sourceType: 'AWS::IoT::Thing', resourceType: 'ManagedInstance', instanceId: 'mi-0123456789abcdef0' };
  it.each([
    ['MacOS', 'macOS', '11.4', 'fail'],
    ['Linux', 'Mac OS X', '10.15.7', 'fail'],
    ['Windows', 'Microsoft Windows 10 Enterprise', '10.0.19044', 'fail'],
    ['Windows', 'Microsoft Windows 11 Enterprise', '10.0.22621', 'pass'],
    ['Windows', 'Microsoft Windows Server 2019 Datacenter', '10.0.17763', 'pass'],
    ['Linux', 'Raspbian GNU/Linux', '10', 'pass'],
    ['Linux', 'Gentoo', '2.8', 'pass'],
    ['Windows', 'NotAvailable', '10.0.19044', 'unknown'],
    ['NotAvailable', '', '', 'unknown'],
  ])('Greengrass core on %s / %s / %s → %s', (platformType, platformName, platformVersion, status) => {
    expect(check(nodeFacts({ ...greengrass, platformType, platformName, platformVersion }), 'os.greengrass').status).toBe(status);
  });

  it('is not applicable to other nodes, even on macOS', () => {
    const mac = nodeFacts({ platformType: 'MacOS', platformName: 'macOS', platformVersion: '11.4' });
    expect(check(mac, 'os.greengrass')).toMatchObject({ status: 'not_applicable', evidence: { sourceType: 'AWS::EC2::Instance' } });
  });
});
