/**
 * Damaged answers for hostile-input tests: a well-formed response in which a few values have
 * the wrong type, are missing, are huge or carry an enum value the SDK has never heard of, as
 * a buggy or newer AWS endpoint (or a proxy in between) might send. The audit must survive
 * them: no crash, a failed scope or `unknown` checks, never a wrong verdict stored silently.
 */
import type { Prng } from './prng';

export const CORRUPTIONS = ['wrongType', 'missing', 'huge', 'unknownEnum', 'null'] as const;
export type Corruption = (typeof CORRUPTIONS)[number];

export interface CorruptOptions {
  /** Fraction (default 1) of matching answers that are damaged. */
  rate?: number;
  /** Values damaged per answer (default 1). */
  values?: number;
  /** Which damage to choose from (default all). */
  kinds?: readonly Corruption[];
}

type Path = (string | number)[];

/** Every value's path below the root (objects, arrays and leaves alike), in document order. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof Date) return out;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const path = [...prefix, key];
    out.push(path);
    paths(child, path, out);
  }
  return out;
}

const HUGE_TEXT = 'x'.repeat(200_000);

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (value instanceof Date) return 'yesterday';
  if (Array.isArray(value)) return { item: value[0] ?? null };
  if (value && typeof value === 'object') return ['an', 'array'];
  return { unexpected: true };
}

function damage(value: unknown, kind: Exclude<Corruption, 'missing'>, prng: Prng): unknown {
  switch (kind) {
    case 'wrongType':
      return wrongTypeOf(value);
    case 'huge':
      if (typeof value === 'number') return prng.pick([1e308, -1, Number.MAX_SAFE_INTEGER * 1024, 0.5]);
      if (Array.isArray(value)) return Array.from({ length: 5_000 }, () => value[0] ?? HUGE_TEXT);
      return HUGE_TEXT;
    case 'unknownEnum':
      return `FutureValue_${prng.hex(6)}`;
    case 'null':
      return null;
  }
}

/** A copy of `result` with `options.values` values damaged; the original is left as it was. */
export function corruptResult<T extends object>(result: T, prng: Prng, options: CorruptOptions = {}): T {
  const copy = structuredClone(result);
  const kinds = options.kinds?.length ? options.kinds : CORRUPTIONS;
  for (let n = 0; n < (options.values ?? 1); n++) {
    const all = paths(copy);
    if (!all.length) break;
    const path = prng.pick(all);
    const key = path.at(-1)!;
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
    const holder = parent as Record<string | number, unknown>;
    const kind = prng.pick(kinds);
    if (kind === 'missing') {
      if (Array.isArray(holder)) holder.splice(Number(key), 1);
      else delete holder[key];
    } else holder[key] = damage(holder[key], kind, prng);
  }
  return copy;
}
