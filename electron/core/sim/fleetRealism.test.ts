/**
 * The simulated fleet reads like AWS (issue 27 item 7), over generated seeds: patch titles name
 * real products and no internal key, no node's last patch operation or inventory is after its
 * last contact, and the Critical/Security/Other non-compliant counts split the patches AWS counts
 * as non-compliant (missing, failed, rejected, pending reboot), as the patch list shows them; and
 * through the demo's weeks, unmanaged EC2 instances keep the causes they were built for (issue 30).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agedBy, applyWeek, DEMO_WEEKS } from '../demo/demoScenario';
import { nonCompliantPatches, type Fleet, type SimNode } from './fleet';
import { generateFleet } from './generateFleet';
import { patchesFor } from './ssmOperations';
import { causesCompared } from '../../../test/support/unmanagedCauses';

const nodesOf = (fleet: Fleet): SimNode[] => fleet.accounts.flatMap((a) => Object.values(a.regions).flatMap((r) => r.nodes));
const at = (ageS: number): Date => new Date(Date.UTC(2026, 11, 1) - ageS * 1000);

// Generating and listing thousands of patches is CPU work: the time limit only guards against a hang.
// Enough nodes per region that every platform of the table has its slot (generateRegion).
const smallFleet = (seed: string): Fleet => generateFleet({ seed, accounts: 1, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 70 });
const seeds = fc.string({ minLength: 1, maxLength: 12 });

const WINDOWS_TITLE =
  /^20\d\d-\d\d (Cumulative Update|Security Monthly Quality Rollup) for (Windows Server (2008|2008 R2|2012|2012 R2|2016|2019|2022|2025)|Windows 10) for x64-based Systems \(KB\d{7}\)$/;

/** What in a node's state does not read like AWS; empty when all is well (checked plainly: thousands of patches per fleet). */
function stateFaults(node: SimNode): string[] {
  const p = node.patchState;
  const faults: string[] = [];
  if (node.inventoryAgeS < node.lastPingAgeS) faults.push(`${node.instanceId}: inventory after the last contact`);
  if (!p) return faults;
  if (p.operationAgeS < node.lastPingAgeS) faults.push(`${node.instanceId} (${node.pingStatus}): patch operation after the last contact`);
  if (p.critical + p.security + p.other !== nonCompliantPatches(p))
    faults.push(`${node.instanceId}: severities do not split the open patches`);
  if (Math.min(p.critical, p.security, p.other) < 0) faults.push(`${node.instanceId}: negative count`);
  return faults;
}

function patchListFaults(node: SimNode): string[] {
  const p = node.patchState;
  if (!p) return [];
  const faults: string[] = [];
  const patches = patchesFor(node, at);
  const count = (pick: (patch: (typeof patches)[number]) => boolean) => patches.filter(pick).length;
  const open = (patch: (typeof patches)[number]) => patch.State !== 'INSTALLED' && patch.State !== 'INSTALLED_OTHER';
  const expected: [string, number, number][] = [
    ['MISSING', count((x) => x.State === 'MISSING'), p.missing],
    ['FAILED', count((x) => x.State === 'FAILED'), p.failed],
    ['INSTALLED_PENDING_REBOOT', count((x) => x.State === 'INSTALLED_PENDING_REBOOT'), p.installedPendingReboot],
    ['INSTALLED_REJECTED', count((x) => x.State === 'INSTALLED_REJECTED'), p.installedRejected],
    ['open Critical', count((x) => open(x) && x.Severity === 'Critical'), p.critical],
    ['open Important', count((x) => open(x) && x.Severity === 'Important'), p.security],
  ];
  for (const [what, listed, counted] of expected)
    if (listed !== counted) faults.push(`${node.instanceId}: ${listed} ${what} listed, ${counted} counted`);
  const release = node.platformName.replaceAll('®', '');
  for (const patch of patches) {
    const title = patch.Title ?? '';
    if (title.includes(node.instanceId) || /:own|WindowsServer|Windows10/.test(title)) faults.push(`internal key in "${title}"`);
    if (node.platformType !== 'Windows') continue;
    const product = WINDOWS_TITLE.exec(title)?.[2];
    // The product in the title is the node's own release.
    if (!product || !release.includes(product)) faults.push(`"${title}" on ${node.platformName}`);
  }
  return faults;
}

describe('the simulated fleet reads like AWS', () => {
  it('holds for generated fleets: counts, times and patch titles', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const nodes = nodesOf(smallFleet(seed));
        expect(nodes.some((n) => n.platformType === 'Windows' && n.patchState)).toBe(true);
        expect(nodes.some((n) => n.pingStatus !== 'Online' && n.patchState)).toBe(true);
        expect(nodes.flatMap((node) => [...stateFaults(node), ...patchListFaults(node)])).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('holds through the demo weeks and at every audit date', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const fleet = smallFleet(seed);
        for (const [week, plan] of DEMO_WEEKS.entries()) {
          applyWeek(fleet, week, plan);
          expect(nodesOf(agedBy(fleet, week * 7 * 86_400)).flatMap(stateFaults)).toEqual([]);
        }
        expect(nodesOf(fleet).flatMap(patchListFaults)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('counts failed, pending-reboot and rejected patches as non-compliant, as AWS does', () => {
    const nodes = nodesOf(generateFleet({ seed: 'counts', accounts: 2, nodesPerRegion: 200 }));
    const only = (pick: (p: NonNullable<SimNode['patchState']>) => boolean) =>
      nodes.find((n) => n.patchState && n.patchState.missing === 0 && pick(n.patchState));
    // A node with nothing missing but a failed install, or a reboot pending, still has non-compliant patches.
    for (const node of [only((p) => p.failed > 0), only((p) => p.installedPendingReboot > 0)]) {
      expect(node).toBeDefined();
      const p = node!.patchState!;
      expect(p.critical + p.security + p.other).toBe(p.failed + p.installedPendingReboot + p.installedRejected);
      expect(p.critical + p.security + p.other).toBeGreaterThan(0);
    }
  });

  it('stay true to their causes through the demo weeks, as some are fixed and others launched', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (seed) => {
        const fleet = generateFleet({ seed, accounts: 2, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 30, unmanagedPerRegion: 12 });
        const unmanagedIds = () => new Set(causesCompared(fleet).map((c) => c.id));
        const managedIds = () =>
          new Set(fleet.accounts.flatMap((a) => Object.values(a.regions).flatMap((r) => r.nodes.map((n) => n.instanceId))));
        const first = unmanagedIds();
        for (const [week, plan] of DEMO_WEEKS.entries()) applyWeek(fleet, week, plan);
        const compared = causesCompared(fleet);
        expect(compared.filter((c) => JSON.stringify(c.built) !== JSON.stringify(c.derived) || c.unchecked.length)).toEqual([]);
        const last = unmanagedIds();
        const managed = managedIds();
        // Fixed ones are managed nodes now, under the same instance id; new ones were launched.
        expect([...first].some((id) => !last.has(id) && managed.has(id))).toBe(true);
        expect([...last].some((id) => !first.has(id))).toBe(true);
        expect([...last].filter((id) => managed.has(id))).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});
