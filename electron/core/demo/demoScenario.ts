/**
 * What happens to the demo fleet between weekly audits: the client's team patches nodes and
 * updates agents, a patch release makes others non-compliant again, servers come and go, EC2
 * instances that were not managed nodes are fixed and others launched without what they need. Every
 * change is drawn from a seeded PRNG, so the demo tells the same story on every run.
 */
import { LATEST_AGENT_VERSION, nonCompliantPatches, type Fleet, type RegionFleet, type SimNode } from '../sim';
import { createPrng, type Prng } from '../sim/prng';

const DAY_S = 86_400;

export interface WeekPlan {
  /** Share of non-compliant nodes the team patches this week. */
  patch: number;
  /** Share of nodes on an agent below the latest that get the latest agent. */
  updateAgents: number;
  /** Share of compliant nodes a new patch release makes non-compliant. */
  newPatches: number;
  /** Nodes added per account × region (copies of existing ones with new ids). */
  add: number;
  /** Nodes decommissioned per account × region. */
  remove: number;
  /** Share of unmanaged EC2 instances (the NAT instance aside) the team fixes, so they become managed nodes. */
  enroll: number;
  /** EC2 instances launched per account × region without what they need to be managed (like an existing unmanaged one). */
  launchUnmanaged: number;
}

/** Week 0 is the fleet as generated; then five weeks of remediation with one setback. */
export const DEMO_WEEKS: readonly WeekPlan[] = [
  { patch: 0, updateAgents: 0, newPatches: 0, add: 0, remove: 0, enroll: 0, launchUnmanaged: 0 },
  { patch: 0.35, updateAgents: 0.3, newPatches: 0, add: 3, remove: 1, enroll: 0.2, launchUnmanaged: 1 },
  { patch: 0.2, updateAgents: 0.2, newPatches: 0.25, add: 2, remove: 2, enroll: 0.1, launchUnmanaged: 2 },
  { patch: 0.45, updateAgents: 0.3, newPatches: 0, add: 1, remove: 1, enroll: 0.3, launchUnmanaged: 0 },
  { patch: 0.5, updateAgents: 0.4, newPatches: 0.05, add: 2, remove: 0, enroll: 0.25, launchUnmanaged: 1 },
];

