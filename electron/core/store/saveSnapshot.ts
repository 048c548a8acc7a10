/**
 * Writes one snapshot in one transaction (docs/design.md §6): a crash or kill mid-write leaves the
 * database as it was. Packing (JSON, deflate, hashing) happens before the transaction so the
 * write lock is held only for the inserts.
 *
 * A caller with many nodes (the audit) has them packed batch by batch as they are evaluated
 * (`SnapshotNodes`, which calls `packNodes`) and saves the batches: a node's full facts and
 * checks are then garbage as soon as its batch is packed, instead of every node's being held
 * until the write.
 */
import type { Database } from 'better-sqlite3';
import type { PlacedUnmanagedInstance } from '../../../shared/ec2Coverage';
import type { NodeFacts, SnapshotInput } from '../../../shared/model';
import { encodeStatuses, pack, packChecks, packJson, partOf, splitFacts } from './codec';
import type { Part } from './codec';
import { rowInserter, type Row } from './rows';
import { addOpenCve, coverageOf, writeSummaries, type AreaCves } from './summaries';
import { unmanagedInconsistency } from './unmanagedConsistency';

export class InvalidSnapshotError extends Error {
  override name = 'InvalidSnapshotError';
}

/**
 * A node row as packed: its columns but those the save assigns (snapshot, sequence, part ids),
 * its parts, and whether its patch detail was read (for the summaries); its details are in its
 * batch's chunks.
 */
type PackedRow = Omit<Row<'node'>, 'snapshot_id' | 'seq' | 'network_part' | 'inventory_part'> & {
  network: Part | undefined;
  inventory: Part | undefined;
  patchDetailRead: boolean;
};

/** Nodes packed for saving: their rows, and their details deflated by chunks. */
export interface PackedNodes {
  readonly rows: readonly PackedRow[];
  /** `firstSeq` counts from this batch's first row. */
  readonly chunks: ReadonlyArray<{ firstSeq: number; data: Buffer }>;
  /**
   * The open CVE ids of these nodes, gathered per account and region: the summaries count them
   * per area, and a tuple per CVE per node was a third of a 50,000-node audit's live heap.
   */
  readonly openCves: readonly AreaCves[];
}

/** A snapshot whose nodes were packed ahead of the save, in the order they are to be stored. */
export interface PackedSnapshotInput extends Omit<SnapshotInput, 'nodes'> {
  /** What `SnapshotNodes.add` returned, in the order the nodes are to be stored. */
  packed: readonly PackedNodes[];
}

export type SnapshotToSave = SnapshotInput | PackedSnapshotInput;

/**
 * Nodes per packed detail row. 64 similar nodes deflate to about 220 bytes each with full
 * evidence, against about 300 packed one by one; reading one node inflates its 64 neighbours
 * (well under a millisecond). Readers locate chunks by first_seq, so this may change freely.
 */
const CHUNK_NODES = 64;

/** A batch of this many nodes (or the last of a list) packs into whole chunks. */
export const PACK_BATCH_NODES = CHUNK_NODES * 4;

/**
 * Issue 19: adds the CVE ids a node's missing and failed patches name (pending-reboot ones are
 * installed) to its area's.
 */
function addOpenCves(cves: Map<string, boolean>, patches: NodeFacts['patches']): void {
  for (const patch of patches ?? []) {
    if (patch.state === 'InstalledPendingReboot') continue;
    const critical = patch.severity === 'Critical';
    for (const cve of patch.cveIds) addOpenCve(cves, cve, critical);
  }
}

/** Parts by their JSON: the batches of one snapshot share one, so a part that many batches name is held once until the save. */
export type PartCache = Map<string, Part>;

