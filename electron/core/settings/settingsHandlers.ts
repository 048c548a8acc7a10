import type { DomainHandlers } from '../../../shared/contract';
import type { EventBus } from '../events';
import { UserFacingError } from '../dispatch';
import type { SettingsFile } from './settingsFile';

export function createSettingsHandlers(deps: {
  file: SettingsFile;
  events: EventBus;
  catalogEditions: readonly string[];
}): DomainHandlers<'settings'> {
  return {
    get: async () => deps.file.read(),
    set: async (patch) => {
      if (patch.catalogEdition !== undefined && !deps.catalogEditions.includes(patch.catalogEdition)) {
        throw new UserFacingError(`Unknown catalog edition: ${patch.catalogEdition}`, 'not_found');
      }
      const next = deps.file.update(patch);
      deps.events.emit('settings:changed', next);
      return next;
    },
  };
}
