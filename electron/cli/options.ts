/**
 * One parser per kind of option value, for every command. They only turn text into a value: the
 * ranges are the service's, checked with the contract's schemas (core services/validate.ts), so
 * the CLI accepts exactly what the app accepts and refuses it with the same message.
 */
import { UsageError } from './io';

/** A snapshot id on the command line: the contract's SnapshotId (a positive whole number). */
export function parseId(value: string, what = 'snapshot id'): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${what} must be a positive whole number, got "${value}"`);
  return id;
}

/**
 * A number as written in decimal. Anything else (`0x10`, `1e3`, an empty string, which Number()
 * reads as 0) is NaN, which the service's schema refuses like any value out of range.
 */
export function parseNumber(value: string): number {
  return /^-?\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/** Only full ISO 8601 date-times: Date.parse would also accept ambiguous local formats ("Dec 1 2026"). */
export function parseNow(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? new Date(value)
    : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO 8601 time such as 2022-06-15T09:00:00Z, got "${value}"`);
  return date;
}

/** A comma-separated list, blanks dropped. */
export const parseList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
