import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_STATUSES, RULE_IDS } from '../../../shared/model';
import { unmanagedFiltersOf } from './unmanagedRows';

const list = <T extends string>(values: readonly T[]) =>
  fc.option(fc.array(fc.constantFrom(...values), { maxLength: 3 }), { nil: undefined });
const nodeFilters = fc.record(
  {
    accountIds: list(['111111111111', '222222222222']),
    regions: list(['us-east-1', 'ap-northeast-1']),
    families: list(['AmazonLinux', 'Windows']),
    rule: fc.option(fc.constantFrom(...RULE_IDS), { nil: undefined }),
    statuses: list([...CHECK_STATUSES]),
    search: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

describe('unmanagedFiltersOf', () => {
  it('leaves every unmanaged instance out under a rule, status or family filter, and keeps account, region and search otherwise', () => {
    fc.assert(
      fc.property(nodeFilters, (filters) => {
        const mapped = unmanagedFiltersOf(filters);
        if (filters.rule !== undefined || filters.statuses?.length || filters.families?.length) {
          expect(mapped).toBeNull();
          return;
        }
        expect(mapped).toEqual({
          ...(filters.accountIds?.length ? { accountIds: filters.accountIds } : {}),
          ...(filters.regions?.length ? { regions: filters.regions } : {}),
          ...(filters.search ? { search: filters.search } : {}),
        });
      }),
    );
  });

  it('does not filter without node filters', () => {
    expect(unmanagedFiltersOf(undefined)).toEqual({});
    expect(unmanagedFiltersOf({ statuses: [], families: [] })).toEqual({});
  });
});
