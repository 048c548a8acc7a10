import type { CallResult, EventName, Transport } from '../../../shared/contract';

/**
 * The web host's transport: calls are POSTs to the same origin (the HttpOnly session cookie
 * goes along), events arrive on one shared EventSource.
 */
export function createWebTransport(base: string): Transport {
  let source: EventSource | null = null;
  return {
    call: async (name, input) => {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input }),
        });
      } catch {
        return { ok: false, error: { code: 'failed', message: 'The Patch Auditor host does not answer.' } };
      }
      if (!response.ok) return { ok: false, error: { code: 'forbidden', message: `The host refused the call (${response.status}).` } };
      return (await response.json()) as CallResult<unknown>;
    },
    subscribe: (name: EventName, listener) => {
      source ??= new EventSource(`${base}/events`);
      const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
      source.addEventListener(name, handler);
      return () => source?.removeEventListener(name, handler);
    },
  };
}
