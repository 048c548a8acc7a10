/**
 * The node table's filters and sort as URL parameters (`#/nodes?rule=network.s3&status=fail`):
 * the overview links with them, and the node detail's back link returns to the same view.
 */
import type { z } from 'zod';
import { NodeSortKey } from '../../../shared/history';
import { CheckStatus, RuleId } from '../../../shared/model';
import type { NodeListQuery } from './nodePages.svelte';

export type SortKey = z.infer<typeof NodeSortKey>;

export interface NodeView {
  account: string;
  region: string;
  family: string;
  rule: RuleId | '';
  status: CheckStatus | '';
  search: string;
  sort: { key: SortKey; dir: 'asc' | 'desc' } | null;
}

export const EMPTY_VIEW: NodeView = { account: '', region: '', family: '', rule: '', status: '', search: '', sort: null };

export function viewFromParams(params: URLSearchParams): NodeView {
  const rule = RuleId.safeParse(params.get('rule'));
  const status = CheckStatus.safeParse(params.get('status'));
  const [key, dir] = (params.get('sort') ?? '').split(':');
  const sortKey = NodeSortKey.safeParse(key);
  return {
    account: params.get('account') ?? '',
    region: params.get('region') ?? '',
    family: params.get('family') ?? '',
    rule: rule.success ? rule.data : '',
    status: status.success ? status.data : '',
    search: params.get('q') ?? '',
    sort: sortKey.success ? { key: sortKey.data, dir: dir === 'desc' ? 'desc' : 'asc' } : null,
  };
}

export function viewToHash(view: NodeView): string {
  const params = new URLSearchParams();
  if (view.account) params.set('account', view.account);
  if (view.region) params.set('region', view.region);
  if (view.family) params.set('family', view.family);
  if (view.rule) params.set('rule', view.rule);
  if (view.status) params.set('status', view.status);
  if (view.search.trim()) params.set('q', view.search.trim());
  if (view.sort) params.set('sort', `${view.sort.key}:${view.sort.dir}`);
  const query = params.toString();
  return query ? `#/nodes?${query}` : '#/nodes';
}

export function viewToQuery(view: NodeView): NodeListQuery {
  const query: NodeListQuery = {};
  if (view.account) query.accountIds = [view.account];
  if (view.region) query.regions = [view.region];
  if (view.family) query.families = [view.family];
  if (view.rule) query.rule = view.rule;
  if (view.status) query.statuses = [view.status];
  if (view.search.trim()) query.search = view.search.trim();
  if (view.sort) query.sort = view.sort;
  return query;
}
