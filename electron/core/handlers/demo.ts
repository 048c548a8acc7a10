import type { DomainHandlers } from '../../../shared/contract';
import type { DemoService } from '../services';

export function demoHandlers(demo: DemoService): DomainHandlers<'demo'> {
  return { load: (input) => demo.load(input) };
}
