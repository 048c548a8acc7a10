import type { AppInfo, DomainHandlers } from '../../../shared/contract';
import type { HostFiles } from '../files';
import { safeExternalUrl } from '../security/externalUrl';

export interface HostInfo {
  host: AppInfo['host'];
  versions: Record<string, string>;
  /** Opens a validated https URL in the user's browser (Electron `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  /** Open and save dialogs (desktop) or uploads and downloads (web host). */
  files?: HostFiles;
}

export function createAppHandlers(deps: {
  host: HostInfo;
  dataDir: string;
  toolVersion: string;
  catalogEditions: readonly string[];
}): DomainHandlers<'app'> {
  return {
    info: async () => ({
      name: 'Patch Auditor',
      version: deps.toolVersion,
      host: deps.host.host,
      platform: process.platform,
      versions: deps.host.versions,
      dataDir: deps.dataDir,
      catalogEditions: [...deps.catalogEditions],
    }),
    openExternal: async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) return { opened: false };
      await deps.host.openExternal(safe);
      return { opened: true };
    },
  };
}
