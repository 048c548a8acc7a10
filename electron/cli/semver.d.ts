/** The part of `semver` (7.x, untyped here: no @types/semver) that nodeSupport.ts uses. */
declare module 'semver' {
  export interface Comparator {
    readonly operator: '' | '<' | '<=' | '>' | '>=' | '=';
    readonly semver: { readonly major: number; readonly minor: number; readonly patch: number };
  }
  export class Range {
    constructor(range: string);
    readonly set: ReadonlyArray<readonly Comparator[]>;
  }
  export function satisfies(version: string, range: string): boolean;
  export function valid(version: string): string | null;
  export function validRange(range: string): string | null;
}
