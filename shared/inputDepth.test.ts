import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { MAX_INPUT_DEPTH, nestedDeeperThan } from './inputDepth';

/** The plain recursive definition the iterative check must agree with. */
const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** The zod 4 definition fields the walk below reads. */
interface SchemaDef {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  items?: Schema[];
  valueType?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  left?: Schema;
  right?: Schema;
}
interface Schema {
  _zod: { def: SchemaDef };
}

/** The deepest input a schema accepts (an unknown kind of container fails the test, so a new one is looked at). */
function schemaDepth(schema: Schema): number {
  const def = schema._zod.def;
  const deepest = (schemas: Schema[]) => Math.max(0, ...schemas.map(schemaDepth));
  switch (def.type) {
    case 'object':
      return 1 + deepest([...Object.values(def.shape!), ...(def.catchall ? [def.catchall] : [])]);
    case 'array':
      return 1 + schemaDepth(def.element!);
    case 'tuple':
      return 1 + deepest(def.items!);
    case 'record':
      return 1 + schemaDepth(def.valueType!);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return schemaDepth(def.innerType!);
    case 'pipe':
      return Math.max(schemaDepth(def.in!), schemaDepth(def.out!));
    case 'union':
      return deepest(def.options!);
    case 'intersection':
      return Math.max(schemaDepth(def.left!), schemaDepth(def.right!));
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'undefined':
    case 'null':
    case 'never':
      return 0;
    default:
      throw new Error(`schemaDepth does not know zod's ${def.type}`);
  }
}

describe('input depth', () => {
  it('leaves room for the deepest input of every contract method', () => {
    const depths = Object.entries(contract.methods).map(([name, spec]) => [name, schemaDepth(spec.input as unknown as Schema)] as const);
    expect(depths.filter(([, depth]) => depth > MAX_INPUT_DEPTH)).toEqual([]);
    // The walk sees real nesting (a saved plan's input is the deepest today).
    expect(Math.max(...depths.map(([, depth]) => depth))).toBeGreaterThanOrEqual(3);
  });

  it('agrees with the recursive definition over generated JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 0, max: 14 }), (value, limit) => {
        expect(nestedDeeperThan(value, limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 500 },
    );
  });

  it('answers for a depth that would overflow a recursive walk or a structured clone', () => {
    const levels = 200_000;
    const deep: unknown = JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
    expect(nestedDeeperThan(deep, MAX_INPUT_DEPTH)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
  });
});
