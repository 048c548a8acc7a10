/**
 * The messages between a host thread (Electron's main process, the web host) and the core
 * running in a worker thread of its own (docs/design.md §1, §10): a 50,000-node save, an import,
 * a report model or a re-evaluation then blocks the worker's event loop, never the window's.
 *
 * Three kinds of request cross the line, each answered by id: contract calls (host → core,
 * validated in the worker by the same dispatcher), the few shell queries the host itself needs
 * (host → core: the menu's export, a snapshot file opened from the OS), and host services the
 * core cannot do in a worker (core → host: dialogs, printToPDF, the browser, the log file).
 */
import type { AppInfo, CallResult, EventName } from '../../../shared/contract';
import type { Lang } from '../../../shared/model';
import type { ClientOptions } from '../aws/clients';
import { UserFacingError, type UserFacingCode } from '../errors';
import type { SaveKind } from '../files';
import type { PrintOptions } from '../report';
import type { ImportOutcome } from '../services';

/** What the worker builds its core from: everything but the host's functions, which it reaches through `HostApi`. */
export interface CoreWorkerData {
  dataDir: string;
  dbPath?: string;
  host: { host: AppInfo['host']; versions: Record<string, string> };
  /** Whether the host answers `chooseImportFile` / `chooseSaveTarget`, and `print`. */
  files: boolean;
  printer: boolean;
  /** Static keys only: a credential provider is a function and cannot cross threads. */
  aws?: { clientOptions?: ClientOptions; credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } };
}

/** What the host asks the core directly, outside the renderer's contract. */
export interface ShellApi {
  /** The newest snapshots' ids, for the menu's "Export snapshots…". */
  recentSnapshotIds(limit: number): number[];
  describeFile(file: string): Promise<{ snapshots: number }>;
  importFile(file: string): Promise<ImportOutcome>;
  language(): Lang;
}

/** A save target as it crosses threads: `done` becomes a second request naming the ticket. */
export interface RemoteSaveTarget {
  path: string;
  ticket: number;
}

/** What the core asks of its host. */
export interface HostApi {
  print(html: string, options: PrintOptions): Promise<Uint8Array>;
  openExternal(url: string): Promise<void>;
  chooseImportFile(uploadId?: string): Promise<string | null>;
  chooseSaveTarget(kind: SaveKind, defaultName: string): Promise<RemoteSaveTarget | null>;
  saveDone(ticket: number): Promise<{ fileName: string; downloadUrl?: string }>;
}

type Request<Api> = {
  [K in keyof Api]: { id: number; verb: K; args: Api[K] extends (...args: infer A) => unknown ? A : never };
}[keyof Api];

/**
 * An error crosses as its message only when it was written for the user (`userFacing`, shown as
 * it is); any other error crosses as its name, since its message may carry request details.
 */
export type Answer = { ok: true; value: unknown } | { ok: false; message: string; userFacing?: UserFacingCode };
export type Reply = { id: number } & Answer;

export type ToWorker =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | ({ kind: 'shell' } & Request<ShellApi>)
  | ({ kind: 'hostReply' } & Reply)
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: CallResult<unknown> }
  | ({ kind: 'shellReply' } & Reply)
  | { kind: 'event'; name: EventName; payload: unknown }
  | { kind: 'log'; line: string }
  | ({ kind: 'host' } & Request<HostApi>)
  | { kind: 'closed' };

export type Promised<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** Runs one side's answer to a request and puts it in the shape of a reply. */
export async function settle(run: () => unknown): Promise<Answer> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof UserFacingError) return { ok: false, message: err.message, userFacing: err.code };
    return { ok: false, message: err instanceof Error ? err.name : 'non-error thrown' };
  }
}

export function replyError(reply: Extract<Answer, { ok: false }>): Error {
  return reply.userFacing ? new UserFacingError(reply.message, reply.userFacing) : new Error(reply.message);
}

/** One side's requests awaiting their replies, by id. */
export class PendingReplies {
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  /** Sends a request under a fresh id (`send`) and resolves with its reply. */
  ask(send: (id: number) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  answer(reply: Reply): void {
    const pending = this.#waiting.get(reply.id);
    this.#waiting.delete(reply.id);
    if (reply.ok) pending?.resolve(reply.value);
    else pending?.reject(replyError(reply));
  }

  failAll(err: Error): void {
    for (const pending of this.#waiting.values()) pending.reject(err);
    this.#waiting.clear();
  }
}

/** The other side's API as local async functions: each call becomes a request naming its verb. */
export function remoteApi<Api>(ask: (verb: keyof Api, args: unknown[]) => Promise<unknown>): Promised<Api> {
  return new Proxy({} as Promised<Api>, {
    get:
      (_target, verb) =>
      (...args: unknown[]) =>
        ask(verb as keyof Api, args),
  });
}
