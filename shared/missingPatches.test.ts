import { describe, expect, it } from 'vitest';
import { comparePatches, missingPatchSummary, nodesWithPatch, type PatchNodeInput } from './missingPatches';
import type { NodeFacts, PatchDetail } from './model';

const KB_CU: PatchDetail = {
  title: '2024-05 Cumulative Update for Windows Server 2019 (KB5037765)',
  kbId: 'KB5037765',
  classification: 'SecurityUpdates',
  severity: 'Critical',
  state: 'Missing',
  cveIds: ['CVE-2024-30051', 'CVE-2024-30044'],
};
const KB_NET: PatchDetail = {
  title: '2024-05 Cumulative Update for .NET Framework (KB5037036)',
  kbId: 'KB5037036',
  classification: 'SecurityUpdates',
  severity: 'Important',
  state: 'Missing',
  cveIds: ['CVE-2024-30045', 'CVE-2024-30051'],
};
const OPENSSL: PatchDetail = {
  title: 'openssl',
  kbId: 'openssl.x86_64:1:3.0.8-1.amzn2023.0.12',
  classification: 'Security',
  severity: 'Important',
  state: 'Failed',
  cveIds: ['CVE-2024-0727'],
};
const TZDATA: PatchDetail = {
  title: 'tzdata',
  kbId: 'tzdata.noarch:2024a-1',
  classification: 'Bugfix',
  state: 'InstalledPendingReboot',
  cveIds: [],
};

function node(
  instanceId: string,
  accountId: string,
  patches: PatchDetail[] | undefined,
  source?: NodeFacts['sources']['patches'],
): PatchNodeInput {
  const facts: NodeFacts = {
    accountId,
    region: 'us-east-1',
    instanceId,
    sources: { patchState: 'ok', inventory: 'ok', network: 'ok', ...(source ? { patches: source } : {}) },
    ...(patches ? { patches } : {}),
  };
  return { row: { accountId, region: 'us-east-1', instanceId, name: null }, facts };
}

const FLEET = [
  node('i-win1', '111111111111', [KB_CU, KB_NET], 'ok'),
  node('i-win2', '222222222222', [KB_CU], 'ok'),
  node('i-win3', '222222222222', [{ ...KB_CU, state: 'Failed' }], 'ok'),
  node('i-al1', '111111111111', [OPENSSL, TZDATA], 'ok'),
  node('i-clean', '111111111111', [], 'ok'),
  node('i-denied', '333333333333', undefined, 'denied'),
  node('i-denied2', '333333333333', undefined, 'denied'),
  // A snapshot saved before patches were read: unknown, not "no missing patch".
  node('i-old', '111111111111', undefined),
];

