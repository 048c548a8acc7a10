import { describe, expect, it } from 'vitest';
import { needsPatchDetail, patchDetails } from './instancePatches';

describe('DescribeInstancePatches answers as patch detail', () => {
  it('reads the answer spellings of the states asked for, splits CVE ids and drops what is not a patch', () => {
    const details = patchDetails([
      {
        Title: '2024-05 Cumulative Update for Windows Server 2019 (KB5037765)',
        KBId: 'KB5037765',
        Classification: 'SecurityUpdates',
        Severity: 'Critical',
        State: 'MISSING',
        CVEIds: 'CVE-2024-30080, CVE-2024-30040,CVE-2024-30080',
      },
      { Title: 'openssl.x86_64:1:3.0.8-1.amzn2023.0.12', KBId: 'openssl.x86_64', Classification: 'Security', State: 'FAILED' },
      { Title: 'kernel.x86_64:0:6.1.90-99.173', KBId: 'kernel.x86_64', State: 'INSTALLED_PENDING_REBOOT', CVEIds: 'not a cve' },
      { Title: 'bash', KBId: 'bash.x86_64', State: 'INSTALLED' },
      { Title: 'future', KBId: 'x', State: 'SOMETHING_NEW' },
      { KBId: 12, State: 'MISSING' },
      null,
      'text',
    ]);
    expect(details).toEqual([
      {
        title: '2024-05 Cumulative Update for Windows Server 2019 (KB5037765)',
        kbId: 'KB5037765',
        classification: 'SecurityUpdates',
        severity: 'Critical',
        state: 'Missing',
        cveIds: ['CVE-2024-30080', 'CVE-2024-30040'],
      },
      { title: 'openssl.x86_64:1:3.0.8-1.amzn2023.0.12', kbId: 'openssl.x86_64', classification: 'Security', state: 'Failed', cveIds: [] },
      { title: 'kernel.x86_64:0:6.1.90-99.173', kbId: 'kernel.x86_64', state: 'InstalledPendingReboot', cveIds: [] },
    ]);
  });

  it('keeps a patch listed twice once, refuses values with control characters, and stops at the export bound', () => {
    const patch = { Title: 'curl', KBId: 'curl.x86_64', State: 'MISSING' };
    expect(patchDetails([patch, patch])).toHaveLength(1);
    expect(patchDetails([{ ...patch, Title: 'curl\u001b]0;x\u0007', KBId: undefined }])).toEqual([]);
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...patch, KBId: `p${i}.x86_64` }));
    expect(patchDetails(many)).toHaveLength(2000);
  });

  it('asks for the detail only when the patch state counts missing, failed or pending-reboot patches', () => {
    expect(needsPatchDetail(undefined)).toBe(false);
    expect(needsPatchDetail(null)).toBe(false);
    expect(needsPatchDetail({ missingCount: 0, failedCount: 0, installedPendingRebootCount: 0, installedCount: 40 })).toBe(false);
    expect(needsPatchDetail({ missingCount: 0, failedCount: 0, installedPendingRebootCount: 1 })).toBe(true);
    expect(needsPatchDetail({ failedCount: 2 })).toBe(true);
    // A count the answer did not give (or a damaged one the bounds dropped) proves no absence.
    expect(needsPatchDetail({ missingCount: 0, failedCount: 0 })).toBe(true);
    expect(needsPatchDetail({ installedCount: 3 })).toBe(true);
  });
});
