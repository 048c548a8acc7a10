/**
 * `ipcMain.handle` bindings derived from the contract. Each call is checked for its sender
 * (only the app's own top-level frame, loaded from `app://renderer`) before the dispatcher
 * validates its input (Electron security checklist item 17).
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { METHOD_NAMES, type CallResult } from '../../shared/contract';
import type { Dispatch } from '../core/host';
import { isAppUrl } from './navigation';

export type SenderFrame = Pick<WebFrameMain, 'url'> & { parent: unknown };

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, log: (line: string) => void = () => {}): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(name, async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        log(`refused ${name} from an untrusted frame`);
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the application window only.' } };
      }
      return dispatch(name, input);
    });
  }
}
