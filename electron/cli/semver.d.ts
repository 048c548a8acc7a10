/** The part of `semver` 7.x that nodeSupport.ts uses: the package ships no types (no @types/semver here). */
declare module 'semver' {
  type Version = { readonly major: number; readonly minor: number; readonly patch: number };
  /** Each `||` clause as its comparators: a caret clause has two, its floor and the next major. */
  export class Range {
    constructor(range: string);
    readonly set: ReadonlyArray<ReadonlyArray<{ readonly semver: Version }>>;
  }
  export function satisfies(version: string, range: string): boolean;
  export function valid(version: string): string | null;
  export function validRange(range: string): string | null;
}
