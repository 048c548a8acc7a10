/**
 * Hash routes (`#/overview`): they work the same under app:// and the web host, survive a
 * reload, and need no server configuration.
 */
export const PAGES = ['accounts', 'run', 'overview', 'nodes', 'trends', 'compare', 'snapshots', 'settings'] as const;
export type Page = (typeof PAGES)[number];

const parse = (hash: string): Page => {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview';
};

let page = $state<Page>(parse(window.location.hash));
window.addEventListener('hashchange', () => (page = parse(window.location.hash)));

export const router = {
  get page(): Page {
    return page;
  },
  href: (target: Page) => `#/${target}`,
};
