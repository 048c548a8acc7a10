/**
 * Runs contract calls against the handlers: checks the envelope (a known method, an input its
 * schema reads), calls the handler, validates the output, and turns every failure into a
 * `CallResult` error value. The Electron IPC bindings and the web host both go through here; the
 * services check their input with the same schemas and message (services/validate.ts), so the
 * CLI, which calls them directly, accepts exactly what the app accepts.
 */
import { contract, type CallResult, type Handlers, type MethodName } from '../../shared/contract';
import { UserFacingError } from './errors';
import { validInput } from './services/validate';

export type Dispatch = (name: string, input: unknown) => Promise<CallResult<unknown>>;

const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract.methods, name);

export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (name, rawInput) => {
    if (!isMethodName(name)) return { ok: false, error: { code: 'invalid_input', message: `Unknown method: ${name.slice(0, 64)}` } };
    const [domain, verb] = name.split(':') as [keyof Handlers, string];
    const handler = (handlers[domain] as Record<string, (input: unknown) => Promise<unknown>>)[verb];
    try {
      const value = contract.methods[name].output.parse(await handler!(validInput(name, rawInput)));
      return { ok: true, value };
    } catch (err) {
      if (err instanceof UserFacingError) return { ok: false, error: { code: err.code, message: err.message } };
      // Internal errors are logged by name only: messages from deep inside (SDK, SQLite) may
      // carry request details, and the renderer gets a generic message instead.
      log(`call ${name} failed: ${err instanceof Error ? err.name : 'non-error thrown'}`);
      return { ok: false, error: { code: 'failed', message: `${name} failed unexpectedly.` } };
    }
  };
}
