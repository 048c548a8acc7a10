import type { DomainHandlers } from '../../../shared/contract';
import type { AppService } from '../services';

export function appHandlers(app: AppService): DomainHandlers<'app'> {
  return {
    info: async () => app.info(),
    openExternal: (input) => app.openExternal(input),
  };
}
