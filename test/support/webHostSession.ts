/** Opens a web host session the way the renderer does: the launch token, traded once in a header. */
import { LAUNCH_TOKEN_HEADER, LAUNCH_TOKEN_PARAM, SESSION_HEADER, SESSION_PATH } from '../../shared/webSession';
import type { WebHost } from '../../electron/webhost/server';

export function exchangeLaunchToken(host: WebHost, token = new URL(host.url).searchParams.get(LAUNCH_TOKEN_PARAM) ?? '') {
  return fetch(`${host.origin}${SESSION_PATH}`, { method: 'POST', headers: { Origin: host.origin, [LAUNCH_TOKEN_HEADER]: token } });
}

/** The headers that carry the session, ready to spread into a request. */
export async function openSession(host: WebHost): Promise<Record<string, string>> {
  const response = await exchangeLaunchToken(host);
  if (response.status !== 200) throw new Error(`The web host refused the launch token (${response.status}).`);
  const { session } = (await response.json()) as { session: string };
  return { [SESSION_HEADER]: session };
}
