/**
 * The preload: exposes `window.auditor`, named functions derived from the contract.
 * No raw `ipcRenderer`, no generic invoke, no `sendSync` reach the page (docs/design.md §3).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type AuditorApi } from '../../shared/contract';
import { createIpcTransport } from './ipcTransport';

contextBridge.exposeInMainWorld('auditor', buildApi(createIpcTransport(ipcRenderer)) satisfies AuditorApi);
