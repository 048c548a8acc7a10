/**
 * A small seeded mutator for hostile-input tests (no property-testing library is installed):
 * JSON-level damage (wrong types, huge strings, deep nesting, unknown fields, prototype keys,
 * SQL text, path tricks, control characters, edge numbers, missing values) and byte-level
 * damage (bit flips, truncation). The same seed gives the same cases on every machine.
 */
import { createPrng, type Prng } from '../../../electron/core/sim/prng';

export const JSON_MUTATIONS = [
  'wrongType',
  'hugeString',
  'deepNesting',
  'unknownField',
  'protoKey',
  'sqlText',
  'pathTrick',
  'controlChars',
  'edgeNumber',
  'missing',
  'null',
  'duplicateEntry',
] as const;
export type JsonMutation = (typeof JSON_MUTATIONS)[number];

// Hostile only as text: the ATTACH names an in-memory database, so even a store that ran it
// would create no file.
const SQL = ["'); DROP TABLE snapshot; --", '1 OR 1=1', "x' UNION SELECT * FROM node --", "ATTACH DATABASE ':memory:' AS x;"];
const PATHS = [
  '../../etc/passwd',
  '..\\..\\Windows\\system32',
  '/etc/shadow',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  '~/.aws/credentials',
];
const CONTROL = ['a\u0000b', 'red\u001b[31m', 'rtl\u202eexe.txt', 'line\nbreak', 'bell\u0007'];
/** Placeholders for numbers JSON.stringify cannot write; replaced in the text afterwards. */
const EDGE_NUMBERS: Record<string, string> = { '"@@1e400@@"': '1e400', '"@@-0@@"': '-0', '"@@1e-400@@"': '1e-400' };

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const path = [...prefix, key];
    out.push(path);
    paths(child, path, out);
  }
  return out;
}

function nest(value: unknown, depth: number, prng: Prng): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = prng.chance(0.5) ? [out] : { n: out };
  return out;
}

function wrongType(value: unknown, prng: Prng): unknown {
  const options: unknown[] = [42, -1, 'text', true, [], {}, null, [value], { value }];
  const differs = options.filter((o) => typeof o !== typeof value || Array.isArray(o) !== Array.isArray(value));
  return prng.pick(differs);
}

/** One mutation of a JSON document; returns its text (some mutations only exist as text). */
export function mutateJson(doc: unknown, prng: Prng, kind: JsonMutation): string {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const all = paths(copy);
  const objects = [[] as Path, ...all].filter((p) => {
    const v = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const arrays = all.filter((p) => Array.isArray(p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy)));
  const at = (path: Path) => {
    let holder: unknown = copy;
    for (const step of path.slice(0, -1)) holder = (holder as Record<string | number, unknown>)[step];
    return { holder: holder as Record<string | number, unknown>, key: path.at(-1)! };
  };
  const strings = all.filter((p) => typeof at(p).holder[at(p).key] === 'string');
  const target = (list: Path[]) => (list.length ? prng.pick(list) : all.length ? prng.pick(all) : undefined);

  switch (kind) {
    case 'wrongType':
    case 'null':
    case 'missing':
    case 'hugeString':
    case 'deepNesting':
    case 'edgeNumber': {
      const path = target(kind === 'hugeString' ? strings : all);
      if (!path) break;
      const { holder, key } = at(path);
      if (kind === 'missing') {
        if (Array.isArray(holder)) holder.splice(Number(key), 1);
        else delete holder[key];
      } else if (kind === 'null') holder[key] = null;
      else if (kind === 'wrongType') holder[key] = wrongType(holder[key], prng);
      else if (kind === 'hugeString') holder[key] = prng.pick(['x', 'é', '\u{1F600}', 'A1']).repeat(prng.int(1_000, 300_000));
      else if (kind === 'deepNesting') holder[key] = nest(holder[key], prng.int(50, 1_500), prng);
      else
        holder[key] = prng.pick([
          ...Object.keys(EDGE_NUMBERS).map((k) => JSON.parse(k) as string),
          Number.MAX_SAFE_INTEGER + 2,
          -1,
          0.5,
          -1e308,
        ]);
      break;
    }
    case 'unknownField': {
      const path = prng.pick(objects);
      const { holder, key } = path.length ? at(path) : { holder: { root: copy }, key: 'root' };
      (holder[key] as Record<string, unknown>)[prng.pick(['password', 'x', 'extra_field', 'dataDir', 'isAdmin'])] = prng.pick([
        'hunter2',
        1,
        true,
        { a: 1 },
      ]);
      break;
    }
    case 'protoKey': {
      const path = prng.pick(objects);
      const { holder, key } = path.length ? at(path) : { holder: { root: copy }, key: 'root' };
      const name = prng.pick(['__proto__', 'constructor', 'prototype']);
      // An own property named __proto__, which JSON.stringify writes as a plain key.
      Object.defineProperty(holder[key], name, {
        value: { polluted: true, prototype: { polluted: true } },
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
    }
    case 'sqlText':
    case 'pathTrick':
    case 'controlChars': {
      const path = target(strings);
      if (!path) break;
      const { holder, key } = at(path);
      holder[key] = prng.pick(kind === 'sqlText' ? SQL : kind === 'pathTrick' ? PATHS : CONTROL);
      break;
    }
    case 'duplicateEntry': {
      const path = arrays.length ? prng.pick(arrays) : undefined;
      if (!path) break;
      const { holder, key } = at(path);
      const list = holder[key] as unknown[];
      if (list.length) list.push(structuredClone(list[prng.int(0, list.length - 1)]));
      break;
    }
  }
  let text = JSON.stringify(copy);
  for (const [placeholder, literal] of Object.entries(EDGE_NUMBERS)) text = text.split(placeholder).join(literal);
  return text;
}

export const BYTE_MUTATIONS = ['bitFlip', 'truncate', 'garbage'] as const;
export type ByteMutation = (typeof BYTE_MUTATIONS)[number];

export function mutateBytes(bytes: Buffer, prng: Prng, kind: ByteMutation): Buffer {
  const out = Buffer.from(bytes);
  if (kind === 'truncate') return out.subarray(0, prng.int(0, Math.max(0, out.length - 1)));
  if (kind === 'garbage') {
    const at = prng.int(0, out.length);
    const junk = Buffer.from(Array.from({ length: prng.int(1, 64) }, () => prng.int(0, 255)));
    return Buffer.concat([out.subarray(0, at), junk, out.subarray(at)]);
  }
  for (let n = prng.int(1, 8); n > 0 && out.length; n--) {
    const i = prng.int(0, out.length - 1);
    out[i] = out[i]! ^ (1 << prng.int(0, 7));
  }
  return out;
}

export { createPrng };
export type { Prng };
