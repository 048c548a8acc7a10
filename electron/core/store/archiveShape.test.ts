import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from './archiveErrors';
import { MAX_PAYLOAD_DEPTH, PayloadShapeScanner, type PayloadShapeLimits } from './archiveShape';

const UNBOUNDED: PayloadShapeLimits = {
  snapshots: Infinity,
  nodesPerSnapshot: Infinity,
  unmanagedPerSnapshot: Infinity,
  values: Infinity,
  listLength: Infinity,
};

/** Every value JSON.parse builds: objects, arrays, strings, numbers and literals (keys are not values). */
function valuesOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, v) => n + valuesOf(v), 0);
  if (value !== null && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + valuesOf(v), 0);
  return 1;
}

/** Scans `text` cut into chunks at `cuts` (byte offsets), as inflation hands it over. */
function scanInChunks(text: string, cuts: readonly number[], limits: PayloadShapeLimits = UNBOUNDED): void {
  const bytes = Buffer.from(text, 'utf8');
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const scanner = new PayloadShapeScanner(limits);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    scanner.scan(bytes.subarray(from, to));
    from = to;
  }
}

const refusal = (run: () => void): string => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  return '';
};

const shallowJson = fc.jsonValue({ maxDepth: MAX_PAYLOAD_DEPTH - 1 });
const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('PayloadShapeScanner', () => {
  it('counts exactly the values JSON.parse builds, however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(shallowJson, cuts, (value, at) => {
        const text = JSON.stringify(value);
        // A forbidden key is refused whatever the counts (the next test).
        fc.pre(!/"(__proto__|constructor|prototype)":/.test(text));
        const values = valuesOf(JSON.parse(text));
        expect(refusal(() => scanInChunks(text, at, { ...UNBOUNDED, values }))).toBe('');
        expect(refusal(() => scanInChunks(text, at, { ...UNBOUNDED, values: values - 1 }))).toMatch(/more than the \d+ values/);
      }),
    );
  });

  it('finds where each string ends through runs of backslashes and quotes, however the bytes are cut', () => {
    const tricky = fc.string({ unit: fc.constantFrom('\\', '"', 'a', '1', '{', '[', ','), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(tricky, tricky), { maxLength: 4 }), cuts, (pairs, at) => {
        const text = JSON.stringify({ k: Object.fromEntries(pairs), l: pairs.map(([, v]) => [v, 12.5e-3, true]) });
        const values = valuesOf(JSON.parse(text));
        expect(refusal(() => scanInChunks(text, at, { ...UNBOUNDED, values }))).toBe('');
        expect(refusal(() => scanInChunks(text, at, { ...UNBOUNDED, values: values - 1 }))).toMatch(/more than the \d+ values/);
      }),
    );
  });

  it('refuses a forbidden key however it is escaped or cut, and only a key', () => {
    const spellings = ['__proto__', '\\u005f\\u005fproto\\u005f\\u005f', 'constructor', 'prot\\u006ftype'];
    fc.assert(
      fc.property(fc.constantFrom(...spellings), cuts, fc.boolean(), (key, at, deep) => {
        const text = deep ? `{"snapshots":[{"nodes":[{"facts":{"${key}":1}}]}]}` : `{"${key}":{}}`;
        expect(refusal(() => scanInChunks(text, at))).toMatch(/forbidden key "(__proto__|constructor|prototype)"/);
        expect(refusal(() => scanInChunks(JSON.stringify({ a: JSON.parse(`"${key}"`) as string }), at))).toBe('');
      }),
    );
  });

  it('counts the snapshots list and each snapshot’s nodes and unmanaged instances, wherever the keys come and however they are cut', () => {
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.nat({ max: 6 }), fc.nat({ max: 6 }), cuts, (snapshots, nodes, unmanaged, at) => {
        const snapshot = JSON.stringify({
          unmanaged: Array.from({ length: unmanaged }, () => ({ state: 'stopped', unmanaged: [1, 2, 3] })),
          label: 'x',
          nodes: Array.from({ length: nodes }, () => ({ facts: { nodes: [1, 2, 3] } })),
        });
        const text = `{"s\\u006eapshots":[${Array.from({ length: snapshots }, () => snapshot).join(',')}]}`;
        const limits = { ...UNBOUNDED, snapshots, nodesPerSnapshot: nodes, unmanagedPerSnapshot: unmanaged, listLength: 3 };
        expect(refusal(() => scanInChunks(text, at, limits))).toBe('');
        if (snapshots > 0) {
          expect(refusal(() => scanInChunks(text, at, { ...limits, snapshots: snapshots - 1 }))).toMatch(
            new RegExp(`announces ${snapshots - 1} snapshots but the file holds more`),
          );
        }
        if (snapshots > 0 && nodes > 0) {
          expect(refusal(() => scanInChunks(text, at, { ...limits, nodesPerSnapshot: nodes - 1 }))).toMatch(
            new RegExp(`lists more than the ${nodes - 1} nodes`),
          );
        }
        if (snapshots > 0 && unmanaged > 0) {
          expect(refusal(() => scanInChunks(text, at, { ...limits, unmanagedPerSnapshot: unmanaged - 1 }))).toMatch(
            new RegExp(`lists more than the ${unmanaged - 1} unmanaged EC2 instances`),
          );
        }
      }),
    );
  });

  it('refuses nesting deeper than an export has', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(refusal(() => scanInChunks(nested(MAX_PAYLOAD_DEPTH), []))).toBe('');
    expect(refusal(() => scanInChunks(nested(MAX_PAYLOAD_DEPTH + 1), []))).toMatch(/deeper than an export does/);
    expect(refusal(() => scanInChunks(`{"a":"${'['.repeat(100)}"}`, []))).toBe('');
  });

  it('refuses a field an export does not have at the top or snapshot level, however the key is escaped or cut, and nowhere deeper', () => {
    const keys = { payload: new Set(['snapshots']), snapshot: new Set(['label', 'nodes']) };
    const limits = { ...UNBOUNDED, keys };
    fc.assert(
      fc.property(cuts, (at) => {
        const fine = `{"s\\u006eapshots":[{"label":"x","nodes":[{"facts":{"junk":[1]}}]}]}`;
        expect(refusal(() => scanInChunks(fine, at, limits))).toBe('');
        expect(refusal(() => scanInChunks(`{"snapshots":[],"junk":[${'"aaaaaaaaaaaaaaaaaaaa",'.repeat(50)}0]}`, at, limits))).toMatch(
          /a field an export does not have \(at its top level\)/,
        );
        expect(refusal(() => scanInChunks(`{"snapshots":[{"label":"x","l\\u0061bels":[]}]}`, at, limits))).toMatch(
          /a field an export does not have \(in a snapshot\)/,
        );
      }),
    );
  });

  it('refuses a list longer than an export holds, other than the snapshots and their nodes', () => {
    const limits = { ...UNBOUNDED, listLength: 3 };
    expect(refusal(() => scanInChunks(`{"snapshots":[1,2,3,4],"x":[1,2,3]}`, [], limits))).toBe('');
    expect(refusal(() => scanInChunks(`{"snapshots":[{"nodes":[1,2,3,4],"scopes":[1,2,3,4]}]}`, [], limits))).toMatch(
      /a list longer than the 3 items/,
    );
  });
});
