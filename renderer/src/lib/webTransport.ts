import type { CallResult, EventName, Transport } from '../../../shared/contract';
import { sessionHeaders } from './webSession';

/** EventSource's own wait before it reconnects. */
const RECONNECT_MS = 3000;

/**
 * The web host's transport: calls are POSTs to the same origin, events arrive on one shared
 * `text/event-stream`. Both carry the session header, which is why the stream is read with
 * fetch: EventSource cannot send headers.
 */
export function createWebTransport(base: string): Transport {
  // The launch token leaves the address bar at boot, not at the first call.
  void sessionHeaders();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;
  return {
    call: async (name, input) => {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(await sessionHeaders()) },
          body: JSON.stringify({ input }),
        });
      } catch {
        return { ok: false, error: { code: 'failed', message: 'The Patch Auditor host does not answer.' } };
      }
      if (!response.ok) return { ok: false, error: { code: 'forbidden', message: `The host refused the call (${response.status}).` } };
      return (await response.json()) as CallResult<unknown>;
    },
    subscribe: (name: EventName, listener) => {
      let named = listeners.get(name);
      if (!named) listeners.set(name, (named = new Set()));
      named.add(listener);
      if (!streaming) {
        streaming = true;
        void streamEvents(`${base}/events`, (event, data) => {
          const payload: unknown = JSON.parse(data);
          for (const each of listeners.get(event) ?? []) {
            // As with EventSource, one failing listener is reported and does not end the stream.
            try {
              each(payload);
            } catch (err) {
              reportError(err);
            }
          }
        });
      }
      return () => void named.delete(listener);
    },
  };
}

/**
 * Reads the event stream for as long as the page lives, reconnecting as EventSource would
 * after the host dropped it; a refused session ends it, as retrying could not help.
 */
async function streamEvents(url: string, deliver: (event: string, data: string) => void): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...(await sessionHeaders()) }, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) return;
      if (response.ok && response.body) await readEventStream(response.body, deliver);
    } catch {
      // The host went away or the stream broke: wait and connect again.
    }
    await new Promise((done) => setTimeout(done, RECONNECT_MS));
  }
}

/** The part of the event-stream format the web host writes: LF line ends, `event:` and `data:` lines, `:` comments. */
async function readEventStream(body: ReadableStream<Uint8Array>, deliver: (event: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length) deliver(event, data.join('\n'));
    }
  }
}
