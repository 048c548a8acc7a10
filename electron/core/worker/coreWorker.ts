/**
 * The core's own thread: builds the same core as `createCore` from `CoreWorkerData`, answers
 * the host's calls by id, forwards events and log lines, and reaches the host for what only
 * the host can do (`HostApi`). Started by `startCoreWorker.ts`; bundled as
 * out/main/coreWorker.cjs for the desktop app (build/scripts/buildElectron.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../createCore';
import type { HostFiles } from '../files';
import type { Printer } from '../report';
import {
  PendingReplies,
  remoteApi,
  settle,
  type CoreWorkerData,
  type FromWorker,
  type HostApi,
  type ShellApi,
  type ToWorker,
} from './protocol';

const port = parentPort;
if (!port) throw new Error('coreWorker.ts runs as a worker thread (startCoreWorker)');
const data = workerData as CoreWorkerData;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const hostReplies = new PendingReplies();
const hostApi = remoteApi<HostApi>((verb, args) => hostReplies.ask((id) => post({ kind: 'host', id, verb, args } as FromWorker)));

const printer: Printer = async (html, options) => Buffer.from(await hostApi.print(html, options));
const files: HostFiles = {
  chooseImportFile: (uploadId) => hostApi.chooseImportFile(uploadId),
  chooseSaveTarget: async (kind, defaultName) => {
    const target = await hostApi.chooseSaveTarget(kind, defaultName);
    return target && { path: target.path, done: () => hostApi.saveDone(target.ticket) };
  },
};

const core = createCore({
  dataDir: data.dataDir,
  ...(data.dbPath ? { dbPath: data.dbPath } : {}),
  host: { ...data.host, openExternal: (url) => hostApi.openExternal(url), ...(data.files ? { files } : {}) },
  log: (line) => post({ kind: 'log', line }),
  ...(data.aws ? { aws: data.aws } : {}),
  ...(data.printer ? { printer } : {}),
});
core.events.subscribe((name, payload) => post({ kind: 'event', name, payload }));

const shell: ShellApi = {
  recentSnapshotIds: (limit) =>
    core.services.snapshots
      .list()
      .slice(0, limit)
      .map((snapshot) => snapshot.id),
  describeFile: (file) => core.services.snapshots.describeFile(file),
  importFile: (file) => core.services.snapshots.importFile(file),
  language: () => core.services.settings.read().language,
};

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'call':
      void core.dispatch(message.name, message.input).then((result) => post({ kind: 'result', id: message.id, result }));
      return;
    case 'shell': {
      const run = shell[message.verb] as (...args: unknown[]) => unknown;
      void settle(() => run(...message.args)).then((reply) => post({ kind: 'shellReply', id: message.id, ...reply }));
      return;
    }
    case 'hostReply':
      return hostReplies.answer(message);
    case 'close':
      void core.close().then(() => {
        post({ kind: 'closed' });
        port.close();
      });
      return;
  }
});
post({ kind: 'ready' });
