/**
 * The About box: what a consultant quotes in a report or a support request — the app
 * version, the runtime versions and the catalog editions the rules were transcribed from.
 */
import type { MessageBoxOptions } from 'electron';
import { editionWithId } from '../../shared/catalog';

export interface AboutFacts {
  appName: string;
  version: string;
  versions: { electron?: string | undefined; chrome?: string | undefined; node: string };
  catalogEditions: readonly string[];
  dataDir: string;
}

export function aboutMessage(facts: AboutFacts): MessageBoxOptions {
  const runtime = [
    facts.versions.electron ? `Electron ${facts.versions.electron}` : null,
    facts.versions.chrome ? `Chromium ${facts.versions.chrome}` : null,
    `Node.js ${facts.versions.node}`,
  ].filter((part): part is string => part !== null);
  return {
    type: 'info',
    title: `About ${facts.appName}`,
    message: `${facts.appName} ${facts.version}`,
    detail: [
      runtime.join(' · '),
      `Catalog editions: ${facts.catalogEditions.map((id) => editionWithId(id, 'en')).join(', ') || 'none'}`,
      `Data folder: ${facts.dataDir}`,
    ].join('\n'),
    buttons: ['OK'],
    noLink: true,
  };
}
