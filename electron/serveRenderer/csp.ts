/**
 * The renderer's Content-Security-Policy, one definition for the Electron custom protocol and
 * the web host. Nothing remote, no inline script, no eval; `connect-src 'self'` lets the web
 * host's bridge reach its own origin and nothing else.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
