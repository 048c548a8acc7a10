/**
 * External links leave the app only as `https:` URLs without credentials, parsed and
 * re-serialized (so `javascript:`, `file:`, `smb:` and look-alike tricks never reach the OS
 * shell). Returns the normalized URL or null.
 */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!url.hostname || url.hostname.includes('%')) return null;
  return url.toString();
}
