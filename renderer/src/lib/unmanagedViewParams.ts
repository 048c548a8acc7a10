/**
 * The unmanaged-instances page's filters and page as URL parameters
 * (`#/unmanaged?account=111111111111&cause=noRoute`), as the Nodes page keeps its own: Overview
 * and Compare link with them, and a view survives a reload or a bookmark.
 */
import { InstanceState, UnmanagedCause, type UnmanagedFilters } from '../../../shared/ec2Coverage';

export interface UnmanagedView {
  account: string;
  region: string;
  cause: UnmanagedCause | '';
  state: InstanceState | '';
  search: string;
  offset: number;
}

export const EMPTY_UNMANAGED_VIEW: UnmanagedView = { account: '', region: '', cause: '', state: '', search: '', offset: 0 };

export function unmanagedViewFromParams(params: URLSearchParams): UnmanagedView {
  const cause = UnmanagedCause.safeParse(params.get('cause'));
  const state = InstanceState.safeParse(params.get('state'));
  const offset = Number(params.get('offset'));
  return {
    account: params.get('account') ?? '',
    region: params.get('region') ?? '',
    cause: cause.success ? cause.data : '',
    state: state.success ? state.data : '',
    search: params.get('q') ?? '',
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function unmanagedViewToHash(view: Partial<UnmanagedView>): string {
  const params = new URLSearchParams();
  if (view.account) params.set('account', view.account);
  if (view.region) params.set('region', view.region);
  if (view.cause) params.set('cause', view.cause);
  if (view.state) params.set('state', view.state);
  if (view.search?.trim()) params.set('q', view.search.trim());
  if (view.offset) params.set('offset', String(view.offset));
  const query = params.toString();
  return query ? `#/unmanaged?${query}` : '#/unmanaged';
}

/** The filters the view asks `unmanaged:list` for; `byCause` then counts over all but `cause`. */
export function unmanagedViewToFilters(view: UnmanagedView): UnmanagedFilters {
  const filters: UnmanagedFilters = {};
  if (view.account) filters.accountIds = [view.account];
  if (view.region) filters.regions = [view.region];
  if (view.cause) filters.causes = [view.cause];
  if (view.state) filters.states = [view.state];
  if (view.search.trim()) filters.search = view.search.trim();
  return filters;
}

/** The profile's name, the part of `arn:aws:iam::123456789012:instance-profile/path/name` a reader recognises. */
export function profileName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}
