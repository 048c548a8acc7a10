import { CATALOG_EDITIONS } from '../../../shared/catalog';
import type { AppInfo, DomainHandlers } from '../../../shared/contract';
import { TOOL_VERSION } from '../../../shared/toolVersion';
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

export function appHandlers(host: HostInfo, dataDir: string): DomainHandlers<'app'> {
  return {
    info: async () => ({
      name: 'Patch Auditor',
      version: TOOL_VERSION,
      host: host.host,
      platform: process.platform,
      versions: host.versions,
      dataDir,
      catalogEditions: CATALOG_EDITIONS.map((edition) => edition.id),
    }),
    openExternal: async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) return { opened: false };
      await host.openExternal(safe);
      return { opened: true };
    },
  };
}
