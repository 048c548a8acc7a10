/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { AuditorApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Present in the desktop app (the preload); absent in the web host. */
    auditor?: AuditorApi;
  }
}
