import { describe, expect, it } from 'vitest';
import { isActionAllowed } from './policy';

describe('isActionAllowed', () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow' as const, Action: ['ssm:Describe*', 'ssm:GetInventory', 'ec2:DescribeInstances'], Resource: '*' },
      { Effect: 'Deny' as const, Action: 'ssm:DescribeMaintenance*', Resource: '*' },
    ],
  };

  it('allows actions matched by an Allow statement, with wildcards and any case', () => {
    expect(isActionAllowed(policy, 'ssm:DescribeInstanceInformation')).toBe(true);
    expect(isActionAllowed(policy, 'SSM:getinventory')).toBe(true);
    expect(isActionAllowed(policy, 'ec2:DescribeInstances')).toBe(true);
  });

  it('denies what no statement allows (implicit deny)', () => {
    expect(isActionAllowed(policy, 'ssm:ListInventoryEntries')).toBe(false);
    expect(isActionAllowed(policy, 'ec2:DescribeRegions')).toBe(false);
    expect(isActionAllowed({ Statement: [] }, 'sts:GetCallerIdentity')).toBe(false);
  });

  it('lets an explicit Deny win over an Allow', () => {
    expect(isActionAllowed(policy, 'ssm:DescribeMaintenanceWindows')).toBe(false);
  });

  it('accepts a single statement object, NotAction and the ? wildcard', () => {
    expect(isActionAllowed({ Statement: { Effect: 'Allow', Action: 'ssm:Get?nventory' } }, 'ssm:GetInventory')).toBe(true);
    const notAction = { Statement: [{ Effect: 'Allow' as const, NotAction: 'organizations:*' }] };
    expect(isActionAllowed(notAction, 'ssm:GetInventory')).toBe(true);
    expect(isActionAllowed(notAction, 'organizations:ListAccounts')).toBe(false);
  });
});
