import { sessionHeaders } from './webSession';

/**
 * Sends a file to the web host's `/upload` (same origin, with the session header) and
 * answers the id that `snapshots:import` takes. The file's name goes along: an imported snapshot says
 * which file it came from (issue 27). The desktop app opens its own dialog instead.
 */
export async function uploadFile(file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      body: file,
      headers: await sessionHeaders(),
    });
  } catch {
    throw new Error('The Patch Auditor host does not answer.');
  }
  if (response.status === 413) throw new Error('The file is too large to be a snapshot export.');
  if (!response.ok) throw new Error(`The host refused the upload (${response.status}).`);
  const { uploadId } = (await response.json()) as { uploadId?: unknown };
  if (typeof uploadId !== 'string') throw new Error('The host did not accept the file.');
  return uploadId;
}
