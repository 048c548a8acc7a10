/**
 * One baseline per report (issue 27): the snapshot asked for (`--compare`, the report form) or,
 * when none is, the newest earlier complete audit of the same accounts and regions. The executive
 * summary and the comparison section both read it from the model, so they never name two.
 */
import type { SnapshotMeta } from '../store';

export type BaselineChoice = 'asked' | 'automatic';

type Scoped = Pick<SnapshotMeta, 'id' | 'startedAt'> & { scopes: ReadonlyArray<{ accountId: string; region: string | null }> };

// An account-level scope (region null: never reached under all regions) is an area of its own.
const areaKey = (s: { accountId: string; region: string | null }): string => `${s.accountId}\u0000${s.region ?? ''}`;

function sameAreas(a: Scoped['scopes'], b: Scoped['scopes']): boolean {
  const left = new Set(a.map(areaKey));
  const right = new Set(b.map(areaKey));
  return left.size === right.size && [...left].every((key) => right.has(key));
}

/**
 * The newest snapshot started before `target` that is complete, an audit of its own (a re-evaluated
 * copy repeats its source's time under another edition) and covers exactly the same account × region
 * scopes; undefined when none does. `scopesOf` is asked for candidates only, newest first, until one fits.
 */
export function automaticBaseline(
  target: Scoped,
  snapshots: readonly SnapshotMeta[],
  scopesOf: (id: number) => Scoped['scopes'],
): number | undefined {
  const candidates = snapshots
    .filter((s) => s.id !== target.id && s.startedAt < target.startedAt && s.status === 'complete' && s.derivedFrom === undefined)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
  return candidates.find((s) => sameAreas(scopesOf(s.id), target.scopes))?.id;
}
