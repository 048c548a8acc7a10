import { describe, expect, it } from 'vitest';
import { pythonInterpreters } from './pythonInventory';

describe('pythonInterpreters', () => {
  it.each([
    ['python3', '3.8.2-0ubuntu2', '3.8'],
    ['python3.8', '3.8.10-0ubuntu1~20.04.5', '3.8'],
    ['python3-minimal', '3.8.2-0ubuntu2', '3.8'],
    ['python3.9-minimal', '3.9.2-1', '3.9'],
    ['python3', '3.6.8-18.el7', '3.6'],
    ['python27', '2.7.18-1.amzn1', '2.7'],
    ['python2', '2.7.18-1.amzn2', '2.7'],
    ['python', '2.7.5-90.el7', '2.7'],
    ['python3', '1:3.9.2-3', '3.9'],
    ['platform-python', '3.6.8-45.el8', '3.6'],
    ['Python 3.8.10 (64-bit)', '3.8.10150.0', '3.8'],
    ['Python 3.10.4 Core Interpreter (64-bit)', '3.10.4150.0', '3.10'],
    ['Python', '3.9.6', '3.9'],
    // the name is the fallback when the version field is not a version
    ['python36', 'unknown', '3.6'],
    ['python310', '', '3.10'],
    ['python3.7', 'NotAvailable', '3.7'],
    // one per catalog family not above: Amazon Linux 2022, SLES, Oracle/Rocky 8 modules, Raspberry Pi OS
    ['python3', '3.9.16-1.amzn2022.0.1', '3.9'],
    ['python3', '3.6.15-150300.10.40.1', '3.6'],
    ['python3-base', '3.6.15-150300.10.40.1', '3.6'],
    ['python-base', '2.7.18-33.1', '2.7'],
    ['python39', '3.9.13-1.module+el8.7.0+15641+2ece4388', '3.9'],
    ['python3.7', '3.7.3-2+deb10u3', '3.7'],
    ['python2.7', '2.7.16-2+deb10u1', '2.7'],
  ])('%s %s → Python %s', (name, version, expected) => {
    expect(pythonInterpreters([{ name, version }])).toEqual([{ app: `${name} ${version}`.trim(), version: expected }]);
  });

  it.each([
    ['python3-requests', '2.22.0-2ubuntu1'],
    ['python-pip', '9.0.3-8.el7'],
    ['python3-libs', '3.6.8-18.el7'],
    ['libpython3.8', '3.8.10-0ubuntu1'],
    ['python-is-python3', '3.8.2-4'],
    ['python3-distutils', '3.8.10-0ubuntu1'],
    ['Python Launcher', '3.8.7072.0'],
    ['Python 3.8.10 pip Bootstrap (64-bit)', '3.8.10150.0'],
    ['python3', ''],
    // modules and tools whose version is not Python's (issue 16): six, pip, the kernel's perf, rpm, dnf
    ['python-six', '1.9.0-2.el7'],
    ['python2-six', '1.11.0-4.el8'],
    ['python3-pip', '9.0.3-20.el8'],
    ['python-perf', '3.10.0-1160.el7'],
    ['python3-perf', '4.18.0-425.el8'],
    ['python3-rpm', '4.14.3-19.el8'],
    ['python3-dnf', '4.7.0-8.el8'],
  ])('ignores %s %s', (name, version) => {
    expect(pythonInterpreters([{ name, version }])).toEqual([]);
  });
});
