/**
 * Reads the JSON files the AWS CLI writes (`aws ssm describe-instance-information > f.json`, …) for
 * `patch-audit evaluate`. Each file's kind is told by its top-level key, and each kind belongs to
 * one source (its `fromCliFiles`, audit/sources); unknown extra fields are ignored, so output
 * from newer CLI versions still reads.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { CLI_SOURCES, NODE_LIST, type CliFileKind } from '../../audit/sources';
import { UserFacingError } from '../../errors';

/** Each kind of file evaluate reads, by its top-level key: the node list's, each node source's in the facts' order, then the coverage sources'. */
const KINDS: ReadonlyMap<string, CliFileKind> = new Map(CLI_SOURCES.flatMap((source) => Object.entries(source.fromCliFiles?.kinds ?? {})));
const KIND_KEYS = [...KINDS.keys()];
const [NODE_LIST_KIND] = Object.keys(NODE_LIST.fromCliFiles.kinds) as [string];

export interface AwsCliInput {
  /** The items of each kind given; an absent kind is "not collected", unlike an empty list. */
  items: Map<string, unknown[]>;
  /** What was left out or adjusted while reading, for the user (the evaluation still runs). */
  notes: string[];
}

const kindOf = (key: string): CliFileKind => KINDS.get(key)!;

function describeIssues(error: z.ZodError, kind: string): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${[kind, ...issue.path].join('.').replace(/\.(\d+)/g, '[$1]')}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/**
 * The file's text as the client's shell wrote it: the AWS CLI writes UTF-8, but Windows
 * PowerShell 5.1's `>` writes UTF-16LE with a BOM (and `Out-File -Encoding BigEndianUnicode`
 * UTF-16BE). Anything else that is not valid UTF-8 is refused rather than read as mojibake.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UserFacingError(
      `${file}: not UTF-8 or UTF-16 text with a byte order mark; save it as UTF-8 (the AWS CLI's own output is UTF-8)`,
    );
  }
}

async function readJson(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UserFacingError(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const body = decodeText(bytes, file);
  if (body.trim() === '') throw new UserFacingError(`${file}: the file is empty`);
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new UserFacingError(`${file}: not JSON (${(err as Error).message})`);
  }
}

/** The kind and items of one file; a UserFacingError naming the file when it is not an AWS CLI output we know. */
async function readAwsCliFile(file: string): Promise<{ kind: string; items: unknown[]; nextToken: boolean }> {
  const json = await readJson(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UserFacingError(
      `${file}: expected a JSON object as the AWS CLI writes it, got ${Array.isArray(json) ? 'an array' : typeof json}`,
    );
  }
  const found = KIND_KEYS.filter((key) => key in json);
  if (found.length === 0) {
    const known = KIND_KEYS.map((key) => `${key} (${kindOf(key).command})`).join(', ');
    throw new UserFacingError(`${file}: unknown kind of file; expected one of the top-level keys ${known}`);
  }
  if (found.length > 1) throw new UserFacingError(`${file}: ambiguous file with several top-level keys: ${found.join(', ')}`);
  const kind = found[0]!;
  const value = (json as Record<string, unknown>)[kind];
  const parsed = z.array(kindOf(kind).item).safeParse(kindOf(kind).single ? [value] : value);
  if (!parsed.success) throw new UserFacingError(`${file}: invalid ${kindOf(kind).command} output: ${describeIssues(parsed.error, kind)}`);
  // With --max-items or --no-paginate the CLI stops early and prints the token to go on with.
  return { kind, items: parsed.data, nextToken: typeof (json as Record<string, unknown>).NextToken === 'string' };
}

function keepFirstOfEach(kind: CliFileKind, items: readonly unknown[]): { kept: unknown[]; repeated: number } {
  const seen = new Set<string>();
  const kept = items.filter((item) => {
    const id = kind.identity(item as never);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { kept, repeated: items.length - kept.length };
}

const NODE_ID_IN_NAME = /(?:^|[^a-z0-9])((?:i|mi)-[0-9a-f]{8,17})(?![0-9a-f])/;

function nodeIdOfFile(file: string, kind: CliFileKind): string {
  const id = NODE_ID_IN_NAME.exec(basename(file))?.[1];
  if (!id)
    throw new UserFacingError(
      `${file}: a ${kind.command} output names no node; name the file after the node it was run for, e.g. ${kind.perNode!.example}`,
    );
  return id;
}

/** IAM role names: letters, digits and `+=,.@_-`, at most 64 (API_Role). */
const ROLE_IN_NAME = /role-policies-([\w+=,.@-]{1,64})\.json$/i;

function roleNameOfFile(file: string, kind: CliFileKind): string {
  const name = ROLE_IN_NAME.exec(basename(file))?.[1];
  if (!name)
    throw new UserFacingError(
      `${file}: a ${kind.command} output names no role; name the file after the role it was run for, e.g. ${kind.perRole!.example}`,
    );
  return name;
}

/** One role's answer, named by its file (a role's pages saved apart add up). */
function addRoleItems(into: unknown[], roleName: string, items: readonly unknown[], key: string): void {
  const known = (into as { RoleName: string }[]).find((role) => role.RoleName === roleName) as Record<string, unknown[]> | undefined;
  if (known) known[key]!.push(...items);
  else into.push({ RoleName: roleName, [key]: [...items] });
}

/** One node's answer may come in several files (pages saved apart): they add up, the translation drops repeats. */
function addNodeItems(into: unknown[], id: string, items: readonly unknown[], key: string): void {
  const known = (into as { InstanceId: string }[]).find((node) => node.InstanceId === id) as Record<string, unknown[]> | undefined;
  if (known) known[key]!.push(...items);
  else into.push({ InstanceId: id, [key]: [...items] });
}

/** Reads every file; files of the same kind (several pages, several regions) are concatenated. */
export async function readAwsCliFiles(files: readonly string[]): Promise<AwsCliInput> {
  const given = new Map<string, unknown[]>();
  const notes: string[] = [];
  const read = new Set<string>();
  for (const file of files) {
    const real = await realpath(file).catch(() => file);
    if (read.has(real)) {
      notes.push(`${file} was given more than once; read once`);
      continue;
    }
    read.add(real);
    const { kind, items, nextToken } = await readAwsCliFile(file);
    const into = given.get(kind) ?? [];
    given.set(kind, into);
    if (nextToken) notes.push(`${file} ends with a NextToken: the AWS CLI stopped before the last page, so what follows it is missing`);
    if (kindOf(kind).perNode) addNodeItems(into, nodeIdOfFile(file, kindOf(kind)), items, kind);
    else if (kindOf(kind).perRole) addRoleItems(into, roleNameOfFile(file, kindOf(kind)), items, kind);
    else into.push(...items);
  }
  if (!given.has(NODE_LIST_KIND)) {
    throw new UserFacingError(`no ${NODE_LIST_KIND} among the files: include the output of ${kindOf(NODE_LIST_KIND).command}`);
  }
  const items = new Map<string, unknown[]>();
  for (const key of KIND_KEYS) {
    const { kept, repeated } = keepFirstOfEach(kindOf(key), given.get(key) ?? []);
    if (given.has(key)) items.set(key, kept);
    if (repeated > 0) notes.push(`${repeated} ${key} record(s) appeared more than once (same id); each is counted once`);
  }
  for (const key of KIND_KEYS) {
    const unusable = items.has(key) ? kindOf(key).unusable?.(items.get(key)!) : undefined;
    if (unusable) {
      items.delete(key);
      notes.push(unusable);
    }
  }
  return { items, notes };
}
