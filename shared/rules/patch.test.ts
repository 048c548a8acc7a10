import { describe, expect, it } from 'vitest';
import type { PatchState } from '../model';
import { NOW, check, nodeFacts } from '../../test/unit/nodeFactsFixture';

const state = (overrides: Partial<PatchState>): PatchState => ({
  operation: 'Scan',
  operationStartTime: '2022-06-13T23:50:00.000Z',
  operationEndTime: '2022-06-14T00:00:00.000Z',
  missingCount: 0,
  failedCount: 0,
  installedPendingRebootCount: 0,
  ...overrides,
});

describe('node.online', () => {
  it.each([
    ['Online', 'pass'],
    ['ConnectionLost', 'fail'],
    ['Inactive', 'fail'],
    [undefined, 'unknown'],
    ['Rebooting', 'unknown'],
  ])('%s → %s', (pingStatus, status) => {
    expect(check(nodeFacts({ pingStatus, lastPingAt: '2022-06-01T00:00:00.000Z' }), 'node.online').status).toBe(status);
  });
});

describe('patch.scanned', () => {
  it('passes with a state, fails with none, is unknown when the source was not read', () => {
    expect(check(nodeFacts(), 'patch.scanned')).toMatchObject({ status: 'pass', evidence: { operation: 'Scan' } });
    expect(check(nodeFacts({ patchState: null }), 'patch.scanned')).toMatchObject({ status: 'fail', code: 'patch.never-scanned' });
    expect(check(nodeFacts({ sources: { patchState: 'denied', inventory: 'ok', network: 'ok' } }), 'patch.scanned')).toMatchObject({
      status: 'unknown',
      code: 'source.denied',
      params: { source: 'ssm:DescribeInstancePatchStates' },
    });
    expect(check(nodeFacts({ patchState: undefined }), 'patch.scanned')).toMatchObject({ status: 'unknown', code: 'source.not-collected' });
  });
});

describe('patch.scan-age', () => {
  const DAY = 86_400_000;
  const endedDaysAgo = (days: number) => state({ operationEndTime: new Date(NOW.getTime() - days * DAY).toISOString() });
  it.each([
    [0, 7, 'pass'],
    [6.9, 7, 'pass'],
    [7, 7, 'pass'],
    [7.01, 7, 'fail'],
    [30, 7, 'fail'],
    [30, 30, 'pass'],
    [2, 1, 'fail'],
    [-1, 7, 'pass'],
  ])('ended %s days ago, threshold %s → %s', (days, scanAgeDays, status) => {
    expect(check(nodeFacts({ patchState: endedDaysAgo(days) }), 'patch.scan-age', { scanAgeDays }).status).toBe(status);
  });

  it('reports the age and the threshold, using the given now', () => {
    const result = check(nodeFacts({ patchState: endedDaysAgo(10) }), 'patch.scan-age', { scanAgeDays: 7 });
    expect(result).toMatchObject({
      code: 'patch.scan-stale',
      params: { ageDays: 10, thresholdDays: 7 },
      evidence: { now: NOW.toISOString() },
    });
    const later = check(nodeFacts({ patchState: endedDaysAgo(1) }), 'patch.scan-age', { now: new Date(NOW.getTime() + 10 * DAY) });
    expect(later.status).toBe('fail');
  });

  it('falls back to the start time, and is unknown without any time or state', () => {
    expect(check(nodeFacts({ patchState: state({ operationEndTime: undefined }) }), 'patch.scan-age').status).toBe('pass');
    expect(
      check(nodeFacts({ patchState: state({ operationEndTime: undefined, operationStartTime: undefined }) }), 'patch.scan-age').code,
    ).toBe('patch.scan-time-unknown');
    expect(check(nodeFacts({ patchState: null }), 'patch.scan-age')).toMatchObject({ status: 'unknown', code: 'patch.no-state' });
  });
});

describe('patch.compliant', () => {
  it.each([
    [{ missingCount: 0, failedCount: 0 }, 'pass'],
    [{ missingCount: 3, failedCount: 0 }, 'fail'],
    [{ missingCount: 0, failedCount: 1 }, 'fail'],
    [{ missingCount: undefined, failedCount: undefined }, 'unknown'],
    // AWS: installed but awaiting a reboot, or installed though rejected, is NON_COMPLIANT.
    [{ missingCount: 0, failedCount: 0, installedPendingRebootCount: 2 }, 'fail'],
    [{ missingCount: 0, failedCount: 0, installedRejectedCount: 1 }, 'fail'],
  ])('%j → %s', (counts, status) => {
    expect(check(nodeFacts({ patchState: state(counts) }), 'patch.compliant').status).toBe(status);
  });

  it('carries critical and security counts', () => {
    const result = check(
      nodeFacts({ patchState: state({ missingCount: 5, failedCount: 1, criticalNonCompliantCount: 2, securityNonCompliantCount: 4 }) }),
      'patch.compliant',
    );
    expect(result.params).toEqual({ missing: 5, failed: 1, pendingReboot: 0, rejected: 0, critical: 2, security: 4 });
    expect(result.evidence).toMatchObject({ criticalNonCompliantCount: 2, securityNonCompliantCount: 4 });
  });

  it('names pending-reboot and rejected patches when nothing is left to install', () => {
    const result = check(
      nodeFacts({ patchState: state({ missingCount: 0, failedCount: 0, installedPendingRebootCount: 3, installedRejectedCount: 1 }) }),
      'patch.compliant',
    );
    expect(result).toMatchObject({ status: 'fail', code: 'patch.noncompliant-installed', params: { pendingReboot: 3, rejected: 1 } });
  });

  it('is unknown when the node has no state or the source was denied', () => {
    expect(check(nodeFacts({ patchState: null }), 'patch.compliant').status).toBe('unknown');
    expect(check(nodeFacts({ sources: { patchState: 'error', inventory: 'ok', network: 'ok' } }), 'patch.compliant').code).toBe(
      'source.error',
    );
  });
});

describe('patch.pending-reboot', () => {
  it.each([
    [0, 'pass'],
    [1, 'warn'],
    [12, 'warn'],
    [undefined, 'unknown'],
  ])('InstalledPendingRebootCount %s → %s', (installedPendingRebootCount, status) => {
    expect(check(nodeFacts({ patchState: state({ installedPendingRebootCount }) }), 'patch.pending-reboot').status).toBe(status);
  });
});
