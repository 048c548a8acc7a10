import { describe, expect, it } from 'vitest';
import type { InventoryApp } from '../model';
import { check, nodeFacts } from '../../test/unit/nodeFactsFixture';

const apps = (...pairs: [string, string][]): InventoryApp[] => pairs.map(([name, version]) => ({ name, version }));

describe('python.version (P2)', () => {
  it.each([
    // Python 3 only families: Debian, Raspberry Pi OS, Ubuntu
    ['Ubuntu', '20.04', apps(['python3', '3.8.2-0ubuntu2']), 'pass'],
    ['Ubuntu', '14.04', apps(['python', '2.7.6-1'], ['python3', '3.4.3-0ubuntu2']), 'pass'],
    ['Ubuntu', '16.04', apps(['python', '2.7.12-1~16.04']), 'fail'],
    ['Debian GNU/Linux', '10', apps(['python3-minimal', '3.7.3-1']), 'pass'],
    ['Debian GNU/Linux', '9', apps(['python2.7', '2.7.13-2+deb9u3']), 'fail'],
    ['Raspbian GNU/Linux', '10', apps(['python3', '3.7.3-1'], ['python', '2.7.16-1']), 'pass'],
    ['Ubuntu', '20.10', apps(['python3', '3.10.6-1']), 'fail'],
    ['Ubuntu', '20.04', apps(['python3', '3.0.1-1']), 'pass'],
    // other Linux: 2.6–3.9
    ['Amazon Linux AMI', '2018.03', apps(['python27', '2.7.18-1.amzn1']), 'pass'],
    ['Amazon Linux', '2', apps(['python', '2.7.18-1.amzn2']), 'pass'],
    ['CentOS', '6.5', apps(['python', '2.6.6-66.el6_8']), 'pass'],
    ['CentOS', '6.5', apps(['python', '2.5.4-1']), 'fail'],
    ['Red Hat Enterprise Linux', '8.6', apps(['platform-python', '3.6.8-45.el8']), 'pass'],
    ['Amazon Linux', '2022', apps(['python3', '3.9.16-1.amzn2022']), 'pass'],
    ['Amazon Linux', '2023', apps(['python3', '3.11.2-2.amzn2023']), 'fail'],
    ['SLES', '15.4', apps(['python3', '3.6.15-150300.10.40.1']), 'pass'],
    ['CentOS Linux', '7.9.2009', apps(['python3-libs', '3.6.8-18.el7'], ['python-pip', '9.0.3']), 'fail'],
    ['CentOS Linux', '7.9.2009', [], 'fail'],
  ])('%s %s with %j → %s', (platformName, platformVersion, inventory, status) => {
    expect(check(nodeFacts({ platformName, platformVersion, inventory }), 'python.version').status).toBe(status);
  });

  it('explains a Python-3-only family that has only Python 2', () => {
    const result = check(
      nodeFacts({ platformName: 'Ubuntu', platformVersion: '16.04', inventory: apps(['python', '2.7.12-1']) }),
      'python.version',
    );
    expect(result).toMatchObject({
      code: 'python.python3-required',
      params: { required: '3.0 - 3.9', found: '2.7' },
      evidence: { inventoryApps: ['python 2.7.12-1'], interpreters: ['2.7'] },
    });
  });

  it('needs no Python on Windows, even without inventory', () => {
    const windows = nodeFacts({
      platformType: 'Windows',
      platformName: 'Microsoft Windows Server 2019 Datacenter',
      platformVersion: '10.0.17763',
      inventory: null,
    });
    expect(check(windows, 'python.version')).toMatchObject({ status: 'not_applicable', code: 'python.not-required' });
    expect(check({ ...windows, sources: { ...windows.sources, inventory: 'denied' } }, 'python.version').status).toBe('not_applicable');
  });

  it('never passes without inventory', () => {
    expect(check(nodeFacts({ inventory: null }), 'python.version')).toMatchObject({ status: 'unknown', code: 'python.no-inventory' });
    const denied = nodeFacts({ sources: { patchState: 'ok', inventory: 'denied', network: 'ok' } });
    expect(check(denied, 'python.version')).toMatchObject({
      status: 'unknown',
      code: 'source.denied',
      params: { source: 'ssm:GetInventory' },
    });
    const notCollected = nodeFacts({ inventory: undefined, sources: { patchState: 'ok', inventory: 'not_collected', network: 'ok' } });
    expect(check(notCollected, 'python.version')).toMatchObject({ status: 'unknown', code: 'source.not-collected' });
  });

  it('does not fail macOS for a system Python that inventory does not list', () => {
    const mac = nodeFacts({ platformType: 'MacOS', platformName: 'macOS', platformVersion: '11.4', inventory: apps(['Xcode', '12.5']) });
    expect(check(mac, 'python.version')).toMatchObject({ status: 'unknown', code: 'python.not-found-macos' });
    expect(check({ ...mac, inventory: apps(['Python', '3.9.6']) }, 'python.version').status).toBe('pass');
  });

  it('on an unplaced platform passes only a Python that satisfies every family', () => {
    const unknown = { platformType: 'Linux', platformName: 'Gentoo', platformVersion: '2.8' };
    expect(check(nodeFacts({ ...unknown, inventory: apps(['python3', '3.8.1']) }), 'python.version').status).toBe('pass');
    expect(check(nodeFacts({ ...unknown, inventory: apps(['python', '2.7.18']) }), 'python.version')).toMatchObject({
      status: 'unknown',
      code: 'python.platform-unknown',
    });
  });
});
