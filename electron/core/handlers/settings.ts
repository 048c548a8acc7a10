import type { DomainHandlers } from '../../../shared/contract';
import type { SettingsService } from '../services';

export function settingsHandlers(settings: SettingsService): DomainHandlers<'settings'> {
  return {
    get: async () => settings.read(),
    set: async (patch) => settings.update(patch),
  };
}
