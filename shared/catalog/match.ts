import type { NormalizedPlatform } from '../model';
import type { PlatformMatch } from './schema';
import { inAnyRange } from './versionRange';

/** Whether a normalized platform is the one a catalog entry names (family, and version when the entry gives ranges). */
export function matchesPlatform(platform: NormalizedPlatform, match: PlatformMatch): boolean {
  if (platform.family !== match.family) return false;
  if (!match.versions) return true;
  return platform.version !== undefined && inAnyRange(platform.version, match.versions);
}
