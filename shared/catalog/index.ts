/**
 * The registry of catalog editions. Adding an edition is adding its data file to EDITION_DATA:
 * the rules read everything edition-specific from the edition object.
 */
import { aws202611 } from './aws202611';
import { CatalogEdition, type CatalogEditionInput } from './schema';
import { seed2022 } from './seed2022';

export type { CatalogEdition, CatalogEditionInput, OsEntry, PlatformMatch, SourceRef, SourceRule } from './schema';

export const DEFAULT_CATALOG_ID = 'seed-2022';
/** The edition transcribed from AWS's current prerequisites page: what "under the current AWS page" means. */
export const CURRENT_CATALOG_ID = 'aws-2026-11';

/** Listed in this order wherever editions are offered (CLI help, settings); the default first. */
const EDITION_DATA: readonly CatalogEditionInput[] = [seed2022, aws202611];

/** Validates an edition's data (families, bounds, quotes present). Throws a ZodError naming the bad field. */
export function defineCatalog(data: CatalogEditionInput): CatalogEdition {
  return CatalogEdition.parse(data);
}

export const CATALOG_EDITIONS: readonly CatalogEdition[] = EDITION_DATA.map(defineCatalog);

export const catalogs: Readonly<Record<string, CatalogEdition>> = Object.fromEntries(
  CATALOG_EDITIONS.map((edition) => [edition.id, edition]),
);

export function getCatalog(id: string): CatalogEdition | undefined {
  return Object.hasOwn(catalogs, id) ? catalogs[id] : undefined;
}
