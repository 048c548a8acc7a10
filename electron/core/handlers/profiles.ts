import type { DomainHandlers } from '../../../shared/contract';
import type { ProfileService } from '../services';

export function profilesHandlers(profiles: ProfileService): DomainHandlers<'profiles'> {
  return { list: () => profiles.list() };
}