describe('missingPatchSummary', () => {
  it('ranks patches by nodes affected, then accounts, with their states', () => {
    const summary = missingPatchSummary(FLEET);
    expect(summary.patches.map((p) => [p.kbId, p.nodes, p.accounts])).toEqual([
      ['KB5037765', 3, 2],
      ['KB5037036', 1, 1],
      ['openssl.x86_64:1:3.0.8-1.amzn2023.0.12', 1, 1],
      ['tzdata.noarch:2024a-1', 1, 1],
    ]);
    expect(summary.patches[0]!.states).toEqual({ Missing: 2, Failed: 1, InstalledPendingReboot: 0 });
    expect(summary.totals).toEqual({ nodes: 8, read: 5, affected: 4, patches: 4, cves: 4 });
  });

  it('names the CVE ids of a patch whichever node reports them first (AWS gives none for pending reboot)', () => {
    const pending = node('i-pending', '111111111111', [{ ...KB_CU, state: 'InstalledPendingReboot', cveIds: [] }], 'ok');
    const summary = missingPatchSummary([pending, ...FLEET]);
    expect(summary.patches.find((p) => p.kbId === 'KB5037765')?.cveIds).toEqual(['CVE-2024-30051', 'CVE-2024-30044']);
  });

  it('ranks CVEs by nodes once per node, whichever of its patches fixes them', () => {
    const [top] = missingPatchSummary(FLEET).cves;
    // CVE-2024-30051 is fixed by two patches on i-win1: that node counts once.
    expect(top).toEqual({
      cveId: 'CVE-2024-30051',
      nodes: 3,
      accounts: 2,
      severity: 'Critical',
      patches: 2,
      kbIds: ['KB5037036', 'KB5037765'],
    });
  });

  it('counts nodes whose patches were not read as unknown, with why', () => {
    const { unknown } = missingPatchSummary(FLEET);
    expect(unknown).toEqual({
      nodes: 3,
      reasons: [
        { reason: 'denied', nodes: 2 },
        { reason: 'not_recorded', nodes: 1 },
      ],
    });
  });

  it('filters nodes by account and patches by severity, classification and state', () => {
    const critical = missingPatchSummary(FLEET, { filters: { severities: ['Critical'] } });
    expect(critical.patches.map((p) => p.kbId)).toEqual(['KB5037765']);
    expect(critical.totals.affected).toBe(3);
    const account = missingPatchSummary(FLEET, { filters: { accountIds: ['333333333333'] } });
    expect(account.totals).toMatchObject({ nodes: 2, read: 0, affected: 0 });
    expect(account.unknown.nodes).toBe(2);
    const failed = missingPatchSummary(FLEET, { filters: { states: ['Failed'], classifications: ['Security'] } });
    expect(failed.patches.map((p) => p.kbId)).toEqual(['openssl.x86_64:1:3.0.8-1.amzn2023.0.12']);
    // The choices stay those of the whole snapshot, so a filter never hides the others.
    expect(failed.values.severities).toEqual(['Critical', 'Important']);
    expect(failed.values.accountIds).toHaveLength(3);
  });

  it('cuts the lists at the limit, not the totals', () => {
    const summary = missingPatchSummary(FLEET, { limit: 1 });
    expect(summary.patches).toHaveLength(1);
    expect(summary.cves).toHaveLength(1);
    expect(summary.totals.patches).toBe(4);
  });
});

describe('nodesWithPatch', () => {
  it("lists a patch's or a CVE's nodes with the state on each", () => {
    const byPatch = nodesWithPatch(FLEET, { kbId: KB_CU.kbId, title: KB_CU.title });
    expect(byPatch.nodes.map((n) => [n.instanceId, n.state])).toEqual([
      ['i-win1', 'Missing'],
      ['i-win2', 'Missing'],
      ['i-win3', 'Failed'],
    ]);
    expect(nodesWithPatch(FLEET, { cveId: 'CVE-2024-0727' }, { limit: 5 }).nodes.map((n) => n.instanceId)).toEqual(['i-al1']);
    expect(nodesWithPatch(FLEET, { cveId: 'CVE-2024-30051' }, { limit: 1 })).toMatchObject({ total: 3, nodes: [{ instanceId: 'i-win1' }] });
  });
});

describe('comparePatches', () => {
  it('lists patches newly missing and resolved on nodes both snapshots hold, and counts the unknown', () => {
    const before = [
      node('i-win1', '111111111111', [KB_NET], 'ok'),
      node('i-win2', '222222222222', [KB_CU], 'ok'),
      node('i-al1', '111111111111', [OPENSSL], 'ok'),
      node('i-denied', '333333333333', [KB_CU], 'ok'),
      node('i-gone', '111111111111', [KB_CU], 'ok'),
    ];
    const after = [
      node('i-win1', '111111111111', [KB_CU, KB_NET], 'ok'),
      node('i-win2', '222222222222', [KB_CU], 'ok'),
      // Installed, waiting for a reboot: resolved.
      node('i-al1', '111111111111', [{ ...OPENSSL, state: 'InstalledPendingReboot', cveIds: [] }], 'ok'),
      node('i-denied', '333333333333', undefined, 'denied'),
      node('i-new', '111111111111', [KB_NET], 'ok'),
    ];
    const diff = comparePatches(before, after, { from: 1, to: 2 });
    expect(diff.compared).toBe(3);
    expect(diff.unknown).toEqual({ nodes: 1, reasons: [{ reason: 'denied', nodes: 1 }] });
    expect(diff.newlyMissing.map((p) => [p.kbId, p.nodes])).toEqual([['KB5037765', 1]]);
    expect(diff.resolved.map((p) => [p.kbId, p.nodes])).toEqual([['openssl.x86_64:1:3.0.8-1.amzn2023.0.12', 1]]);
    // CVE-2024-30051 was already open on i-win1 through the .NET update.
    expect(diff.totals).toEqual({ newlyMissing: 1, resolved: 1, newCves: 1, resolvedCves: 1 });
  });
});
