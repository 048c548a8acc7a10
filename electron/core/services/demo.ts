/**
 * "Try it with simulated data": the demo's five weekly audits of a simulated organization into
 * the app's own history, labelled as simulated so they are never mistaken for a client's. One
 * load at a time, and never while an audit runs.
 */
import { recordDemoHistory } from '../demo/demoHistory';
import { UserFacingError } from '../errors';
import type { Log } from '../log';
import type { AuditService } from './audits';
import type { SnapshotService } from './snapshots';
import { validInput } from './validate';

export const DEMO_CLIENT = 'デモ (シミュレーション) / Demo (simulated)';
const DEMO_NODES = 600;
const FINISHED = new Set(['done', 'failed', 'cancelled']);

export class DemoService {
  #loading = false;

  constructor(
    private readonly snapshots: SnapshotService,
    private readonly audits: AuditService,
    private readonly log: Log,
  ) {}

  async load(input: { nodes?: number | undefined } = {}): Promise<{ snapshotIds: number[] }> {
    const { nodes = DEMO_NODES } = validInput('demo:load', input);
    if (this.#loading) throw new UserFacingError('Demo data is already being loaded.');
    const phase = this.audits.status()?.phase;
    if (phase && !FINISHED.has(phase)) throw new UserFacingError('An audit is running. Load the demo data when it has finished.');
    this.#loading = true;
    try {
      const recorded = await recordDemoHistory(this.snapshots, { nodes, client: DEMO_CLIENT, log: this.log });
      return { snapshotIds: recorded.map((a) => a.snapshotId) };
    } finally {
      this.#loading = false;
    }
  }
}
