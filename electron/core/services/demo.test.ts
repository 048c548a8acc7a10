import { describe, expect, it } from 'vitest';
import type { AuditProgress } from '../../../shared/auditPlan';
import { InvalidInputError } from './validate';
import { DemoService } from './demo';
import type { AuditService } from './audits';
import type { SnapshotService } from './snapshots';

/** No snapshot is ever saved here: each case is refused before the simulated audits start. */
const snapshots = {
  save: () => {
    throw new Error('not reached');
  },
} as unknown as SnapshotService;
const auditsIn = (phase: AuditProgress['phase'] | null) =>
  ({ status: () => (phase ? ({ phase } as AuditProgress) : null) }) as unknown as AuditService;

describe('DemoService', () => {
  it('refuses a node count the contract refuses, with the contract’s message', async () => {
    const demo = new DemoService(snapshots, auditsIn(null), () => {});
    for (const nodes of [8, 5001, 9.5]) {
      await expect(demo.load({ nodes })).rejects.toBeInstanceOf(InvalidInputError);
      await expect(demo.load({ nodes })).rejects.toThrow(/^Invalid input for demo:load: nodes: /);
    }
  });

  it('refuses to load while an audit runs', async () => {
    const demo = new DemoService(snapshots, auditsIn('collecting'), () => {});
    await expect(demo.load()).rejects.toThrow('An audit is running. Load the demo data when it has finished.');
  });
});