export function packNodes(nodes: SnapshotInput['nodes'], parts: PartCache = new Map()): PackedNodes {
  // Subnets share network facts: hash each distinct JSON once, and serialize an object that
  // nodes share (as a loaded snapshot's do) only once.
  const partOfObject = new Map<object, Part>();
  const part = (value: object): Part => {
    let p = partOfObject.get(value);
    if (p) return p;
    const json = JSON.stringify(value);
    p = parts.get(json);
    if (!p) parts.set(json, (p = partOf(json)));
    partOfObject.set(value, p);
    return p;
  };
  const details: unknown[] = [];
  const areas = new Map<string, AreaCves>();
  const cvesOfArea = (accountId: string, region: string): Map<string, boolean> => {
    const key = `${accountId}/${region}`;
    let area = areas.get(key);
    if (!area) areas.set(key, (area = { accountId, region, cves: new Map() }));
    return area.cves;
  };
  const rows = nodes.map(({ facts, checks, platform }): PackedRow => {
    const rules = new Set(checks.map((c) => c.rule));
    if (rules.size !== checks.length) {
      throw new InvalidSnapshotError(`node ${facts.accountId}/${facts.region}/${facts.instanceId} has more than one check for a rule`);
    }
    const { columns, network, inventory, rest } = splitFacts(facts);
    details.push({ f: rest, c: packChecks(checks) });
    addOpenCves(cvesOfArea(columns.account_id, columns.region), facts.patches);
    return {
      ...columns,
      platform_type: platform?.type ?? null,
      platform_family: platform?.family ?? null,
      platform_version: platform?.version ?? null,
      statuses: encodeStatuses(checks),
      missing_critical: facts.patchState?.criticalNonCompliantCount ?? null,
      missing_security: facts.patchState?.securityNonCompliantCount ?? null,
      patchDetailRead: facts.patches !== undefined,
      network: network === undefined ? undefined : part(network),
      inventory: inventory === undefined ? undefined : part(inventory),
    };
  });
  const chunks: Array<{ firstSeq: number; data: Buffer }> = [];
  for (let first = 0; first < details.length; first += CHUNK_NODES) {
    chunks.push({ firstSeq: first, data: pack(details.slice(first, first + CHUNK_NODES)) });
  }
  return { rows, chunks, openCves: [...areas.values()] };
}

function batchesOf(input: SnapshotToSave): readonly PackedNodes[] {
  return 'packed' in input ? input.packed : [packNodes(input.nodes)];
}

/** Refuses what the schema's UNIQUE constraints would refuse mid-write, naming the culprit. */
function assertUnique(input: SnapshotToSave, batches: readonly PackedNodes[]): void {
  const scopes = new Set<string>();
  for (const scope of input.scopes) {
    const key = `${scope.accountId}/${scope.region ?? 'all regions'}`;
    if (scopes.has(key)) throw new InvalidSnapshotError(`scope ${key} appears twice in the snapshot`);
    scopes.add(key);
  }
  const seen = new Set<string>();
  for (const { rows } of batches) {
    for (const row of rows) {
      const key = `${row.account_id}/${row.region}/${row.instance_id}`;
      if (seen.has(key)) throw new InvalidSnapshotError(`node ${key} appears twice in the snapshot`);
      seen.add(key);
    }
  }
  const problem = unmanagedInconsistency(input.scopes, input.unmanaged ?? [], (key) => seen.has(key));
  if (problem) throw new InvalidSnapshotError(problem);
}

/** Snapshot, scopes, nodes, details and parts: the schema-v1 content of a snapshot. */
export function writeSnapshotRows(db: Database, input: SnapshotToSave, savedAt: string): number {
  return writeRows(db, input, batchesOf(input), savedAt);
}

