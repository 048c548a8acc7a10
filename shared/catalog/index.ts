/**
 * The registry of catalog editions. Adding an edition is adding its data file to EDITION_DATA:
 * the rules read everything edition-specific from the edition object.
 */
import type { Lang } from '../model';
import { aws202611 } from './aws202611';
import { CatalogEdition, type CatalogEditionInput } from './schema';
import { seed2022 } from './seed2022';

export type { CatalogEdition, CatalogEditionInput, OsEntry, PlatformMatch, SourceRef, SourceRule } from './schema';

const EDITION_DATA: readonly CatalogEditionInput[] = [seed2022, aws202611];

/** Validates an edition's data (families, bounds, quotes present). Throws a ZodError naming the bad field. */
export function defineCatalog(data: CatalogEditionInput): CatalogEdition {
  return CatalogEdition.parse(data);
}

/** Newest first (by the month its page describes), the order wherever editions are offered: the default leads. */
export const CATALOG_EDITIONS: readonly CatalogEdition[] = EDITION_DATA.map(defineCatalog).sort((a, b) =>
  b.describes.localeCompare(a.describes),
);

/** The edition of the newest page: what "under the current AWS page" means (issue 27). */
export const CURRENT_CATALOG_ID = CATALOG_EDITIONS[0]!.id;
/** New audits, plans, `evaluate`, the demo and a fresh Settings judge under the current page. */
export const DEFAULT_CATALOG_ID = CURRENT_CATALOG_ID;

export const catalogs: Readonly<Record<string, CatalogEdition>> = Object.fromEntries(
  CATALOG_EDITIONS.map((edition) => [edition.id, edition]),
);

export function getCatalog(id: string): CatalogEdition | undefined {
  return Object.hasOwn(catalogs, id) ? catalogs[id] : undefined;
}

/** An edition's plain name ("AWS page, November 2026"); an edition this version does not know keeps its id. */
export function editionName(id: string, lang: Lang): string {
  return getCatalog(id)?.name[lang] ?? id;
}

/** "aws-2026-11 (AWS page, November 2026)": where the id is what a person types (the CLI). */
export function editionWithId(id: string, lang: Lang): string {
  const name = editionName(id, lang);
  return name === id ? id : `${id} (${name})`;
}

/** Every edition, newest first, with its name: the CLI's `--catalog` help. */
export function editionList(lang: Lang): string {
  return CATALOG_EDITIONS.map((edition) => editionWithId(edition.id, lang)).join(', ');
}
