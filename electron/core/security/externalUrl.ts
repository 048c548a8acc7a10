/**
 * The only sites the app links to: AWS's documentation (the catalog's references, each cause's
 * "what to do"), in the global and the China partition. A renderer that is made to ask for any
 * other page cannot open it.
 */
const DOCUMENTATION_HOSTS = new Set(['docs.aws.amazon.com', 'docs.amazonaws.cn']);

/**
 * External links leave the app only as `https:` URLs without credentials to AWS's documentation,
 * parsed and re-serialized (so `javascript:`, `file:`, `smb:` and look-alike tricks never reach the
 * OS shell). Returns the normalized URL or null.
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
  if (!DOCUMENTATION_HOSTS.has(url.hostname)) return null;
  return url.toString();
}
