import { describe, expect, it, vi } from 'vitest';
import { EventBus } from './events';

describe('EventBus', () => {
  it('strips fields the contract does not declare before anything leaves the core', () => {
    const bus = new EventBus();
    const listener = vi.fn();
    bus.subscribe(listener);
    const payload = { language: 'en', theme: 'dark', catalogEdition: 'seed-2022', scanAgeDays: 7, secretAccessKey: 'wJalr' } as never;
    bus.emit('settings:changed', payload);
    expect(listener.mock.calls[0]![1]).not.toHaveProperty('secretAccessKey');
  });

  it('refuses a payload of the wrong shape and stops after unsubscribe', () => {
    const bus = new EventBus();
    const listener = vi.fn();
    const unsubscribe = bus.subscribe(listener);
    expect(() => bus.emit('settings:changed', { language: 'fr' } as never)).toThrow();
    unsubscribe();
    bus.emit('settings:changed', { language: 'ja', theme: 'system', catalogEdition: 'seed-2022', scanAgeDays: 7 });
    expect(listener).not.toHaveBeenCalled();
  });
});
