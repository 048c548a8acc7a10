/**
 * The demo's history: a simulated organization (3 accounts × 3 regions) audited weekly for five
 * weeks through the real audit engine and SDK. The audits are dated weeks apart by the injected
 * clock; the fleet changes between them (demoScenario.ts), one scope fails once and the last
 * audit is denied one optional data source, so every report section has substance.
 */
import type { AuditPlan } from '../../../shared/auditPlan';
import { DEFAULT_CATALOG_ID, getCatalog } from '../../../shared/catalog';
import { runAudit } from '../audit/runAudit';
import type { PackedSnapshotInput, SnapshotDetail } from '../store';
import { generateFleet, startSimulator, type FaultRule, type Fleet } from '../sim';
import { agedBy, applyWeek, DEMO_WEEKS } from './demoScenario';

export const DEMO_REGIONS = ['ap-northeast-1', 'us-east-1', 'eu-west-1'] as const;
export const DEMO_ACCOUNTS = 3;
const WEEK_S = 7 * 86_400;

/** Faults of one week: week 2 cannot reach one region of one account; the last week is denied inventory there. */
function faultsFor(week: number, fleet: Fleet): FaultRule[] {
  const member = fleet.accounts[2]?.accountId ?? fleet.accounts[0]!.accountId;
  if (week === 2) return [{ match: { accountId: member, region: 'eu-west-1' }, regionDisabled: true }];
  if (week === DEMO_WEEKS.length - 1) {
    return [
      {
        match: { accountId: fleet.accounts[1]?.accountId ?? member, region: 'us-east-1' },
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'ssm:GetInventory' },
          ],
        },
      },
    ];
  }
  return [];
}

export interface DemoAudit {
  snapshotId: number;
  startedAt: string;
  status: string;
  nodes: number;
}

export interface DemoHistoryOptions {
  /** Managed nodes in the first audit, spread over accounts × regions. */
  nodes?: number;
  log?: (line: string) => void;
  /** The time of the last audit (default: now). */
  now?: () => Date;
  /** Client name recorded with the snapshots. */
  client?: string;
}

/**
 * Five weekly audits of the simulated organization through the real audit engine and SDK,
 * saved with `save`: the demo's own database, or the app's when a user asks for demo data.
 */
export async function recordDemoHistory(
  /** The snapshot service's save and read: the demo records through them, so its snapshots are saved as any audit's. */
  snapshots: { save(input: PackedSnapshotInput): number; get(id: number): SnapshotDetail },
  options: DemoHistoryOptions = {},
): Promise<DemoAudit[]> {
  const log = options.log ?? (() => {});
  const scopes = DEMO_ACCOUNTS * DEMO_REGIONS.length;
  const nodesPerRegion = Math.max(1, Math.round((options.nodes ?? 1800) / scopes));
  const fleet = generateFleet({
    seed: 'patch-auditor-demo',
    accounts: DEMO_ACCOUNTS,
    regions: [...DEMO_REGIONS],
    nodesPerRegion,
    // Enough EC2 instances out of Systems Manager's reach for the coverage funnel and Compare to tell a story.
    unmanagedPerRegion: 12,
  });
  const managementKeys = fleet.accounts[0]!;
  const auditRole = managementKeys.roles[0]!;
  const sandboxes = fleet.organization.accounts.filter((a) => !fleet.accounts.some((acc) => acc.accountId === a.id)).map((a) => a.id);
  const lastAudit = (options.now ?? (() => new Date()))().getTime();

  const sim = await startSimulator({ fleet: agedBy(fleet, (DEMO_WEEKS.length - 1) * WEEK_S) });
  const audits: DemoAudit[] = [];
  try {
    for (const [week, plan] of DEMO_WEEKS.entries()) {
      const offsetS = (DEMO_WEEKS.length - 1 - week) * WEEK_S;
      applyWeek(fleet, week, plan);
      sim.setFleet(agedBy(fleet, offsetS));
      sim.setFaults(faultsFor(week, fleet));
      const auditPlan: AuditPlan = {
        regions: [...DEMO_REGIONS],
        homeRegion: 'us-east-1',
        // The consultant discovers the organization and leaves out its sandbox accounts.
        targets: {
          kind: 'organization',
          roleName: auditRole.name,
          ...(auditRole.externalId ? { externalId: auditRole.externalId } : {}),
          exclude: sandboxes,
        },
        label: `Week ${week + 1}`,
        client: options.client ?? 'Example Holdings 株式会社',
        engagement: 'Patch Manager readiness review 2026',
      };
      const started = Date.now();
      const outcome = await runAudit(auditPlan, {
        clientOptions: { endpoint: sim.url, maxAttempts: 6, requestTimeoutMs: 10_000 },
        credentials: { accessKeyId: managementKeys.accessKeyId, secretAccessKey: managementKeys.secretAccessKey },
        saveSnapshot: (input) => snapshots.save(input),
        catalog: getCatalog(DEFAULT_CATALOG_ID)!,
        scanAgeDays: 7,
        now: () => new Date(lastAudit - offsetS * 1000 + (Date.now() - started)),
      });
      const snapshot = snapshots.get(outcome.snapshotId!);
      audits.push({ snapshotId: snapshot.id, startedAt: snapshot.startedAt, status: snapshot.status, nodes: snapshot.nodeCount });
      log(
        `audit ${week + 1}/${DEMO_WEEKS.length}: snapshot ${snapshot.id} ${snapshot.startedAt.slice(0, 10)} ${snapshot.status}, ${snapshot.nodeCount} nodes (${Date.now() - started} ms)`,
      );
    }
  } finally {
    await sim.close();
  }
  return audits;
}
