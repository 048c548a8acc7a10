import { sessionHeaders } from './webSession';

/** How long the object URL outlives the click: some browsers resolve it only after click() returns. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Downloads a one-time URL the web host answered (the desktop app saves by dialog). A plain link
 * could not carry the session header, so the file is fetched with it and handed to the browser
 * as a blob: object URL, which the CSP does not govern for an `<a download>` and which is
 * revoked once the browser has taken it.
 */
export async function startDownload(url: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: await sessionHeaders(), cache: 'no-store' });
  } catch {
    throw new Error('The Patch Auditor host does not answer.');
  }
  if (!response.ok) throw new Error(`The host refused the download (${response.status}).`);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), REVOKE_AFTER_MS);
}
