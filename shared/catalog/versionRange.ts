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
 * - No `to`: no upper bound, for AWS's "15.3 and later" (edition aws-2026-11).
 */
import { compareParsed, parseVersion, truncateVersion } from '../versionCompare';

export interface VersionRange {
  readonly from: string;
  /** Absent: every later version ("SUSE Linux Enterprise Server 15.3 and later"). */
  readonly to?: string | undefined;
}

/** A range with both ends, as the Python requirement is always written. */
export interface BoundedVersionRange extends VersionRange {
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
  if (compareParsed(parsed, boundParts(range.from)) < 0) return false;
  if (range.to === undefined) return true;
  const to = boundParts(range.to);
  return compareParsed(truncateVersion(parsed, to.length), to) <= 0;
}

export function inAnyRange(version: string, ranges: readonly VersionRange[]): boolean {
  return ranges.some((range) => inRange(version, range));
}

/** "6.5 - 7.9", "8.x", "14.04", "15.3+": how a range reads in messages and evidence (the same in Japanese and English). */
export function formatRange(range: VersionRange): string {
  if (range.to === undefined) return `${range.from}+`;
  return range.from === range.to ? range.from : `${range.from} - ${range.to}`;
}

export function formatRanges(ranges: readonly VersionRange[]): string {
  return ranges.map(formatRange).join(', ');
}

/** Builders the editions use, so each seed line transcribes in one readable call. */
export const range = (from: string, to: string): BoundedVersionRange => ({ from, to });
export const only = (version: string): BoundedVersionRange => ({ from: version, to: version });
export const series = (major: string): BoundedVersionRange => ({ from: `${major}.x`, to: `${major}.x` });
export const atLeast = (from: string): VersionRange => ({ from });
