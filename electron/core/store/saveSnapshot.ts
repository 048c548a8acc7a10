/**
 * Writes one snapshot in one transaction (DESIGN §6): a crash or kill mid-write leaves the
 * database as it was. Packing (JSON, deflate, hashing) happens before the transaction so the
 * write lock is held only for the inserts.
 */
import type { Database } from 'better-sqlite3';
import type { SnapshotInput } from '../../../shared/model';
import { encodeStatuses, pack, packChecks, packJson, partOf, splitFacts } from './codec';
import type { Part } from './codec';
import { writeSummaries } from './summaries';

export class InvalidSnapshotError extends Error {
  override name = 'InvalidSnapshotError';
}

interface PackedNode {
  cols: ReturnType<typeof splitFacts>;
  statuses: string;
  missingCritical: number | null;
  missingSecurity: number | null;
  platform: SnapshotInput['nodes'][number]['platform'];
  network: Part | undefined;
  inventory: Part | undefined;
  detail: unknown;
}

/**
 * Nodes per packed detail row. 64 similar nodes deflate to about 220 bytes each with full
 * evidence, against about 300 packed one by one; reading one node inflates its 64 neighbours
 * (well under a millisecond). Readers locate chunks by first_seq, so this may change freely.
 */
const CHUNK_NODES = 64;

function packNodes(input: SnapshotInput): PackedNode[] {
  const seen = new Set<string>();
  // Subnets share network facts: hash each distinct JSON once.
  const parts = new Map<string, Part>();
  const part = (value: unknown): Part => {
    const json = JSON.stringify(value);
    let p = parts.get(json);
    if (!p) parts.set(json, (p = partOf(value)));
    return p;
  };
  return input.nodes.map(({ facts, checks, platform }) => {
    const key = `${facts.accountId}/${facts.region}/${facts.instanceId}`;
    if (seen.has(key)) throw new InvalidSnapshotError(`node ${key} appears twice in the snapshot`);
    seen.add(key);
    const rules = new Set(checks.map((c) => c.rule));
    if (rules.size !== checks.length) throw new InvalidSnapshotError(`node ${key} has more than one check for a rule`);
    const cols = splitFacts(facts);
    return {
      cols,
      statuses: encodeStatuses(checks),
      missingCritical: facts.patchState?.criticalNonCompliantCount ?? null,
      missingSecurity: facts.patchState?.securityNonCompliantCount ?? null,
      platform,
      network: cols.network === undefined ? undefined : part(cols.network),
      inventory: cols.inventory === undefined ? undefined : part(cols.inventory),
      detail: { f: cols.rest, c: packChecks(checks) },
    };
  });
}

/** Snapshot, scopes, nodes, details and parts: the schema-v1 content of a snapshot. */
export function writeSnapshotRows(db: Database, input: SnapshotInput, savedAt: string): number {
  // One row per account × region: say which, rather than let the UNIQUE constraint fail mid-write.
  const scopes = new Set<string>();
  for (const scope of input.scopes) {
    const key = `${scope.accountId}/${scope.region}`;
    if (scopes.has(key)) throw new InvalidSnapshotError(`scope ${key} appears twice in the snapshot`);
    scopes.add(key);
  }
  const nodes = packNodes(input);
  const chunks: Array<{ firstSeq: number; data: Buffer }> = [];
  for (let first = 0; first < nodes.length; first += CHUNK_NODES) {
    chunks.push({ firstSeq: first, data: pack(nodes.slice(first, first + CHUNK_NODES).map((n) => n.detail)) });
  }
  const insertSnapshot = db.prepare(
    `INSERT INTO snapshot (started_at, finished_at, saved_at, status, catalog_edition, scan_age_days, tool_version, label, client, engagement, derived_from, node_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertScope = db.prepare(
    'INSERT INTO scope (snapshot_id, account_id, region, status, error, nodes, calls, throttles, gaps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const findPart = db.prepare<[Buffer], { id: number }>('SELECT id FROM fact_part WHERE hash = ?');
  const insertPart = db.prepare('INSERT INTO fact_part (hash, data) VALUES (?, ?)');
  const linkPart = db.prepare('INSERT INTO snapshot_part (snapshot_id, part_id) VALUES (?, ?)');
  const insertNode = db.prepare(
    `INSERT INTO node (snapshot_id, seq, account_id, region, instance_id, name, ip_address, ping_status, agent_version,
       platform_type, platform_family, platform_version, statuses, missing_critical, missing_security, network_part, inventory_part)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDetail = db.prepare('INSERT INTO node_detail (snapshot_id, first_seq, data) VALUES (?, ?, ?)');

  const write = db.transaction((): number => {
    const id = Number(
      insertSnapshot.run(
        input.startedAt,
        input.finishedAt,
        savedAt,
        input.status,
        input.catalogEdition,
        input.scanAgeDays,
        input.toolVersion,
        input.label ?? null,
        input.client ?? null,
        input.engagement ?? null,
        input.derivedFrom ?? null,
        input.nodes.length,
      ).lastInsertRowid,
    );
    for (const s of input.scopes) {
      insertScope.run(id, s.accountId, s.region, s.status, s.error ?? null, s.nodes, s.calls, s.throttles, JSON.stringify(s.gaps));
    }
    const partIds = new Map<Part, number>();
    const partId = (p: Part | undefined): number | null => {
      if (!p) return null;
      let pid = partIds.get(p);
      if (pid === undefined) {
        pid = findPart.get(p.hash)?.id ?? Number(insertPart.run(p.hash, packJson(p.json)).lastInsertRowid);
        partIds.set(p, pid);
        linkPart.run(id, pid);
      }
      return pid;
    };
    nodes.forEach((n, seq) => {
      const c = n.cols;
      insertNode.run(
        id,
        seq,
        c.accountId,
        c.region,
        c.instanceId,
        c.name,
        c.ipAddress,
        c.pingStatus,
        c.agentVersion,
        n.platform?.type ?? null,
        n.platform?.family ?? null,
        n.platform?.version ?? null,
        n.statuses,
        n.missingCritical,
        n.missingSecurity,
        partId(n.network),
        partId(n.inventory),
      );
    });
    for (const c of chunks) insertDetail.run(id, c.firstSeq, c.data);
    return id;
  });
  return write();
}

export function saveSnapshot(db: Database, input: SnapshotInput, savedAt: string): number {
  return db.transaction(() => {
    const id = writeSnapshotRows(db, input, savedAt);
    writeSummaries(db, id);
    return id;
  })();
}
