/** The unmanaged-instances page's view in the address: what a link writes, the page reads back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTANCE_STATES, UNMANAGED_CAUSES } from '../../shared/ec2Coverage';
import {
  EMPTY_UNMANAGED_VIEW,
  profileName,
  unmanagedViewFromParams,
  unmanagedViewToFilters,
  unmanagedViewToHash,
  type UnmanagedView,
} from '../../renderer/src/lib/unmanagedViewParams';

const paramsOf = (hash: string) => new URLSearchParams(hash.split('?')[1] ?? '');
const text = fc.string({ maxLength: 30 }).map((s) => s.trim());

const view: fc.Arbitrary<UnmanagedView> = fc.record({
  account: text,
  region: text,
  cause: fc.constantFrom('' as const, ...UNMANAGED_CAUSES),
  state: fc.constantFrom('' as const, ...INSTANCE_STATES),
  search: text,
  offset: fc.nat({ max: 10_000_000 }),
});

describe('the unmanaged-instances view in the address', () => {
  it('reads back every view it writes', () => {
    fc.assert(
      fc.property(view, (v) => {
        const hash = unmanagedViewToHash(v);
        expect(hash.startsWith('#/unmanaged')).toBe(true);
        expect(unmanagedViewFromParams(paramsOf(hash))).toEqual(v);
      }),
    );
  });

  it('filters only by what the view chose', () => {
    expect(unmanagedViewToHash(EMPTY_UNMANAGED_VIEW)).toBe('#/unmanaged');
    expect(unmanagedViewToFilters(EMPTY_UNMANAGED_VIEW)).toEqual({});
    expect(unmanagedViewToFilters({ ...EMPTY_UNMANAGED_VIEW, account: '111111111111', cause: 'noRoute', search: ' web ' })).toEqual({
      accountIds: ['111111111111'],
      causes: ['noRoute'],
      search: 'web',
    });
  });

  it('ignores a cause, state or page the address names wrongly', () => {
    expect(unmanagedViewFromParams(new URLSearchParams('cause=NoRoute&state=terminated&offset=-5'))).toEqual(EMPTY_UNMANAGED_VIEW);
    expect(unmanagedViewFromParams(new URLSearchParams('offset=1e400'))).toEqual(EMPTY_UNMANAGED_VIEW);
  });

  it('names an instance profile by the last part of its ARN', () => {
    expect(profileName('arn:aws:iam::123456789012:instance-profile/ops/WebServers')).toBe('WebServers');
    expect(profileName('WebServers')).toBe('WebServers');
  });
});
