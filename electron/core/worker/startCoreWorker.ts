/**
 * The host's side of the core's own thread (`coreWorker.ts`, docs/design.md §1): the same
 * `dispatch` and events as an in-process core, so the IPC bindings and the web host take
 * either, plus the shell queries the host needs. The host keeps what only it can do (dialogs,
 * printToPDF, the browser, the log file) and answers the core's requests for them.
 */
import { Worker } from 'node:worker_threads';
import type { CallResult } from '../../../shared/contract';
import { MAX_INPUT_DEPTH, nestedDeeperThan, TOO_DEEP } from '../../../shared/inputDepth';
import type { Core, CoreDeps } from '../createCore';
import type { Dispatch } from '../dispatch';
import { EventBus } from '../events';
import type { SaveTarget } from '../files';
import {
  PendingReplies,
  remoteApi,
  settle,
  type CoreWorkerData,
  type FromWorker,
  type HostApi,
  type Promised,
  type ShellApi,
  type ToWorker,
} from './protocol';

export interface CoreWorker extends Pick<Core, 'dispatch' | 'events'> {
  shell: Promised<ShellApi>;
  close(): Promise<void>;
}

export interface CoreWorkerDeps extends Omit<CoreDeps, 'aws'> {
  aws?: CoreWorkerData['aws'];
  /** The worker's script, where not the one beside this module (the bench runs the desktop build's bundle). */
  entry?: URL;
}

/** From sources (tests, the web host, the bench) the entry registers tsx in the worker's own thread, as the import worker's does. */
function workerEntry(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './coreWorkerFromSources.mjs' : './coreWorker.cjs', here);
}

const STOPPED_MESSAGE = 'The application core has stopped; restart the app.';
const STOPPED: CallResult<unknown> = { ok: false, error: { code: 'failed', message: STOPPED_MESSAGE } };

export async function startCoreWorker(deps: CoreWorkerDeps): Promise<CoreWorker> {
  const log = deps.log ?? (() => {});
  const data: CoreWorkerData = {
    dataDir: deps.dataDir,
    ...(deps.dbPath ? { dbPath: deps.dbPath } : {}),
    host: { host: deps.host.host, versions: deps.host.versions },
    files: deps.host.files !== undefined,
    printer: deps.printer !== undefined,
    ...(deps.aws ? { aws: deps.aws } : {}),
  };
  const worker = new Worker(deps.entry ?? workerEntry(), { workerData: data });
  const send = (message: ToWorker) => worker.postMessage(message);
  const events = new EventBus();
  const calls = new Map<number, (result: CallResult<unknown>) => void>();
  const shellReplies = new PendingReplies();
  let nextId = 1;
  let stopped = false;

  // Save targets live here between the core's two requests (choose, then done after writing).
  const targets = new Map<number, SaveTarget>();
  let nextTicket = 1;
  const hostApi: HostApi = {
    print: async (html, options) => {
      if (!deps.printer) throw new Error('no printer');
      return new Uint8Array(await deps.printer(html, options));
    },
    openExternal: (url) => deps.host.openExternal(url),
    chooseImportFile: async (uploadId) => (await deps.host.files?.chooseImportFile(uploadId)) ?? null,
    chooseSaveTarget: async (kind, defaultName) => {
      const target = await deps.host.files?.chooseSaveTarget(kind, defaultName);
      if (!target) return null;
      const ticket = nextTicket++;
      targets.set(ticket, target);
      return { path: target.path, ticket };
    },
    saveDone: async (ticket) => {
      const target = targets.get(ticket);
      targets.delete(ticket);
      if (!target) throw new Error('unknown save ticket');
      return target.done();
    },
  };

  const answerHost = (message: Extract<FromWorker, { kind: 'host' }>) => {
    const run = hostApi[message.verb] as (...args: unknown[]) => Promise<unknown>;
    void settle(() => run(...message.args)).then((reply) => {
      const bytes = reply.ok && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : [];
      if (!stopped) worker.postMessage({ kind: 'hostReply', id: message.id, ...reply } satisfies ToWorker, bytes);
    });
  };

  let closed: () => void = () => {};
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'ready':
          return resolve();
        case 'result':
          calls.get(message.id)?.(message.result);
          calls.delete(message.id);
          return;
        case 'shellReply':
          return shellReplies.answer(message);
        case 'event':
          // Validated again on this side: the bus is the one place payloads are checked on their way out.
          return events.emit(message.name, message.payload as never);
        case 'log':
          return log(message.line);
        case 'host':
          return answerHost(message);
        case 'closed':
          return closed();
      }
    });
    worker.once('error', (err) => {
      log(`core worker failed: ${err.name}`);
      reject(err);
    });
    worker.once('exit', (code) => {
      stopped = true;
      if (code !== 0) log(`core worker stopped (exit code ${code})`);
      for (const answer of calls.values()) answer(STOPPED);
      calls.clear();
      shellReplies.failAll(new Error(STOPPED_MESSAGE));
      closed();
      reject(new Error(`The core worker stopped (exit code ${code}) before it was ready.`));
    });
  });
  await ready;

  const dispatch: Dispatch = (name, input) => {
    if (stopped) return Promise.resolve(STOPPED);
    // postMessage's structured clone recurses: a hostile depth would throw here, not in validation.
    if (nestedDeeperThan(input, MAX_INPUT_DEPTH)) return Promise.resolve(TOO_DEEP);
    const id = nextId++;
    return new Promise((resolve) => {
      calls.set(id, resolve);
      send({ kind: 'call', id, name, input });
    });
  };
  const shell = remoteApi<ShellApi>((verb, args) =>
    stopped ? Promise.reject(new Error(STOPPED_MESSAGE)) : shellReplies.ask((id) => send({ kind: 'shell', id, verb, args } as ToWorker)),
  );

  return {
    dispatch,
    events,
    shell,
    close: async () => {
      if (!stopped) {
        send({ kind: 'close' });
        await whenClosed;
      }
      await worker.terminate();
    },
  };
}
