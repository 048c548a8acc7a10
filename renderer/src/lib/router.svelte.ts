/**
 * Hash routes (`#/overview`, `#/node/12/123456789012/eu-west-1/i-0abc…`): they work the same
 * under app:// and the web host, survive a reload, and need no server configuration.
 */
export const PAGES = [
  'accounts',
  'run',
  'overview',
  'nodes',
  'unmanaged',
  'patches',
  'trends',
  'compare',
  'snapshots',
  'settings',
] as const;
export type Page = (typeof PAGES)[number];
/** `query` is what follows `?` (`#/nodes?rule=network.s3&status=fail`): a page's own view state. */
export type Route = { page: Page | 'node'; params: string[]; query: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [name = '', ...rest] = path.split('/');
  const params = rest.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  });
  if (name === 'node' && params.length === 4) return { page: 'node', params, query };
  return { page: (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview', params: [], query };
}

let route = $state<Route>(parseRoute(window.location.hash));
window.addEventListener('hashchange', () => (route = parseRoute(window.location.hash)));

export const router = {
  get page(): Route['page'] {
    return route.page;
  },
  get params(): string[] {
    return route.params;
  },
  get query(): URLSearchParams {
    // A fresh copy per read, never mutated: reactivity comes from `route`, not from this object.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return new URLSearchParams(route.query);
  },
  href: (target: Page) => `#/${target}`,
  nodeHref: (snapshotId: number, accountId: string, region: string, instanceId: string) =>
    `#/node/${[snapshotId, accountId, region, instanceId].map((p) => encodeURIComponent(String(p))).join('/')}`,
  go: (hash: string) => {
    window.location.hash = hash;
  },
};