function writeRows(db: Database, input: SnapshotToSave, batches: readonly PackedNodes[], savedAt: string): number {
  assertUnique(input, batches);
  const nodeCount = batches.reduce((sum, b) => sum + b.rows.length, 0);
  const insertSnapshot = rowInserter(db, 'snapshot', [
    'started_at',
    'finished_at',
    'saved_at',
    'status',
    'catalog_edition',
    'scan_age_days',
    'tool_version',
    'label',
    'client',
    'engagement',
    'derived_from',
    'node_count',
  ]);
  const insertScope = rowInserter(db, 'scope');
  const findPart = db.prepare<[Buffer], Pick<Row<'fact_part'>, 'id'>>('SELECT id FROM fact_part WHERE hash = ?');
  const insertPart = rowInserter(db, 'fact_part', ['hash', 'data']);
  const linkPart = rowInserter(db, 'snapshot_part');
  const insertNode = rowInserter(db, 'node');
  const insertDetail = rowInserter(db, 'node_detail');
  const insertUnmanaged = rowInserter(db, 'unmanaged_instance');

  const write = db.transaction((): number => {
    const id = Number(
      insertSnapshot({
        started_at: input.startedAt,
        finished_at: input.finishedAt,
        saved_at: savedAt,
        status: input.status,
        catalog_edition: input.catalogEdition,
        scan_age_days: input.scanAgeDays,
        tool_version: input.toolVersion,
        label: input.label ?? null,
        client: input.client ?? null,
        engagement: input.engagement ?? null,
        derived_from: input.derivedFrom ?? null,
        node_count: nodeCount,
      }).lastInsertRowid,
    );
    for (const s of input.scopes) {
      insertScope({
        snapshot_id: id,
        account_id: s.accountId,
        region: s.region,
        status: s.status,
        error: s.error ?? null,
        nodes: s.nodes,
        calls: s.calls,
        throttles: s.throttles,
        gaps: JSON.stringify(s.gaps),
        error_code: s.errorCode ?? null,
        error_params: s.errorParams ? JSON.stringify(s.errorParams) : null,
        patching: s.patching ? JSON.stringify(s.patching) : null,
        gap_errors: s.gapErrors ? JSON.stringify(s.gapErrors) : null,
        coverage: s.coverage ? JSON.stringify(s.coverage) : null,
      });
    }
    for (const u of input.unmanaged ?? []) insertUnmanaged(unmanagedRow(id, u));
    // Batches packed apart hold equal parts as distinct objects: the hash is the identity.
    const idOfHash = new Map<string, number>();
    const idOfPart = new Map<Part, number>();
    const partId = (p: Part | undefined): number | null => {
      if (!p) return null;
      let pid = idOfPart.get(p);
      if (pid !== undefined) return pid;
      const key = p.hash.toString('hex');
      pid = idOfHash.get(key);
      if (pid === undefined) {
        pid = findPart.get(p.hash)?.id ?? Number(insertPart({ hash: p.hash, data: packJson(p.json) }).lastInsertRowid);
        idOfHash.set(key, pid);
        linkPart({ snapshot_id: id, part_id: pid });
      }
      idOfPart.set(p, pid);
      return pid;
    };
    let offset = 0;
    for (const { rows, chunks } of batches) {
      rows.forEach(({ network, inventory, patchDetailRead: _read, ...columns }, i) => {
        insertNode({
          ...columns,
          snapshot_id: id,
          seq: offset + i,
          network_part: partId(network),
          inventory_part: partId(inventory),
        });
      });
      for (const c of chunks) insertDetail({ snapshot_id: id, first_seq: offset + c.firstSeq, data: c.data });
      offset += rows.length;
    }
    return id;
  });
  return write();
}

function unmanagedRow(snapshotId: number, u: PlacedUnmanagedInstance): Row<'unmanaged_instance'> {
  return {
    snapshot_id: snapshotId,
    account_id: u.accountId,
    region: u.region,
    instance_id: u.instanceId,
    name: u.name ?? null,
    state: u.state,
    platform: u.platform ?? null,
    vpc_id: u.vpcId ?? null,
    subnet_id: u.subnetId ?? null,
    launched_at: u.launchedAt ?? null,
    instance_profile_arn: u.instanceProfileArn ?? null,
    route: u.route,
    role_policy: u.rolePolicy,
  };
}

export function saveSnapshot(db: Database, input: SnapshotToSave, savedAt: string): number {
  const batches = batchesOf(input);
  return db.transaction(() => {
    const id = writeRows(db, input, batches, savedAt);
    writeSummaries(
      db,
      id,
      batches.flatMap((b) => b.rows),
      batches.flatMap((b) => b.openCves),
      coverageOf(input),
    );
    return id;
  })();
}
