/**
 * The unmanaged EC2 instances of a snapshot (issue 30), filtered and paged, with the causes
 * shared/ec2Coverage.ts derives from their stored facts.
 */
import type { Database } from 'better-sqlite3';
import type { UnmanagedFilters, UnmanagedPage } from '../../../shared/ec2Coverage';

export interface UnmanagedQuery {
  filters?: UnmanagedFilters | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export function unmanagedInstances(_db: Database, _snapshotId: number, _query: UnmanagedQuery = {}): UnmanagedPage {
  // Issue 30: the table and its query land with the store's part of the issue.
  return {
    total: 0,
    rows: [],
    byCause: { stopped: 0, noProfile: 0, roleWithoutPolicy: 0, noRoute: 0, notDetermined: 0 },
    scopesRead: 0,
    scopesNotRead: 0,
  };
}
