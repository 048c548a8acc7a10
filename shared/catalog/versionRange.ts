/**
 * Inclusive version ranges as the seed writes them ("6.5 - 7.9", "8.x", "12.0 以降の 12.x", "11.3.1").
 *
 * Semantics, chosen so the seed reads the way an operator reads it:
 * - `from` is a plain lower bound: version ≥ from, missing parts are 0 (`15` ≥ `15.0`).
 * - `to` bounds the version *at the precision `to` is written with*: the version is cut to as many
 *   parts as `to` has, then compared. So "7.9" admits every 7.9.x build (CentOS reports
 *   `7.9.2009`) and rejects 7.10; "2.0" admits `2.0.20220606`; "11.3.1" admits 11.3.1 but not 11.3.2.
 * - A trailing `.x` marks a series: "8.x" as `to` has precision 1 and admits any 8.*; as `from`
 *   it is simply 8. A single version is a range whose two ends are the same text.
 */
import { compareParsed, parseVersion, truncateVersion } from '../versionCompare';

export interface VersionRange {
  readonly from: string;
  readonly to: string;
}

/** A bound: dotted numbers, optionally ending in `.x` (a whole series). */
export const VERSION_BOUND = /^\d+(?:\.\d+)*(?:\.x)?$/;

function boundParts(bound: string): readonly number[] {
  const parts = parseVersion(bound.replace(/\.x$/, ''));
  if (!parts) throw new RangeError(`not a version bound: "${bound}"`);
  return parts;
}

export function inRange(version: string, range: VersionRange): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  const from = boundParts(range.from);
  const to = boundParts(range.to);
  return compareParsed(parsed, from) >= 0 && compareParsed(truncateVersion(parsed, to.length), to) <= 0;
}

export function inAnyRange(version: string, ranges: readonly VersionRange[]): boolean {
  return ranges.some((range) => inRange(version, range));
}

/** "6.5 - 7.9", "8.x", "14.04": how a range reads in messages and evidence. */
export function formatRange(range: VersionRange): string {
  return range.from === range.to ? range.from : `${range.from} - ${range.to}`;
}

export function formatRanges(ranges: readonly VersionRange[]): string {
  return ranges.map(formatRange).join(', ');
}

/** Builders the editions use, so each seed line transcribes in one readable call. */
export const range = (from: string, to: string): VersionRange => ({ from, to });
export const only = (version: string): VersionRange => ({ from: version, to: version });
export const series = (major: string): VersionRange => ({ from: `${major}.x`, to: `${major}.x` });