function newId(prng: Prng, prefix: string, taken: Set<string>): string {
  for (;;) {
    const id = `${prefix}-0${prng.hex(16)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The team's install run on an online node. What stays open, as AWS counts it (nonCompliantPatches):
 * the patches awaiting the reboot and any installed rejected one, taken from the severities that
 * were open (Critical first: the kernel and cumulative updates are the ones that need a reboot).
 */
function patchNode(node: SimNode, prng: Prng): void {
  const p = node.patchState;
  if (!p) return;
  const wasOpen = { critical: p.critical, security: p.security };
  p.installed += p.missing + p.failed;
  p.missing = 0;
  p.failed = 0;
  p.operation = 'Install';
  p.operationAgeS = node.lastPingAgeS + Math.floor(prng.next() * 2 * DAY_S);
  // Some installs need a reboot that has not happened yet.
  p.installedPendingReboot = prng.next() < 0.2 ? 1 + Math.floor(prng.next() * 3) : 0;
  const open = nonCompliantPatches(p);
  p.critical = Math.min(wasOpen.critical, open);
  p.security = Math.min(wasOpen.security, open - p.critical);
  p.other = open - p.critical - p.security;
}

/** A patch release, seen by the next scan of an online node (one that lost its connection reports nothing). */
function releasePatches(node: SimNode, prng: Prng): void {
  const p = node.patchState;
  if (!p || node.pingStatus !== 'Online') return;
  const critical = prng.next() < 0.4 ? 1 : 0;
  const security = 1 + Math.floor(prng.next() * 2);
  p.critical += critical;
  p.security += security;
  p.missing += critical + security;
  p.operation = 'Scan';
  p.operationAgeS = node.lastPingAgeS + Math.floor(prng.next() * DAY_S);
}

/**
 * The team fixes some unmanaged instances (an instance profile, a route, the agent): each becomes a
 * managed node with the same instance id, taking an online EC2 node of the region as its model.
 * Others are launched like an existing unmanaged one, so they have its causes.
 */
function changeUnmanaged(region: RegionFleet, plan: WeekPlan, prng: Prng, taken: Set<string>, week: number): void {
  for (const other of region.otherInstances) other.launchAgeS += week > 0 ? 7 * DAY_S : 0;
  const model = region.nodes.find((n) => n.kind === 'ec2' && n.pingStatus === 'Online');
  const fixable = region.otherInstances.filter((i) => i.state !== 'terminated' && !i.natInstance);
  if (model) {
    for (const instance of fixable) {
      if (prng.next() >= plan.enroll || !instance.vpcId || !instance.subnetId) continue;
      const node = structuredClone(model);
      node.instanceId = instance.instanceId;
      node.computerName = instance.name ?? `${model.computerName.split('.')[0]}-e${week}`;
      node.privateIp = instance.privateIp ?? node.privateIp;
      node.ec2 = { ...node.ec2!, vpcId: instance.vpcId, subnetId: instance.subnetId, state: 'running' };
      region.nodes.push(node);
      region.otherInstances.splice(region.otherInstances.indexOf(instance), 1);
    }
  }
  const templates = region.otherInstances.filter((i) => i.state !== 'terminated' && !i.natInstance);
  for (let i = 0; i < plan.launchUnmanaged && templates.length > 0; i++) {
    const copy = structuredClone(templates[Math.floor(prng.next() * templates.length)]!);
    copy.instanceId = newId(prng, 'i', taken);
    if (copy.name !== undefined) copy.name = `${copy.name}-w${week}`;
    copy.launchAgeS = (1 + Math.floor(prng.next() * 6)) * DAY_S;
    taken.add(copy.instanceId);
    region.otherInstances.push(copy);
  }
}

const nonCompliant = (n: SimNode): boolean => n.patchState !== null && (n.patchState.missing > 0 || n.patchState.failed > 0);

/** Applies one week's changes to the fleet in place. */
export function applyWeek(fleet: Fleet, week: number, plan: WeekPlan): void {
  const prng = createPrng(`${fleet.seed}/week-${week}`);
  const taken = new Set(
    fleet.accounts.flatMap((a) =>
      Object.values(a.regions).flatMap((r) => [...r.nodes.map((n) => n.instanceId), ...r.otherInstances.map((i) => i.instanceId)]),
    ),
  );
  for (const account of fleet.accounts) {
    for (const region of Object.values(account.regions)) {
      for (const node of region.nodes) {
        if (nonCompliant(node) && node.pingStatus === 'Online' && prng.next() < plan.patch) patchNode(node, prng);
        else if (!nonCompliant(node) && prng.next() < plan.newPatches) releasePatches(node, prng);
        // Windows Server 2008 must stay on agent 2.3.1644.0 or earlier (P6): the team knows not to update those.
        if (node.agentVersion !== LATEST_AGENT_VERSION && !/2008/.test(node.platformName) && prng.next() < plan.updateAgents)
          node.agentVersion = LATEST_AGENT_VERSION;
      }
      for (let i = 0; i < plan.remove && region.nodes.length > 1; i++) {
        region.nodes.splice(Math.floor(prng.next() * region.nodes.length), 1);
      }
      for (let i = 0; i < plan.add && region.nodes.length > 0; i++) {
        const template = region.nodes[Math.floor(prng.next() * region.nodes.length)]!;
        const copy = structuredClone(template);
        copy.instanceId = newId(prng, template.kind === 'ec2' ? 'i' : 'mi', taken);
        copy.computerName = `${template.computerName.split('.')[0]}-n${week}${i}`;
        taken.add(copy.instanceId);
        region.nodes.push(copy);
      }
      // A PRNG of its own, so the managed nodes' story stays the one told before unmanaged instances joined it.
      changeUnmanaged(region, plan, createPrng(`${fleet.seed}/week-${week}/${account.accountId}/${region.region}`), taken, week);
    }
  }
}

/**
 * The simulator dates a fleet's ages against the moment it is installed (real time). An audit
 * dated `offsetS` seconds in the past must see the fleet as it was then: every age grows by the
 * offset, so "scanned 2 days ago" stays 2 days before the audit's own (injected) clock.
 */
export function agedBy(fleet: Fleet, offsetS: number): Fleet {
  const copy = structuredClone(fleet);
  for (const account of copy.accounts) {
    for (const region of Object.values(account.regions)) {
      for (const node of region.nodes) {
        node.lastPingAgeS += offsetS;
        node.inventoryAgeS += offsetS;
        if (node.patchState) node.patchState.operationAgeS += offsetS;
      }
      for (const association of region.associations) association.lastExecutionAgeS += offsetS;
      for (const other of region.otherInstances) other.launchAgeS += offsetS;
    }
  }
  for (const member of copy.organization.accounts) member.joinedAgeS += offsetS;
  return copy;
}
