/**
 * Every use case checks its input with the contract's schema (shared/contract.ts), whoever calls
 * it: the desktop app and the web host through `dispatch`, the CLI directly. So a value one host
 * refuses, every host refuses, with the same message.
 */
import { type z } from 'zod';
import { contract, Settings, type MethodName } from '../../../shared/contract';
import { UserFacingError } from '../errors';

type Methods = (typeof contract)['methods'];
export type ValidInput<K extends MethodName> = z.output<Methods[K]['input']>;

/**
 * One line, each issue as `field: reason`: the CLI prints every failure on one line (issue 28).
 * A reason names the field, never its value (an external id is not echoed).
 */
export class InvalidInputError extends UserFacingError {
  override name = 'InvalidInputError';
  /** Each refusal with the path of its field, for a host that names fields its own way (the CLI's options). */
  readonly fields: ReadonlyArray<{ path: readonly (string | number)[]; reason: string }>;
  constructor(method: string, error: z.ZodError) {
    const fields = error.issues.map((issue) => ({ path: issue.path.filter((key) => typeof key !== 'symbol'), reason: issue.message }));
    super(
      `Invalid input for ${method}: ${fields.map(({ path, reason }) => `${path.join('.') || 'input'}: ${reason}`).join('; ')}`,
      'invalid_input',
    );
    this.fields = fields;
  }
}

/** The input of `method` as its schema reads it; InvalidInputError when the schema refuses it. */
export function validInput<K extends MethodName>(method: K, input: unknown): ValidInput<K> {
  const parsed = contract.methods[method].input.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(method, parsed.error);
  return parsed.data as ValidInput<K>;
}

/** What one run may set beside its plan: the values the app takes from its settings, as `settings:set` checks them. */
const RunOverrides = Settings.pick({ catalogEdition: true, scanAgeDays: true }).partial().strict();

export function validRunOverrides(input: unknown, method = 'audit:start'): z.output<typeof RunOverrides> {
  const parsed = RunOverrides.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(method, parsed.error);
  return parsed.data;
}
