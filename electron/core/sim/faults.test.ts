import { describe, expect, it } from 'vitest';
import { throttleKey } from './faults';

describe('throttleKey', () => {
  const shared = { ratePerSecond: 20, burst: 40 };
  const perAction = { ...shared, perAction: true };

  it('shares one bucket per account × region among all actions by default', () => {
    expect(throttleKey(shared, '111111111111', 'eu-west-1', 'SSM.GetInventory')).toBe(
      throttleKey(shared, '111111111111', 'eu-west-1', 'EC2.DescribeInstances'),
    );
    expect(throttleKey(shared, '111111111111', 'eu-west-1', 'SSM.GetInventory')).not.toBe(
      throttleKey(shared, '111111111111', 'us-east-1', 'SSM.GetInventory'),
    );
  });

  it('gives each action its own bucket per account × region when asked, as AWS evaluates each API', () => {
    const key = (account: string, region: string, action: string) => throttleKey(perAction, account, region, action);
    expect(key('111111111111', 'eu-west-1', 'SSM.GetInventory')).not.toBe(
      key('111111111111', 'eu-west-1', 'SSM.DescribeInstanceInformation'),
    );
    expect(key('111111111111', 'eu-west-1', 'SSM.GetInventory')).not.toBe(key('111111111111', 'us-east-1', 'SSM.GetInventory'));
    expect(key('111111111111', 'eu-west-1', 'SSM.GetInventory')).not.toBe(key('222222222222', 'eu-west-1', 'SSM.GetInventory'));
    expect(key('111111111111', 'eu-west-1', 'SSM.GetInventory')).toBe(key('111111111111', 'eu-west-1', 'SSM.GetInventory'));
  });

  it('keys the global services per calling account and action, whatever region signed the call', () => {
    const key = (region: string, action: string) => throttleKey(perAction, '111111111111', region, action);
    expect(key('us-east-1', 'STS.AssumeRole')).toBe(key('eu-west-1', 'STS.AssumeRole'));
    expect(key('us-east-1', 'Organizations.ListAccounts')).toBe(key('ap-northeast-1', 'Organizations.ListAccounts'));
    expect(key('us-east-1', 'STS.AssumeRole')).not.toBe(key('us-east-1', 'STS.GetCallerIdentity'));
    expect(throttleKey(perAction, '222222222222', 'us-east-1', 'STS.AssumeRole')).not.toBe(key('us-east-1', 'STS.AssumeRole'));
  });
});
