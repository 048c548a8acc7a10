/**
 * Values read from AWS answers, checked before they become facts. The SDK types promise a
 * string or a number, but a damaged answer (a proxy, a bug, a newer API) can hold anything:
 * a value of the wrong type, out of bounds or with control characters is treated as absent,
 * so the rule that needs it says `unknown` instead of crashing the audit or judging on
 * garbage. The bounds are those of the export file (store/archiveSchema.ts): whatever an
 * audit saves can be exported and imported back.
 */
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/+@-]*$/;
const IP = /^[0-9A-Fa-f.:]{2,45}$/;
const MAX_COUNT = 100_000_000;

/** Free text of at most `max` characters. */
export function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max && !CONTROL.test(value) ? value : undefined;
}

/** An identifier (instance id, baseline id): letters, digits and `._:/+@-`, at most `max` characters. */
export function token(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max && TOKEN.test(value) ? value : undefined;
}

export function ipAddress(value: unknown): string | undefined {
  return typeof value === 'string' && IP.test(value) ? value : undefined;
}

export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A patch count: a whole number from 0 to 100,000,000. */
export function count(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_COUNT ? (value as number) : undefined;
}

/**
 * A time as ISO 8601; years beyond 9999 (`+275760-…`) are not times AWS means. The SDK gives a
 * Date; the AWS CLI prints the same field as an ISO string (or epoch seconds with
 * `cli_timestamp_format = none`), so all three mean the same instant.
 */
export function isoTime(value: unknown): string | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' && value.length <= 64
        ? new Date(value)
        : typeof value === 'number' && Number.isFinite(value)
          ? new Date(value * 1000)
          : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

/** A managed node's id, as the export file accepts it. */
export const instanceId = (value: unknown): string | undefined => token(value, 128);

/** The fields that hold a value; facts never carry `undefined` (`exactOptionalPropertyTypes`). */
export function defined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
