import { describe, expect, it } from 'vitest';
import { check, nodeFacts } from '../../test/unit/nodeFactsFixture';

describe('agent.version (P1: 2.0.834.0 or later)', () => {
  it.each([
    ['2.0.834.0', 'pass'],
    ['2.0.834', 'pass'],
    ['2.0.1000.0', 'pass'],
    ['2.3.1644.0', 'pass'],
    ['3.1.1188.0', 'pass'],
    ['2.0.833.0', 'fail'],
    ['2.0.99.0', 'fail'],
    ['1.2.371.0', 'fail'],
    ['NotAvailable', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (agentVersion, status) => {
    expect(check(nodeFacts({ agentVersion }), 'agent.version').status).toBe(status);
  });

  it('passes a not-latest agent but says so', () => {
    const result = check(nodeFacts({ agentVersion: '3.0.1124.0', isLatestVersion: false }), 'agent.version');
    expect(result).toMatchObject({
      status: 'pass',
      code: 'agent.version.ok-not-latest',
      evidence: { minimum: '2.0.834.0', isLatestVersion: false },
    });
  });
});

describe('agent.windows2008 (P6)', () => {
  const win = (platformName: string, platformVersion: string, agentVersion?: string) =>
    nodeFacts({ platformType: 'Windows', platformName, platformVersion, agentVersion, inventory: null });
  it.each([
    ['Microsoft® Windows Server® 2008 Standard', '6.0.6002', '2.3.1644.0', 'warn', 'agent.windows2008.eol'],
    ['Microsoft Windows Server 2008 R2 Datacenter', '6.1.7601', '2.3.1319.0', 'warn', 'agent.windows2008.eol'],
    ['Microsoft Windows Server 2008 R2 Datacenter', '6.1.7601', '2.3.1645.0', 'fail', 'agent.windows2008.agent-too-new'],
    ['Microsoft® Windows Server® 2008 Datacenter', '6.0.6003', '3.0.1124.0', 'fail', 'agent.windows2008.agent-too-new'],
    ['Microsoft Windows Server 2008 R2 Datacenter', '6.1.7601', undefined, 'warn', 'agent.windows2008.eol-agent-unknown'],
    ['Microsoft Windows Server 2012 R2 Datacenter', '6.3.9600', '3.1.1188.0', 'not_applicable', 'agent.windows2008.not-applicable'],
    ['Microsoft Windows 7 Professional', '6.1.7601', '3.1.1188.0', 'not_applicable', 'agent.windows2008.not-applicable'],
  ])('%s %s agent %s → %s', (name, kernel, agent, status, code) => {
    const result = check(win(name, kernel, agent), 'agent.windows2008');
    expect(result).toMatchObject({ status, code });
  });

  it('is not applicable to Linux', () => {
    expect(check(nodeFacts(), 'agent.windows2008').status).toBe('not_applicable');
  });

  it('cites the vendor end of support and the last supported agent', () => {
    const result = check(win('Microsoft Windows Server 2008 R2 Datacenter', '6.1.7601', '3.0.1124.0'), 'agent.windows2008');
    expect(result.params).toEqual({ vendorSupportEnded: '2020-01-14', lastSupportedAgent: '2.3.1644.0', agentVersion: '3.0.1124.0' });
  });
});
