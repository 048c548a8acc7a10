/**
 * The renderer's one way to the core: the preload's `window.auditor` in the desktop app,
 * or the same API over HTTP when the page is served by the web host.
 */
import { buildApi, type AuditorApi } from '../../../shared/contract';
import { createWebTransport } from './webTransport';

export const auditor: AuditorApi = window.auditor ?? buildApi(createWebTransport(window.location.origin));
