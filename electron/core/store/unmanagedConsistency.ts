/**
 * What the funnel's figures rely on between a snapshot's scopes and its unmanaged EC2 instances
 * (issue 30): each instance sits in a regional scope whose instances were read (its `coverage`),
 * once, and is not also a managed node; a scope counts at least the instances it lists as
 * unmanaged; an account never reached (no region) read nothing. The save refuses a snapshot that
 * breaks it, and the import a file (archiveConsistency.ts), with the same words.
 */
import type { PlacedUnmanagedInstance } from '../../../shared/ec2Coverage';
import type { ScopeResult } from '../../../shared/model';

/** The first way the instances disagree with the scopes, or undefined. `isNode` takes `account/region/instance id`. */
export function unmanagedInconsistency(
  scopes: readonly Pick<ScopeResult, 'accountId' | 'region' | 'coverage'>[],
  unmanaged: readonly PlacedUnmanagedInstance[],
  isNode: (key: string) => boolean,
): string | undefined {
  const room = new Map<string, number>();
  for (const scope of scopes) {
    if (!scope.coverage) continue;
    if (scope.region === null)
      return `scope ${scope.accountId} (all regions) has EC2 coverage, but an account never reached read no instances`;
    room.set(`${scope.accountId}/${scope.region}`, scope.coverage.ec2Instances);
  }
  const seen = new Set<string>();
  for (const u of unmanaged) {
    const area = `${u.accountId}/${u.region}`;
    const key = `${area}/${u.instanceId}`;
    if (seen.has(key)) return `unmanaged instance ${key} appears twice in the snapshot`;
    seen.add(key);
    if (isNode(key)) return `instance ${key} is both a managed node and an unmanaged instance`;
    const left = room.get(area);
    if (left === undefined) return `unmanaged instance ${key} is in ${area}, whose EC2 instances were not read`;
    if (left === 0) return `scope ${area} lists more unmanaged instances than the EC2 instances it counts`;
    room.set(area, left - 1);
  }
  return undefined;
}
