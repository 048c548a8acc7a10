import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CallResult, Transport } from '../../shared/contract';

/** The preload's transport: `invoke` for calls, one listener per subscription for events. */
export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    call: (name, input) => ipc.invoke(name, input) as Promise<CallResult<unknown>>,
    subscribe: (name, listener) => {
      // The IPC event object is dropped: it carries `sender`, which must not reach the page.
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(name, wrapped);
      return () => {
        ipc.removeListener(name, wrapped);
      };
    },
  };
}
