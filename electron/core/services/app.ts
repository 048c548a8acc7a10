/** What the app says about itself, and the one way out to the user's browser (an https URL that passed the check). */
import { CATALOG_EDITIONS } from '../../../shared/catalog';
import type { AppInfo } from '../../../shared/contract';
import { TOOL_VERSION } from '../../../shared/toolVersion';
import type { HostFiles } from '../files';
import { safeExternalUrl } from '../security/externalUrl';
import { validInput } from './validate';

export interface HostInfo {
  host: AppInfo['host'];
  versions: Record<string, string>;
  /** Opens a validated https URL in the user's browser (Electron `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  /** Open and save dialogs (desktop) or uploads and downloads (web host). */
  files?: HostFiles;
}

export class AppService {
  constructor(
    private readonly host: HostInfo,
    private readonly dataDir: string,
  ) {}

  info(): AppInfo {
    return {
      name: 'Patch Auditor',
      version: TOOL_VERSION,
      host: this.host.host,
      platform: process.platform,
      versions: this.host.versions,
      dataDir: this.dataDir,
      catalogEditions: CATALOG_EDITIONS.map((edition) => edition.id),
    };
  }

  async openExternal(input: { url: string }): Promise<{ opened: boolean }> {
    const safe = safeExternalUrl(validInput('app:openExternal', input).url);
    if (!safe) return { opened: false };
    await this.host.openExternal(safe);
    return { opened: true };
  }
}
