/**
 * Dotted versions as SSM, package managers and the catalog write them, compared numerically
 * part by part (docs/design.md §4: `6.10` > `6.5`, `2.0.1000.0` > `2.0.834.0`).
 *
 * Only the leading run of dot-separated numbers counts. Whatever follows is a packaging or
 * marketing suffix and is ignored: `3.8.2-0ubuntu2` is 3.8.2, `3.6.8-18.el7` is 3.6.8,
 * `2012 R2` is 2012 (so Windows Server R2 releases sit with their base year, as the seed's
 * "R2 バージョンを含む" wants). A Debian/RPM epoch (`1:3.9.2-3`) is dropped.
 */

export type ParsedVersion = readonly number[];

const LEADING_VERSION = /^(\d+(?:\.\d+)*)/;

/** The numeric parts of `text`, or undefined when it does not start with a number (`NotAvailable`, ``). */
export function parseVersion(text: string | undefined): ParsedVersion | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(/^\d+:/, '');
  const match = LEADING_VERSION.exec(trimmed);
  if (!match?.[1]) return undefined;
  return match[1].split('.').map(Number);
}

/** The leading numeric text of `text` as written (`2012.03` stays `2012.03`), or undefined. */
export function versionText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return LEADING_VERSION.exec(text.trim().replace(/^\d+:/, ''))?.[1];
}

/** Negative, zero or positive like a sort comparator; missing parts count as 0 (`8` = `8.0`). */
export function compareParsed(a: ParsedVersion, b: ParsedVersion): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/** Compares two version texts; throws a RangeError when either has no leading number. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa) throw new RangeError(`not a version: "${a}"`);
  if (!pb) throw new RangeError(`not a version: "${b}"`);
  return compareParsed(pa, pb);
}

/** The first `parts` parts of `version` (padded with 0), for bounds written with less precision. */
export function truncateVersion(version: ParsedVersion, parts: number): ParsedVersion {
  return Array.from({ length: parts }, (_, i) => version[i] ?? 0);
}
