/** The catalog editions this build ships (shared/catalog holds their data). */
export const CATALOG_EDITION_IDS: readonly string[] = ['seed-2022'];
