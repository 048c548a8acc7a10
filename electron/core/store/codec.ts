/**
 * How a node is packed into rows: identity and list columns stay plain (SQL filters and sorts on
 * them); per-rule statuses are one character each; everything else (raw facts the columns do not
 * hold, checks with code, params and evidence) is deflated JSON, packed by chunks of nodes. Networking and inventory are
 * content-addressed parts: every node of a subnet shares the same network facts, and they rarely
 * change between audits, so each distinct value is stored once.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Check, CheckStatus, NodeFacts, RuleId } from '../../../shared/model';
import { RULE_IDS } from '../../../shared/model';
import { DICTIONARY_V1 } from './codecDictionary';
import type { Row } from './rows';

/**
 * One character per rule, at the rule's index in RULE_IDS (persisted: rules may be appended to
 * RULE_IDS, never reordered). Digits are ranked by severity so `ORDER BY substr(...)` puts
 * failures first; '9' means the rule was not evaluated for the node.
 */
export const STATUS_CODES: Readonly<Record<CheckStatus, string>> = {
  fail: '0',
  warn: '1',
  unknown: '2',
  pass: '3',
  not_applicable: '4',
};
export const NOT_EVALUATED = '9';
const STATUS_BY_CODE = new Map(Object.entries(STATUS_CODES).map(([s, c]) => [c, s as CheckStatus]));

/** 1-based position of a rule in the statuses string, for SQL `substr`. */
export function rulePosition(rule: RuleId): number {
  return RULE_IDS.indexOf(rule) + 1;
}

export function encodeStatuses(checks: readonly Check[]): string {
  const codes: string[] = RULE_IDS.map(() => NOT_EVALUATED);
  for (const c of checks) codes[RULE_IDS.indexOf(c.rule)] = STATUS_CODES[c.status];
  return codes.join('');
}

export function decodeStatuses(statuses: string): Partial<Record<RuleId, CheckStatus>> {
  const out: Partial<Record<RuleId, CheckStatus>> = {};
  RULE_IDS.forEach((rule, i) => {
    const status = STATUS_BY_CODE.get(statuses.charAt(i));
    if (status) out[rule] = status;
  });
  return out;
}

/** First byte of every packed value: which codec wrote it, so the dictionary can evolve. */
const CODEC_DEFLATE_DICT_V1 = 1;
const DICTIONARY = Buffer.from(DICTIONARY_V1, 'utf8');

export function pack(value: unknown): Buffer {
  return packJson(JSON.stringify(value));
}

export function packJson(json: string): Buffer {
  const body = deflateRawSync(Buffer.from(json, 'utf8'), { dictionary: DICTIONARY });
  return Buffer.concat([Buffer.of(CODEC_DEFLATE_DICT_V1), body]);
}

export function unpack(data: Buffer): unknown {
  if (data[0] !== CODEC_DEFLATE_DICT_V1) throw new Error(`unknown packed-value codec ${String(data[0])}`);
  return JSON.parse(inflateRawSync(data.subarray(1), { dictionary: DICTIONARY }).toString('utf8'));
}

/** A content-addressed part: the key is the first 16 bytes of the SHA-256 of its JSON. */
export interface Part {
  hash: Buffer;
  json: string;
}

export function partOf(json: string): Part {
  return { hash: createHash('sha256').update(json).digest().subarray(0, 16), json };
}

/** The node columns that hold facts (identity, and what lists show); the rest is packed. */
export type FactColumns = Pick<
  Row<'node'>,
  'account_id' | 'region' | 'instance_id' | 'name' | 'ip_address' | 'ping_status' | 'agent_version'
>;

/** A node's facts as stored: columns, parts, and the rest for the packed detail. */
export interface SplitFacts {
  columns: FactColumns;
  network: NonNullable<NodeFacts['network']> | undefined;
  inventory: NonNullable<NodeFacts['inventory']> | undefined;
  rest: Record<string, unknown>;
}

export function splitFacts(facts: NodeFacts): SplitFacts {
  const { accountId, region, instanceId, name, ipAddress, pingStatus, agentVersion, network, inventory, ...rest } = facts;
  const restOut: Record<string, unknown> = { ...rest };
  // null ("read, there is none") must survive the round trip distinct from undefined ("not read").
  if (network === null) restOut.network = null;
  if (inventory === null) restOut.inventory = null;
  return {
    columns: {
      account_id: accountId,
      region,
      instance_id: instanceId,
      name: name ?? null,
      ip_address: ipAddress ?? null,
      ping_status: pingStatus ?? null,
      agent_version: agentVersion ?? null,
    },
    network: network ?? undefined,
    inventory: inventory ?? undefined,
    rest: restOut,
  };
}

export function joinFacts(cols: FactColumns, rest: Record<string, unknown>, network: unknown, inventory: unknown): NodeFacts {
  const facts: Record<string, unknown> = { ...rest, accountId: cols.account_id, region: cols.region, instanceId: cols.instance_id };
  if (cols.name !== null) facts.name = cols.name;
  if (cols.ip_address !== null) facts.ipAddress = cols.ip_address;
  if (cols.ping_status !== null) facts.pingStatus = cols.ping_status;
  if (cols.agent_version !== null) facts.agentVersion = cols.agent_version;
  if (network !== undefined) facts.network = network;
  if (inventory !== undefined) facts.inventory = inventory;
  return facts as NodeFacts;
}

/**
 * Checks are stored in rule order, one slot per rule: `[code, params, evidence]`, or null when
 * the node has no check for that rule. Rule and status are not repeated: the slot index is the
 * rule and the statuses column holds the status (about 30 bytes a node less).
 */
export type PackedCheck = [string, Check['params'], Check['evidence']] | null;

export function packChecks(checks: readonly Check[]): PackedCheck[] {
  const slots: PackedCheck[] = RULE_IDS.map(() => null);
  for (const c of checks) slots[RULE_IDS.indexOf(c.rule)] = [c.code, c.params, c.evidence];
  while (slots.length > 0 && slots.at(-1) === null) slots.pop();
  return slots;
}

export function unpackChecks(packed: readonly PackedCheck[], statuses: string): Check[] {
  const status = decodeStatuses(statuses);
  const checks: Check[] = [];
  packed.forEach((slot, i) => {
    const rule = RULE_IDS[i];
    const s = rule && status[rule];
    if (!slot || !rule || !s) return;
    checks.push({ rule, status: s, code: slot[0], params: slot[1], evidence: slot[2] });
  });
  return checks;
}
