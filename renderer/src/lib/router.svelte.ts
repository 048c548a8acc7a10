/**
 * Hash routes (`#/overview`, `#/node/12/123456789012/eu-west-1/i-0abc…`): they work the same
 * under app:// and the web host, survive a reload, and need no server configuration.
 */
export const PAGES = ['accounts', 'run', 'overview', 'nodes', 'trends', 'compare', 'snapshots', 'settings'] as const;
export type Page = (typeof PAGES)[number];
export type Route = { page: Page | 'node'; params: string[] };

export function parseRoute(hash: string): Route {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const params = rest.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  });
  if (name === 'node' && params.length === 4) return { page: 'node', params };
  return { page: (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview', params: [] };
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
  href: (target: Page) => `#/${target}`,
  nodeHref: (snapshotId: number, accountId: string, region: string, instanceId: string) =>
    `#/node/${[snapshotId, accountId, region, instanceId].map((p) => encodeURIComponent(String(p))).join('/')}`,
  go: (hash: string) => {
    window.location.hash = hash;
  },
};
