import { contract, type EventName, type EventPayload } from '../../shared/contract';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/**
 * Events from the core to every connected renderer. Payloads are validated on the way
 * out, so a bug cannot push an unexpected shape (or a stray secret field) to the renderer:
 * zod strips unknown keys.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const clean = contract.events[name].parse(payload) as EventPayload<E>;
    for (const listener of this.#listeners) listener(name, clean);
  }
}
