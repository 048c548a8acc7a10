/**
 * What a source module is (docs/design.md §5): its calls (`collect`), what `patch-audit evaluate`
 * reads of it from the AWS CLI's files (`fromCliFiles`) and the one translation of its answers
 * (`toFacts`). The scheduler (audit/collectScope.ts) and the evaluate service know sources only
 * through this shape and the registry (registry.ts).
 */
import type { z } from 'zod';
import type { NodeFacts, ScopeResult, SourceStatus } from '../../../../shared/model';
import type { NodeSourceKey, SourceKey } from '../../../../shared/sources';
import type { AwsClients } from '../../aws/clients';
import type { NodeIdentity } from './instanceInformation';
import type { Ec2Instance } from './network';

/**
 * What the scopes of one account share: answers that are the account's, not a region's (IAM is
 * global), asked once whichever scope needs them first. A failure is kept too, so a denied call
 * is not asked again by every region.
 */
export class AccountCache {
  readonly #answers = new Map<string, Promise<unknown>>();
  once<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let answer = this.#answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = ask();
      answer.catch(() => {});
      this.#answers.set(key, answer);
    }
    return answer;
  }
}

/** What a source's calls are given: the scope's clients (session, throttling), its cancel signal and its account's cache. */
export interface SourceContext {
  clients: AwsClients;
  signal: AbortSignal;
  account: AccountCache;
}

/** An optional source's outcome: `ok` with its answers, or why there are none. */
export type SourceRead<T> = { status: 'ok'; value: T } | { status: Exclude<SourceStatus, 'ok'> };

/** Is patching set up at all in a scope: each setup source's count. */
export type PatchingSetup = Required<NonNullable<ScopeResult['patching']>>;

/**
 * When the scheduler starts a source: with the first page of the node list holding a node it
 * wants (`nodes`), with the scope beside the node list (`scope`: what every regional scope must
 * read, whatever its nodes), with every page of node ids (`pages`: one batch of calls per page), once
 * another source has been read (its value is the input), or once the whole node list and
 * `network` are in, when some EC2 instance that is no node of the scope is one it wants
 * (`unmanaged`: those instances are the input).
 */
export type Dependency =
  | { on: 'nodes'; wants?: (node: NodeIdentity) => boolean }
  | { on: 'scope' }
  | { on: 'pages'; batch: (ctx: SourceContext, ids: readonly string[]) => Promise<unknown[]> }
  | { on: NodeSourceKey }
  | { on: 'unmanaged'; wants: (instance: Ec2Instance) => boolean };

/** One kind of AWS CLI output file, told by its top-level key. */
export interface CliFileKind {
  /** The AWS CLI command that writes it. */
  command: string;
  /** One item of its list; unknown extra fields are stripped, so newer CLI output still reads. */
  item: z.ZodType;
  /** A record given twice (two pages saved twice, one file named twice) counts once. */
  identity(item: never): string;
  /** The answer is for one node the file does not name: the file's name must, as in `example`. */
  perNode?: { example: string };
  /** The answer is for one IAM role the file does not name: the file's name must, `role-policies-<RoleName>.json` as in `example`. */
  perRole?: { example: string };
  /** The top-level key holds one object, not a list (`aws ssm get-service-setting`): it is read as a list of one. */
  single?: true;
  /** Why the files of this kind, though valid, cannot serve (the kind then counts as not given). */
  unusable?(items: readonly unknown[]): string | undefined;
}

/** The items of each kind of file given to `evaluate`; a kind not given is absent, unlike an empty list. */
export type CliItems = ReadonlyMap<string, readonly unknown[]>;

/** What `evaluate` reads of a source from the client's AWS CLI files. */
export interface CliFiles<V> {
  kinds: Readonly<Record<string, CliFileKind>>;
  /**
   * The commands that save its files, as `evaluate --help` hands them to a client, per shell (one
   * region at a time; each line is indented under the shell's heading).
   */
  howToSave: { readonly bash: readonly string[]; readonly powershell: readonly string[] };
  /** The source's answers from its files, or why there are none; `notes` tells the user what was left out. */
  read(items: CliItems, notes: string[]): SourceRead<V>;
  /** Where the nodes its files list run: the AWS CLI's SSM answers name no account or region. */
  places?(items: CliItems): ReadonlyMap<string, { accountId: string; region: string }>;
}

/** A node's share of the facts from one source, and that source's status for the node. */
export type NodeShare = Partial<NodeFacts> & { status: SourceStatus };

// Methods, not function properties: the registry holds modules of different value types as
// `unknown`, and a module is only ever handed back what its own `collect` or `read` produced.
interface OptionalSourceBase<K extends SourceKey, V> {
  key: K;
  dependsOn: Dependency;
  /** Its calls and paging; the input is the batches of a `pages` source or the value of the source depended on. */
  collect(ctx: SourceContext, input: never): Promise<V>;
  fromCliFiles?: CliFiles<V>;
}

/** A source of facts about each node (a key of `NodeFacts.sources`). */
export interface NodeSourceModule<K extends NodeSourceKey = NodeSourceKey, V = unknown> extends OptionalSourceBase<K, V> {
  /** The node's facts from the source's read; `facts` holds what the sources before it gave. */
  toFacts(node: NodeIdentity, read: SourceRead<V>, facts: Partial<NodeFacts>): NodeShare;
}

/** A source of what stops the scope's unmanaged EC2 instances from being managed (issue 30): coverage.ts translates it. */
export type CoverageSourceModule<K extends SourceKey = SourceKey, V = unknown> = OptionalSourceBase<K, V>;

/** A source of the scope's patching setup. */
export interface SetupSourceModule<K extends SourceKey = SourceKey, V = unknown> extends OptionalSourceBase<K, V> {
  toFacts(value: V): Partial<PatchingSetup>;
}

export function checkAbort(signal: AbortSignal): void {
  if (signal.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}

/**
 * Promise.all that lets every call settle before it fails: a scope's sources share its clients,
 * and none may call on after the scope has failed and its clients are gone.
 */
export function settleAll<const T extends readonly unknown[]>(runs: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  return Promise.all(runs).catch(async (err: unknown) => {
    await Promise.allSettled(runs);
    throw err;
  });
}

/** The number of items over every page, checking for a cancel between pages. */
export async function countItems<P>(signal: AbortSignal, pages: AsyncIterable<P>, items: (page: P) => unknown): Promise<number> {
  let n = 0;
  for await (const page of pages) {
    checkAbort(signal);
    const list = items(page);
    n += Array.isArray(list) ? list.length : 0;
  }
  return n;
}

/** A source read from files or calls: the value when given, else "not collected". */
export const readIf = <T>(given: boolean, value: () => T): SourceRead<T> =>
  given ? { status: 'ok', value: value() } : { status: 'not_collected' };
