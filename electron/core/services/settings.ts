/** The app's settings as a use case: read, and change with the edition checked and the change announced. */
import type { Settings, SettingsPatch } from '../../../shared/contract';
import { requireCatalog } from '../errors';
import type { EventBus } from '../events';
import type { SettingsFile } from '../settings/settingsFile';
import { validInput } from './validate';

export class SettingsService {
  constructor(
    private readonly file: SettingsFile,
    private readonly events: EventBus,
  ) {}

  read(): Settings {
    return this.file.read();
  }

  update(input: SettingsPatch): Settings {
    const patch = validInput('settings:set', input);
    if (patch.catalogEdition !== undefined) requireCatalog(patch.catalogEdition);
    const next = this.file.update(patch);
    this.events.emit('settings:changed', next);
    return next;
  }
}
